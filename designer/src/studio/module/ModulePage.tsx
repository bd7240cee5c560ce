import { Alert, Button, Space, Spin, Tabs, Tag, Typography, message } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { errorText, isStaleDraft, type ApiError } from "../api/client";
import { studioApi } from "../api/studio-api";
import type { ModuleDetails, ModuleSummary, TestRunResult } from "../api/types";
import { CustomisationView } from "../customisation/CustomisationView";
import { FormDesigner } from "../form-designer/FormDesigner";
import { dataFields } from "../form-designer/form-edits";
import { useI18n } from "../i18n/i18n";
import { TestRunPanel } from "../test-run/TestRunPanel";
import { VersionsPanel } from "../versions/VersionsPanel";
import { WorkflowDesigner } from "../workflow-designer/WorkflowDesigner";
import { useModuleEditing } from "./module-editing";
import { StaleDraftAlert } from "./StaleDraftAlert";
import { ArchivedNotice } from "./ArchivedNotice";
import { locksOn } from "../customisation/lock-check";
import { SettingsPanel } from "../authoring/SettingsPanel";
import { ElementAuthoring, StepAuthoring } from "../authoring/StepAuthoring";

const serverValidate = studioApi.validateWorkflow;

/** One module: workflow, forms, customisation (derived), versions and publishing, test run. */
export function ModulePage({ summary, onBack }: { summary: ModuleSummary; onBack(): void }) {
  const { t } = useI18n();
  const { editing, error } = useModuleEditing(summary, summary.ownerOrgId);
  const [details, setDetails] = useState<ModuleDetails>();
  const [tab, setTab] = useState(summary.kind === "derived" ? "customisation" : "workflow");
  const [testRun, setTestRun] = useState<TestRunResult>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<ApiError>();
  // The page's own toasts, in its tree: antd's static message renders in a root of its own that outlives the page.
  const [toast, toastHolder] = message.useMessage();
  const loadDetails = useCallback(() => studioApi.module(summary.id).then(setDetails, () => undefined), [summary.id]);
  useEffect(() => { void loadDetails(); }, [loadDetails]);

  const derived = summary.kind === "derived";
  // The library's row says whether it was archived when opened; the module's details say what it is now.
  const archived = details?.archived ?? summary.archived;
  const document = editing?.document;
  const boundInputs = useMemo(() => {
    const map = new Map<string, string>();
    for (const [key, s] of Object.entries(document?.settings ?? {})) for (const a of s.appliesTo ?? []) if ("activity" in a) map.set(`${a.activity}/${a.input}`, key);
    return map;
  }, [document?.settings]);
  // Locked above as a whole (or additions only): the whole panel is greyed; a properties lock greys only its inputs.
  const lockedWhole = useCallback((id: string) => derived && editing !== undefined
    && locksOn(editing.document, editing.index, summary.ownerOrgId, id).some((l) => l.kind === "element" || l.kind === "additionsOnly"), [derived, editing, summary.ownerOrgId]);
  const lockedActivities = useMemo(() => new Set(document ? document.workflow.activities.filter((a) => lockedWhole(a.id)).map((a) => a.id) : []), [document, lockedWhole]);
  const takenIds = useMemo(() => new Set(editing ? [...editing.index.keys()] : []), [editing]);

  if (error) return <Alert type="error" title={errorText(error)} action={<Button onClick={onBack}>{t("common.back")}</Button>} />;
  if (!editing || !document) return <Spin tip={t("common.loading")}><div style={{ height: 200 }} /></Spin>;

  const save = async () => {
    setSaving(true);
    try {
      await editing.save();
      void toast.success(t("common.saved"));
    } catch (e) {
      if (isStaleDraft(e)) setStale(e);
      else void toast.error(errorText(e));
      throw e;
    } finally {
      setSaving(false);
    }
  };
  const setInput = (activityId: string, name: string, value: unknown, merge?: string) => editing.setProperty(activityId, `/inputs/${name}`, value, merge);

  return (
    <div className="ff-module">
      {toastHolder}
      <Space style={{ marginBottom: 8 }} wrap>
        <Button onClick={onBack}>← {t("common.back")}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>{document.name?.["zh-CN"] ?? summary.id}</Typography.Title>
        <Tag>{t(derived ? "library.kind.derived" : "library.kind.template")}</Tag>
        <Tag>{summary.ownerOrgName}</Tag>
        {archived && <Tag color="default">{t("library.archivedTag")}</Tag>}
        <Button onClick={editing.undo} disabled={!editing.canUndo}>{t("wf.undo")}</Button>
        <Button onClick={editing.redo} disabled={!editing.canRedo}>{t("wf.redo")}</Button>
        <Button type="primary" onClick={() => void save().catch(() => undefined)} loading={saving} disabled={!editing.dirty}>{t("module.saveDraft")}</Button>
        {editing.dirty && <Tag color="gold">●</Tag>}
      </Space>
      {archived && <ArchivedNotice moduleId={summary.id} onUnarchived={() => void loadDetails()} />}
      {stale && <StaleDraftAlert conflict={stale} onReload={() => { setStale(undefined); void editing.reload(); }} />}
      {derived && <Alert type="info" banner title={t("module.readOnlyStructure")} style={{ marginBottom: 8 }} />}
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
        ...(derived ? [{ key: "customisation", label: t("module.customisation"), children: (
          <CustomisationView summary={summary} editing={editing}
            upgrade={() => studioApi.upgrade(summary.id)}
            resolve={(id, choice, value) => studioApi.resolveConflict(summary.id, id, choice, value)} />
        ) }] : []),
        { key: "workflow", label: t("module.workflow"), children: (
          <div style={{ height: "calc(100vh - 220px)" }}>
            <WorkflowDesigner
              workflow={document.workflow}
              onChange={editing.setWorkflow}
              structureLocked={derived}
              setInput={setInput}
              boundSetting={(activityId, input) => {
                const key = boundInputs.get(`${activityId}/${input}`);
                return key ? { key, setting: document.settings[key] } : undefined;
              }}
              setSetting={(key, value) => editing.setProperty(key, "/value", value, "value")}
              history={editing}
              validate={serverValidate}
              importElsa={(json) => studioApi.importElsa(json)}
              visited={testRun?.visited}
              lockedActivities={lockedActivities}
              propertyLock={editing.propertyLock}
              formFields={dataFields(document.forms[0])}
              extensionPoints={document.extensionPoints}
              extras={(activityId) => <StepAuthoring editing={editing} myOrgId={summary.ownerOrgId} activityId={activityId} />}
            />
          </div>
        ) },
        ...(derived ? [] : [{ key: "settings", label: t("setting.tab"), children: <SettingsPanel editing={editing} myOrgId={summary.ownerOrgId} /> }]),
        ...document.forms.map((form, i) => ({ key: `form-${form.id}`, label: `${t("module.form")} · ${form.title?.["zh-CN"] ?? form.id}`, children: (
          <FormDesigner form={form} onChange={(next, merge) => editing.setForm(i, next, merge)} setProperty={editing.setProperty}
            structureLocked={derived} takenIds={takenIds}
            extras={(id) => <ElementAuthoring key={id} editing={editing} myOrgId={summary.ownerOrgId} elementId={id} />}
            lockedElement={lockedWhole} propertyLock={editing.propertyLock}
            badges={(id) => (editing.operations.some((o) => o.op === "set" && o.element === id) ? [t("cust.overridden")] : [])} />
        ) })),
        { key: "versions", label: t("module.versions"), children: details
          ? <VersionsPanel details={details} draft={document} setVersion={derived ? undefined : editing.setVersion} onPublished={() => { void loadDetails(); void editing.reload(); }}
              beforePublish={async () => { if (editing.dirty) await save(); }} />
          : <Spin /> },
        { key: "test", label: t("module.testRun"), children: (
          <TestRunPanel workflow={document.workflow} run={(data, outcomes, fillMissing) => studioApi.testRun(summary.id, data, outcomes, fillMissing)}
            onResult={(r) => { setTestRun(r); if (r) setTab("workflow"); }} />
        ) },
      ]} />
      {testRun && tab === "workflow" && (
        <Alert type="success" closable onClose={() => setTestRun(undefined)} className="ff-test-path"
          title={`${t("test.visited")}: ${testRun.visited.join(" → ")} (${testRun.status})`} />
      )}
    </div>
  );
}
