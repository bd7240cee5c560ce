import { Alert, Tag, Typography } from "antd";
import { DataTable } from "../data-table/DataTable";
import type { Impact, ImpactConflict, ImpactEntry, ImpactStatus } from "../api/types";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

const show = (v: unknown) => (v === undefined || v === null ? "—" : JSON.stringify(v));

/** Tag colours whose text keeps a 4.5:1 contrast (antd's green, orange and gold do not); the rest stay plain. */
const statusColor: Partial<Record<ImpactStatus, string>> = { conflicts: "blue", brokenByLock: "red" };

/**
 * The impact of publishing the draft on every org below, before publishing: per derived module its fate (upgraded on
 * its own, waiting for a decision, broken by a new lock ...), and each conflict with its three values (old parent,
 * new parent, the org's own) and the org that holds the lock. Expanding a row shows the org's overlay operation.
 */
export function ImpactTable({ impact }: { impact: Impact }) {
  const { t } = useI18n();
  if (impact.derived.length === 0) return <Alert type="info" className="ff-impact" title={t("impact.none", { version: impact.version })} />;
  return (
    <div className="ff-impact" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t("impact.title", { version: impact.version })}</Typography.Text>
      <DataTable<ImpactEntry> rowKey="moduleId" dataSource={impact.derived} label={t("impact.title", { version: impact.version })}
        columns={[
          { title: t("impact.org"), render: (_, e) => e.org.name },
          { title: t("impact.status"), render: (_, e) => <Tag className={`ff-impact-${e.status}`} color={statusColor[e.status]}>{t(`impact.status.${e.status}` as MessageKey)}</Tag> },
          { title: t("impact.versions"), render: (_, e) => e.from ? `${e.from} → ${e.to}${e.version ? ` (${t("ver.version")} ${e.version})` : ""}` : "—" },
          { title: t("impact.reason"), render: (_, e) => e.reason ?? "" },
          { title: t("cust.conflicts"), render: (_, e) => e.conflicts.length },
        ]} />
      {impact.derived.filter((e) => e.conflicts.length > 0).map((e) => (
        <div key={e.moduleId} className="ff-impact-org" data-org={e.org.name} style={{ marginTop: 8 }}>
          <Typography.Text>{t("impact.conflictsOf", { org: e.org.name ?? "" })}</Typography.Text>
          <ConflictRows conflicts={e.conflicts} />
        </div>
      ))}
    </div>
  );
}

function ConflictRows({ conflicts }: { conflicts: ImpactConflict[] }) {
  const { t } = useI18n();
  return (
    <DataTable<ImpactConflict> rowKey="id" dataSource={conflicts} className="ff-impact-conflicts" columns={[
      { title: t("cust.conflicts"), render: (_, c) => <><Tag>{c.kind}</Tag><code>{c.path}</code></> },
      { title: t("cust.base"), render: (_, c) => <code className="ff-base">{show(c.base)}</code> },
      { title: t("cust.parent"), render: (_, c) => <code className="ff-parent">{show(c.parent)}</code> },
      { title: t("cust.mine"), render: (_, c) => <code className="ff-mine">{show(c.child)}</code> },
      {
        title: t("impact.lockedBy"), render: (_, c) => c.lockedBy
          ? <span className="ff-locked-by">{c.lockedBy.name}{c.lock?.reason ? `：${c.lock.reason}` : ""}</span> : "—",
      },
      { title: t("impact.operation"), render: (_, c) => c.operation ? <code>{show(c.operation)}</code> : "—" },
    ]} />
  );
}
