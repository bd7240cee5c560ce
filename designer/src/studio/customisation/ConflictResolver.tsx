import { Alert, Button, Input, Space, Tag } from "antd";
import { DataTable } from "../data-table/DataTable";
import { useState } from "react";
import type { Conflict } from "../api/types";
import { useI18n } from "../i18n/i18n";

const show = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v, null, 1));

/**
 * Upgrade conflicts side by side (old parent, new parent, mine) with keep mine / take parent / edit. A conflict with
 * a new parent lock cannot be kept.
 */
export function ConflictResolver({ conflicts, resolve }: {
  conflicts: Conflict[];
  resolve(conflictId: string, choice: "keepMine" | "takeParent" | "edit", value?: unknown): Promise<void>;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ id: string; text: string; problem?: string }>();
  const blocking = conflicts.filter((c) => c.blocking);
  return (
    <div className="ff-conflicts">
      {blocking.length === 0 ? <Alert type="success" title={t("cust.noConflicts")} /> : null}
      <DataTable<Conflict> rowKey="id" dataSource={conflicts} columns={[
        { title: t("cust.conflicts"), render: (_, c) => <><Tag color={c.blocking ? "red" : "default"}>{c.kind}</Tag><code>{c.path}</code>{c.blocking && <div><Tag color="red">{t("cust.blocking")}</Tag></div>}</> },
        { title: t("cust.base"), render: (_, c) => <pre className="ff-base">{show(c.base)}</pre> },
        { title: t("cust.parent"), render: (_, c) => <pre className="ff-parent">{show(c.parent)}</pre> },
        { title: t("cust.mine"), render: (_, c) => <pre className="ff-mine">{show(c.child)}</pre> },
        {
          title: "", width: 260, render: (_, c) => editing?.id === c.id ? (
            <div>
              <Input.TextArea aria-label={`${t("cust.edit")} ${c.path}`} rows={3} value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
              {editing.problem && <div style={{ color: "#ff4d4f" }}>{editing.problem}</div>}
              <Space>
                <Button  type="primary" onClick={async () => {
                  let value: unknown;
                  try { value = JSON.parse(editing.text); } catch (e) { setEditing({ ...editing, problem: (e as Error).message }); return; }
                  await resolve(c.id, "edit", value);
                  setEditing(undefined);
                }}>{t("common.apply")}</Button>
                <Button  onClick={() => setEditing(undefined)}>{t("common.cancel")}</Button>
              </Space>
            </div>
          ) : (
            <Space wrap>
              <Button  disabled={!c.blocking || c.kind === "lockedUpstream"} title={c.kind === "lockedUpstream" ? t("cust.lockedUpstream") : undefined}
                onClick={() => resolve(c.id, "keepMine")}>{t("cust.keepMine")}</Button>
              <Button  disabled={!c.blocking} onClick={() => resolve(c.id, "takeParent")}>{t("cust.takeParent")}</Button>
              <Button  disabled={!c.blocking} onClick={() => setEditing({ id: c.id, text: show(c.child ?? c.parent) })}>{t("cust.edit")}</Button>
              {c.kind === "lockedUpstream" && c.lockedBy && <Tag color="orange">{t("cust.lockedBy", { org: c.lockedBy.orgName ?? c.lockedBy.name ?? "", reason: "" })}</Tag>}
            </Space>
          ),
        },
      ]} />
    </div>
  );
}
