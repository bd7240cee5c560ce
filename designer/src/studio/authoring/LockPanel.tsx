import { LockOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, InputNumber, Select, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { errorText } from "../api/client";
import type { Lock, LockKind, ModuleDocument, OverlayOperation } from "../api/types";
import { boundsText, locksOn, type Refusal } from "../customisation/lock-check";
import { RefusalAlert } from "../customisation/StructureEditor";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { ModuleEditing } from "../module/module-editing";
import { lockTargets } from "./lock-targets";
import { lockKinds, lockOperation, lockProblem, ownLocks, withLock, withLockAt, type LockDraft } from "./module-authoring";

/**
 * Which lock kinds an element kind takes: additions only for containers (sections, the workflow); an extension point
 * takes only a whole lock (closed) or additions only (the steps at it stay, new ones are welcome), as the engine.
 */
function kindsFor(kind: string | undefined): LockKind[] {
  if (kind === "extensionPoint") return ["element", "additionsOnly"];
  const containers = new Set(["form", "page", "section", "workflow"]);
  return lockKinds.filter((k) => (k === "additionsOnly" ? containers.has(kind ?? "") || kind === "field" : true));
}

/** A lock in a sentence: its kind, what it names, its reason. */
export function LockSummary({ lock }: { lock: Lock | LockDraft }) {
  const { t } = useI18n();
  const detail = lock.kind === "properties" ? (lock.properties ?? []).join(", ")
    : lock.kind === "bounds" ? `${lock.path} ${boundsText(lock as Lock)}` : "";
  return (
    <>
      <Tag style={{ color: "#873800", background: "#fff7e6", borderColor: "#ffd591" }}>{t(`lockKind.${lock.kind}` as MessageKey)}</Tag>
      {detail && <code style={{ marginRight: 6 }}>{detail}</code>}
      {lock.reason && <span>{lock.reason}</span>}
    </>
  );
}

/**
 * The locks on one element or extension point: those set above (greyed, with the reason and the org that set them), the designer's own
 * (edit, remove) and a form to add one. A template's locks go into its module.json; a derived module's are `lock`
 * operations of its overlay, saved at once so that the server can refuse one that would loosen a lock above.
 */
export function LockPanel({ editing, myOrgId, elementId }: { editing: ModuleEditing; myOrgId: string | number | undefined; elementId: string }) {
  const { t } = useI18n();
  const entry = editing.index.get(elementId);
  const point = editing.document.extensionPoints?.some((p) => p.id === elementId) ?? false;
  // A lock with no org is the template designer's own, not yet saved (the server stamps the owner).
  const inherited = useMemo(() => locksOn(editing.document, editing.index, myOrgId, elementId).filter((l) => l.by !== undefined),
    [editing.document, editing.index, myOrgId, elementId]);
  const own = ownLocks(editing.kind, editing.document, editing.operations, myOrgId, elementId);
  const targets = useMemo(() => (entry ? lockTargets(entry) : { properties: [], values: [] }), [entry]);
  const [draft, setDraft] = useState<LockDraft>();
  const [editingAt, setEditingAt] = useState<number>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!entry && !point) return null;

  /** A template edits its document; a derived module saves its overlay at once, so the server checks the lock. */
  const save = async (change: { template: (document: ModuleDocument) => ModuleDocument; derived: () => OverlayOperation[] }) => {
    setFailure(undefined);
    const done = () => { setDraft(undefined); setEditingAt(undefined); };
    if (editing.kind === "template") {
      editing.editDocument(change.template);
      done();
      return;
    }
    setBusy(true);
    try {
      const refused = await editing.applyOperations(change.derived());
      setRefusal(refused);
      if (!refused) done();
    } catch (e) {
      setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const put = (lock: LockDraft) => save({
    template: (d) => (editingAt === undefined ? withLock(d, lock) : withLockAt(d, editingAt, lock)),
    derived: () => (editingAt === undefined ? [...editing.operations, lockOperation(lock)]
      : editing.operations.map((o, i) => (i === editingAt ? lockOperation(lock) : o))),
  });
  const remove = (at: number) => save({
    template: (d) => withLockAt(d, at, undefined),
    derived: () => editing.operations.filter((_, i) => i !== at),
  });
  const problem = draft && lockProblem(draft);
  const bound = draft?.kind === "bounds" ? targets.values.find((v) => v.path === draft.path) : undefined;

  return (
    <section className="ff-lock-panel" aria-label={`${t("lock.title")} ${elementId}`} style={{ borderTop: "1px solid #f0f0f0", marginTop: 8, paddingTop: 8 }}>
      <Typography.Text strong><LockOutlined /> {t("lock.title")}</Typography.Text>
      {inherited.map((l, i) => (
        <div key={`in${i}`} className="ff-inherited-lock" aria-disabled="true" style={{ background: "#f5f5f5", color: "#595959", padding: 6, margin: "4px 0", borderRadius: 4, fontSize: 12 }}>
          <LockSummary lock={l} />
          <div>{t("lock.setAbove", { org: l.by?.name ?? String(l.by?.id ?? "?") })}</div>
        </div>
      ))}
      {own.map(({ lock, at }) => (
        <div key={`own${at}`} className="ff-own-lock" style={{ padding: 6, margin: "4px 0", border: "1px solid #ffd591", borderRadius: 4, fontSize: 12 }}>
          <LockSummary lock={lock} />
          <Space size={4} style={{ marginLeft: 4 }}>
            <Button size="small" type="link" onClick={() => { setDraft(lock); setEditingAt(at); }}>{t("lock.edit")}</Button>
            <Button size="small" type="link" danger loading={busy} onClick={() => void remove(at)}>{t("common.delete")}</Button>
          </Space>
        </div>
      ))}
      {refusal && <RefusalAlert refusal={refusal} />}
      {failure && <Alert type="error" role="alert" title={failure} />}
      {!draft ? (
        <div><Button size="small" onClick={() => { setDraft({ element: elementId, kind: "element" }); setEditingAt(undefined); setRefusal(undefined); }}>{t("lock.add")}</Button></div>
      ) : (
        <Form layout="vertical" size="small" className="ff-lock-form">
          <Form.Item label={t("lock.kind")}>
            <Select aria-label={t("lock.kind")} value={draft.kind} onChange={(kind: LockKind) => setDraft({ element: elementId, kind, reason: draft.reason })}
              options={kindsFor(point ? "extensionPoint" : entry?.kind).map((k) => ({ value: k, label: t(`lockKind.${k}` as MessageKey) }))} />
          </Form.Item>
          {draft.kind === "properties" && (
            <Form.Item label={t("lock.properties")}>
              <Select aria-label={t("lock.properties")} mode="multiple" value={draft.properties ?? []} onChange={(properties: string[]) => setDraft({ ...draft, properties })}
                options={targets.properties.map((p) => ({ value: p, label: p }))} />
            </Form.Item>
          )}
          {draft.kind === "bounds" && (
            <>
              <Form.Item label={t("lock.path")}>
                <Select aria-label={t("lock.path")} value={draft.path} onChange={(path: string) => setDraft({ ...draft, path, min: undefined, max: undefined, options: undefined })}
                  options={targets.values.map((v) => ({ value: v.path, label: v.path }))} />
              </Form.Item>
              {bound?.numeric !== false ? (
                <Space>
                  <Form.Item label={t("lock.min")}>
                    <InputNumber aria-label={t("lock.min")} value={draft.min ?? null} onChange={(n) => setDraft({ ...draft, min: n ?? undefined })} />
                  </Form.Item>
                  <Form.Item label={t("lock.max")}>
                    <InputNumber aria-label={t("lock.max")} value={draft.max ?? null} onChange={(n) => setDraft({ ...draft, max: n ?? undefined })} />
                  </Form.Item>
                </Space>
              ) : (
                <Form.Item label={t("lock.options")} help={t("lock.optionsHelp")}>
                  <Select aria-label={t("lock.options")} mode="tags" value={(draft.options ?? []).map(String)} onChange={(options: string[]) => setDraft({ ...draft, options })} />
                </Form.Item>
              )}
            </>
          )}
          <Form.Item label={t("lock.reason")}>
            <Input aria-label={t("lock.reason")} value={draft.reason ?? ""} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />
          </Form.Item>
          {problem && <Typography.Text type="danger">{t(`lock.problem.${problem}` as MessageKey)}</Typography.Text>}
          <Space>
            <Button size="small" type="primary" disabled={problem !== undefined} loading={busy} onClick={() => void put(draft)}>{t("lock.save")}</Button>
            <Button size="small" onClick={() => { setDraft(undefined); setEditingAt(undefined); }}>{t("common.cancel")}</Button>
          </Space>
        </Form>
      )}
    </section>
  );
}
