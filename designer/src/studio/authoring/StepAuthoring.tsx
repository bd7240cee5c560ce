import { Button, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { ModuleEditing } from "../module/module-editing";
import { portsOf } from "../workflow-designer/activity-ports";
import { activitySpec } from "../workflow-designer/activity-registry";
import { LockPanel } from "./LockPanel";
import { readPointer } from "../customisation/element-index";
import { lockTargets } from "./lock-targets";
import { boundProperties, promotePropertyToSetting, promoteToSetting, rejoinOf, settingKeyProblem, withExtensionPoint } from "./module-authoring";

/**
 * Under a step's properties: its locks, and for a template "设为可配置项" (a step input becomes a named setting lower
 * levels may change within bounds) and "开放扩展点" (after this step, lower levels may insert their own steps).
 */
export function StepAuthoring({ editing, myOrgId, activityId }: { editing: ModuleEditing; myOrgId: string | number | undefined; activityId: string }) {
  return (
    <>
      {editing.kind === "template" && <PromoteToSetting editing={editing} elementId={activityId} />}
      {editing.kind === "template" && <OpenExtensionPoint editing={editing} activityId={activityId} />}
      <LockPanel editing={editing} myOrgId={myOrgId} elementId={activityId} />
    </>
  );
}

/**
 * Under a field's, section's or page's properties: its locks, and for a template "设为可配置项" on one of its
 * properties (a field's maximum, its label ...).
 */
export function ElementAuthoring({ editing, myOrgId, elementId }: { editing: ModuleEditing; myOrgId: string | number | undefined; elementId: string }) {
  return (
    <>
      {editing.kind === "template" && <PromoteToSetting editing={editing} elementId={elementId} />}
      <LockPanel editing={editing} myOrgId={myOrgId} elementId={elementId} />
    </>
  );
}

/** The properties of an element a setting can drive: a step's inputs that have a value, another element's values. */
function promotable(editing: ModuleEditing, elementId: string): string[] {
  const entry = editing.index.get(elementId);
  if (!entry) return [];
  const bound = boundProperties(editing.document, elementId);
  if (entry.kind === "activity") {
    const inputs = (entry.node.inputs ?? {}) as Record<string, unknown>;
    return (activitySpec(String(entry.node.type))?.inputs ?? []).map((i) => `/inputs/${i.name}`)
      .filter((path) => inputs[path.slice("/inputs/".length)] !== undefined && !bound.has(path));
  }
  return lockTargets(entry).values.map((v) => v.path).filter((path) => !bound.has(path) && path !== "/key" && path !== "/type");
}

function PromoteToSetting({ editing, elementId }: { editing: ModuleEditing; elementId: string }) {
  const { t } = useI18n();
  const entry = editing.index.get(elementId);
  const candidates = promotable(editing, elementId);
  const bound = [...boundProperties(editing.document, elementId)];
  const [chosenPath, setPath] = useState<string>();
  const [key, setKey] = useState("");
  const [zh, setZh] = useState("");
  const [en, setEn] = useState("");
  const [min, setMin] = useState<number>();
  const [max, setMax] = useState<number>();
  if (!entry) return null;
  const activity = entry.kind === "activity";
  // A step input is named as the manifest names it (deadlineDays); any other property by its pointer (/max).
  const shown = (path: string) => (activity ? path.slice("/inputs/".length) : path);
  const path = chosenPath ?? candidates[0];
  const problem = key === "" ? undefined : settingKeyProblem(editing.document, editing.index, key);
  const numeric = typeof readPointer(entry.node, path ?? "") === "number";
  const promote = () => {
    const setting = { key, label: { "zh-CN": zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) }, min, max };
    editing.editDocument((d) => (activity ? promoteToSetting(d, elementId, shown(path!), setting) : promotePropertyToSetting(d, entry, path!, setting)));
    setKey(""); setZh(""); setEn(""); setMin(undefined); setMax(undefined); setPath(undefined);
  };
  return (
    <section className="ff-promote-setting" aria-label={t("setting.promote")} style={{ borderTop: "1px solid #f0f0f0", marginTop: 8, paddingTop: 8 }}>
      <Typography.Text strong>{t("setting.promote")}</Typography.Text>
      {bound.map(([pointer, setting]) => <div key={pointer} style={{ fontSize: 12 }}><code>{shown(pointer)}</code> ← {t("wf.boundToSetting", { setting })}</div>)}
      {candidates.length === 0 ? <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t("setting.nothingToPromote")}</Typography.Paragraph> : (
        <Form layout="vertical" size="small">
          <Form.Item label={t("setting.input")}>
            <Select aria-label={t("setting.input")} value={path} onChange={setPath} options={candidates.map((p) => ({ value: p, label: shown(p) }))} />
          </Form.Item>
          <Form.Item label={t("setting.key")} validateStatus={problem ? "error" : undefined} help={problem ? t(`setting.problem.${problem}` as MessageKey) : undefined}>
            <Input aria-label={t("setting.key")} value={key} onChange={(e) => setKey(e.target.value.trim())} placeholder="districtDeadlineDays" />
          </Form.Item>
          <Form.Item label={t("setting.labelZh")}>
            <Input aria-label={t("setting.labelZh")} value={zh} onChange={(e) => setZh(e.target.value)} />
          </Form.Item>
          <Form.Item label={t("setting.labelEn")}>
            <Input aria-label={t("setting.labelEn")} value={en} onChange={(e) => setEn(e.target.value)} />
          </Form.Item>
          {numeric && (
            <Space>
              <Form.Item label={t("setting.min")}><InputNumber aria-label={t("setting.min")} value={min ?? null} onChange={(n) => setMin(n ?? undefined)} /></Form.Item>
              <Form.Item label={t("setting.max")}><InputNumber aria-label={t("setting.max")} value={max ?? null} onChange={(n) => setMax(n ?? undefined)} /></Form.Item>
            </Space>
          )}
          <Button size="small" type="primary" disabled={!path || key === "" || problem !== undefined || zh.trim() === ""} onClick={promote}>{t("setting.promote")}</Button>
        </Form>
      )}
    </section>
  );
}

function OpenExtensionPoint({ editing, activityId }: { editing: ModuleEditing; activityId: string }) {
  const { t } = useI18n();
  const { workflow } = editing.document;
  const activity = workflow.activities.find((a) => a.id === activityId);
  const ports = activity ? portsOf(activity).filter((port) => rejoinOf(workflow, { source: activityId, outcome: port }) !== undefined) : [];
  const [outcome, setOutcome] = useState<string>();
  const [id, setId] = useState("");
  const [description, setDescription] = useState("");
  if (!activity || ports.length === 0) return null;
  const port = outcome ?? ports[0];
  const problem = id === "" ? undefined : settingKeyProblem(editing.document, editing.index, id);
  const here = editing.document.extensionPoints.filter((p) => p.source === activityId);
  return (
    <section className="ff-open-extension-point" aria-label={t("ext.open")} style={{ borderTop: "1px solid #f0f0f0", marginTop: 8, paddingTop: 8 }}>
      <Typography.Text strong>{t("ext.open")}</Typography.Text>
      {here.map((p) => (
        <div key={p.id} style={{ fontSize: 12 }}>⊕ <code>{p.id}</code> {t("ext.route", { source: p.source, outcome: p.outcome ?? "done", rejoin: rejoinOf(workflow, p) ?? "?" })}</div>
      ))}
      <Form layout="vertical" size="small">
        <Form.Item label={t("ext.outcome")}>
          <Select aria-label={t("ext.outcome")} value={port} onChange={setOutcome} options={ports.map((p) => ({ value: p, label: `${p} → ${rejoinOf(workflow, { source: activityId, outcome: p })}` }))} />
        </Form.Item>
        <Form.Item label={t("ext.id")} validateStatus={problem ? "error" : undefined} help={problem ? t(`setting.problem.${problem}` as MessageKey) : undefined}>
          <Input aria-label={t("ext.id")} value={id} onChange={(e) => setId(e.target.value.trim())} placeholder="afterReview" />
        </Form.Item>
        <Form.Item label={t("ext.description")}>
          <Input aria-label={t("ext.description")} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Form.Item>
        <Button size="small" type="primary" disabled={id === "" || problem !== undefined}
          onClick={() => { editing.editDocument((d) => withExtensionPoint(d, { id, source: activityId, outcome: port, description })); setId(""); setDescription(""); }}>
          {t("ext.open")}
        </Button>
      </Form>
    </section>
  );
}
