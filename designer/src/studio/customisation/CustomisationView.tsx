import { Alert, Button, Input, Segmented, Space, Tag, Typography } from "antd";
import { DataTable } from "../data-table/DataTable";
import { useMemo, useState, type CSSProperties } from "react";
import { errorText } from "../api/client";
import type { ModuleSummary, OverlayOperation, UpgradeState } from "../api/types";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { ModuleEditing } from "../module/module-editing";
import { ConflictResolver } from "./ConflictResolver";
import { SettingValueInput } from "./SettingValueInput";
import { titleOf } from "./element-index";
import { elementRows, type ElementRow, type ElementStatus } from "./element-status";
import { hideRefusal, type Refusal } from "./lock-check";
import { RefusalAlert, StructureEditor } from "./StructureEditor";
import { withoutMovesOf } from "./move-operations";
import { StructureOrder } from "./StructureOrder";
import { withoutOperationsOn } from "./structure-operations";
import { tones } from "../app/tones";
import { LockPanel } from "../authoring/LockPanel";
import { rejoinOf } from "../authoring/module-authoring";

const statusColour: Record<ElementStatus, string> = { inherited: "default", overridden: "blue", locked: "orange", added: "green", hidden: "red" };
/** antd's orange and green tags read below 4.5:1 (axe): the same hues, darker text. */
const statusStyle: Partial<Record<ElementStatus, CSSProperties>> = {
  locked: { color: "#873800", background: "#fff7e6", borderColor: "#ffd591" },
  added: { color: "#135200", background: "#f6ffed", borderColor: "#b7eb8f" },
};
const statusText: Record<ElementStatus, MessageKey> = {
  inherited: "cust.inherited", overridden: "cust.overridden", locked: "cust.locked", added: "cust.added", hidden: "cust.hidden",
};
const hideable = new Set(["page", "section", "field", "activity"]);

export interface CustomisationViewProps {
  summary: ModuleSummary;
  editing: ModuleEditing;
  upgrade(): Promise<UpgradeState>;
  resolve(conflictId: string, choice: "keepMine" | "takeParent" | "edit", value?: unknown): Promise<UpgradeState>;
}

/** What a derived module inherits, overrides and may not touch; its settings; its diff against the parent; upgrades. */
export function CustomisationView({ summary, editing, upgrade, resolve }: CustomisationViewProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ElementStatus | "all">("all");
  const [search, setSearch] = useState("");
  const [refusal, setRefusal] = useState<Refusal & { element: string }>();
  const [upgradeState, setUpgradeState] = useState<UpgradeState>();
  const [failure, setFailure] = useState<string>();
  const [rowRefusal, setRowRefusal] = useState<Refusal & { element: string }>();
  const rows = useMemo(() => elementRows(editing.document, editing.index, editing.preview?.provenance ?? {}, summary.ownerOrgId, editing.operations),
    [editing.document, editing.index, editing.preview, summary.ownerOrgId, editing.operations]);
  const shown = rows.filter((r) => (filter === "all" || r.status === filter) && `${r.id} ${r.title}`.toLowerCase().includes(search.toLowerCase()));

  const run = async (action: () => Promise<UpgradeState>) => {
    try {
      setUpgradeState(await action());
      setFailure(undefined);
      await editing.reload();
    } catch (e) {
      setFailure(errorText(e));
    }
  };

  // Structure changes go to the server at once: it resolves them (anchors, extension points, soundness) and decides.
  const apply = async (operations: OverlayOperation[], element?: string): Promise<Refusal | undefined> => {
    try {
      const refused = await editing.applyOperations(operations);
      setRowRefusal(refused && element ? { ...refused, element } : undefined);
      setFailure(undefined);
      return refused;
    } catch (e) {
      setFailure(errorText(e));
      return undefined;
    }
  };
  const hide = (row: ElementRow) => {
    const refused = hideRefusal(editing.document, editing.index, summary.ownerOrgId, row.id);
    if (refused) setRowRefusal({ ...refused, element: row.id });
    else void apply([...editing.operations, { op: "hide", element: row.id }], row.id);
  };

  return (
    <div className="ff-customisation">
      {summary.upgradeAvailable && !upgradeState && (
        <Alert type="info" showIcon className="ff-upgrade-banner" title={t("cust.upgradeAvailable")}
          action={<Button type="primary" onClick={() => run(upgrade)}>{t("cust.upgrade")}</Button>} style={{ marginBottom: 12 }} />
      )}
      {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
      {upgradeState && (
        <section style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{t("cust.conflicts")} ({upgradeState.from} → {upgradeState.to})</Typography.Title>
          <ConflictResolver conflicts={upgradeState.conflicts} resolve={(id, choice, value) => run(() => resolve(id, choice, value))} />
        </section>
      )}

      <Typography.Title level={5}>{t("cust.settings")}</Typography.Title>
      <DataTable rowKey="key" dataSource={Object.entries(editing.document.settings ?? {}).map(([key, s]) => ({ key, ...s }))} columns={[
        { title: t("cust.element"), render: (_, s) => <>{s.label?.["zh-CN"] ?? s.key} <code>{s.key}</code></> },
        {
          title: t("cust.value"), render: (_, s) => (
            <Space direction="vertical" size={0}>
              <SettingValueInput name={s.key} value={s.value} label={`${t("cust.value")} ${s.key}`}
                disabled={editing.refusal(s.key, "/value", s.value) !== undefined}
                onChange={(value) => {
                  const refused = editing.setProperty(s.key, "/value", value, "value");
                  setRefusal(refused ? { ...refused, element: s.key } : undefined);
                }} />
              {s.min !== undefined && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.min}–{s.max}</Typography.Text>}
              {refusal?.element === s.key && (
                <Alert type="error" role="alert" className="ff-refusal" title={t("cust.refused", { reason: refusal.reason })}
                  description={refusal.lockedBy ? t("cust.lockedBy", { org: refusal.lockedBy.name ?? refusal.lockedBy.id, reason: refusal.reason }) : undefined} />
              )}
            </Space>
          ),
        },
        { title: t("lock.title"), render: (_, s) => <LockPanel editing={editing} myOrgId={summary.ownerOrgId} elementId={s.key} /> },
      ]} />

      {(editing.document.extensionPoints ?? []).length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t("ext.list")}</Typography.Title>
          <DataTable rowKey="id" className="ff-extension-points" dataSource={editing.document.extensionPoints ?? []} columns={[
            { title: t("ext.id"), render: (_, p) => <><code>⊕ {p.id}</code> {p.description}</> },
            { title: t("ext.where"), render: (_, p) => t("ext.route", { source: p.source, outcome: p.outcome ?? "done", rejoin: rejoinOf(editing.document.workflow, p) ?? "?" }) },
            { title: t("lock.title"), render: (_, p) => <LockPanel editing={editing} myOrgId={summary.ownerOrgId} elementId={p.id} /> },
          ]} />
        </>
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("cust.diff")}</Typography.Title>
      <OverlayDiff operations={editing.operations} />

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("cust.structure")}</Typography.Title>
      <StructureEditor editing={editing} myOrgId={summary.ownerOrgId} apply={(operation) => apply([...editing.operations, operation])} />

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("cust.order")}</Typography.Title>
      <StructureOrder editing={editing} myOrgId={summary.ownerOrgId} apply={(operations) => apply(operations)} />

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("cust.element")}</Typography.Title>
      <Space style={{ marginBottom: 8 }}>
        <Segmented value={filter} onChange={(v) => setFilter(v as ElementStatus | "all")} options={[
          { value: "all", label: t("library.all") },
          ...(Object.keys(statusText) as ElementStatus[]).map((status) => ({ value: status, label: t(statusText[status]) })),
        ]} />
        <Input.Search  placeholder={t("common.search")} value={search} onChange={(e) => setSearch(e.target.value)} />
      </Space>
      <DataTable<ElementRow> rowKey="id" dataSource={shown} pageSize={50} columns={[
        { title: t("cust.element"), render: (_, r) => <>{r.title} <code>{r.id}</code> {r.kind && <Tag>{r.kind}</Tag>}</> },
        {
          title: t("cust.status"), render: (_, r) => (
            <>
              {rowRefusal?.element === r.id && <RefusalAlert refusal={rowRefusal} />}
              <Tag color={statusStyle[r.status] ? undefined : statusColour[r.status]} style={statusStyle[r.status]} data-status={r.status}>{t(statusText[r.status])}</Tag>
              {r.overriddenHere.map((p) => <code key={p} style={{ marginRight: 4 }}>{p}</code>)}
              {r.movedHere && <Tag color="blue">{t("cust.moved")}</Tag>}
              {r.locks.map((l, i) => <div key={i} style={{ fontSize: 12, color: tones.locked }}>{t("cust.lockedBy", { org: l.by?.name ?? l.by?.id ?? "?", reason: `${l.kind}${l.reason ? ` — ${l.reason}` : ""}` })}</div>)}
            </>
          ),
        },
        {
          title: t("cust.actions"), width: 90, render: (_, r) => (
            <Space wrap size={4}>
              {r.status === "hidden" || r.status === "added"
                ? <Button size="small" onClick={() => void apply(withoutOperationsOn(editing.operations, r.id), r.id)}>{t(r.status === "hidden" ? "cust.restore" : "common.delete")}</Button>
                : r.kind && hideable.has(r.kind) && <Button size="small" danger onClick={() => hide(r)}>{t("cust.hide")}</Button>}
              {r.movedHere && r.status !== "added"
                && <Button size="small" onClick={() => void apply(withoutMovesOf(editing.operations, r.id), r.id)}>{t("cust.unmove")}</Button>}
            </Space>
          ),
        },
      ]} />
    </div>
  );
}


/** The overlay read as a diff: what this org changed against the parent. */
export function OverlayDiff({ operations }: { operations: OverlayOperation[] }) {
  const { t } = useI18n();
  if (operations.length === 0) return <Typography.Text type="secondary">{t("cust.noDiff")}</Typography.Text>;
  return (
    <ul className="ff-overlay-diff" style={{ fontFamily: "monospace", fontSize: 12 }}>
      {operations.map((o, i) => (
        <li key={i}>
          {o.op === "set" ? <><b>{o.element}</b>{o.path}: <del style={{ color: tones.removed }}>{JSON.stringify(o.was)}</del> → <ins style={{ color: tones.added }}>{JSON.stringify(o.value)}</ins></>
            : o.op === "add" ? <>+ {String(o.definition.id)} → {o.parent}{o.exit ? ` (${o.exit})` : ""} <ins style={{ color: tones.added }}>{titleOf(o.definition)}</ins></>
            : o.op === "hide" ? <>− {o.element}</>
            : o.op === "move" ? <>↷ {o.element} → {o.parent}{o.after ? t("cust.after", { anchor: o.after }) : o.before ? t("cust.before", { anchor: o.before }) : ""}</>
            : <>🔒 {o.element} {o.kind}</>}
        </li>
      ))}
    </ul>
  );
}
