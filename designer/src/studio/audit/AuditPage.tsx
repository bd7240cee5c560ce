import { Alert, Button, Input, Space, TreeSelect } from "antd";
import { useEffect, useState } from "react";
import type { AuditEntryView } from "../../api/openapi-types";
import { studioApi } from "../api/studio-api";
import type { OrgNode } from "../api/types";
import type { Column } from "../data-table/DataTable";
import { DataTable } from "../data-table/DataTable";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";
import { orgTreeData } from "../library/org-tree";

type Filter = { actor: string; action: string; target: string; org?: number; from: string; to: string };
const empty: Filter = { actor: "", action: "", target: "", from: "", to: "" };

/** The details as short "key: value" text; the JSON as stored when it is not an object. */
function detailsText(details: string): string {
  try {
    const parsed: unknown = JSON.parse(details);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return Object.entries(parsed).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`).join("; ");
  } catch {
    // stored as written
  }
  return details;
}

/**
 * 审计日志 (admins): who did what to which object of my subtrees, newest first, filtered by actor, action (a name such
 * as merchant.created, or a prefix ending in a dot such as merchant.), object, org unit and days, a page at a time.
 */
export function AuditPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>(empty);
  const [items, setItems] = useState<AuditEntryView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<RefusalText>();
  const [orgs, setOrgs] = useState<OrgNode[]>([]);

  const load = async (wanted: Filter, cursor?: string | null) => {
    setLoading(true);
    setProblem(undefined);
    try {
      const page = await studioApi.audit({ actor: wanted.actor.trim(), action: wanted.action.trim(), target: wanted.target.trim(), org: wanted.org, from: wanted.from, to: wanted.to }, cursor);
      setItems((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      setProblem(refusalText(e, t));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => { void load(empty); studioApi.orgs().then(setOrgs, (e) => setProblem(refusalText(e, t))); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (change: Partial<Filter>) => setFilter((f) => ({ ...f, ...change }));

  const columns: Column<AuditEntryView>[] = [
    { title: t("audit.at"), render: (_, e) => new Date(e.at).toLocaleString(), width: 170 },
    { title: t("audit.actor"), dataIndex: "actor" },
    { title: t("audit.action"), render: (_, e) => <code>{e.action}</code> },
    { title: t("audit.target"), render: (_, e) => e.target ?? "" },
    { title: t("audit.org"), render: (_, e) => e.orgName ?? t("audit.noOrg") },
    { title: t("audit.details"), render: (_, e) => <span className="ff-audit-details">{detailsText(e.details)}</span> },
  ];

  return (
    <div className="ff-audit">
      <form aria-label={t("audit.filters")} onSubmit={(e) => { e.preventDefault(); void load(filter); }}>
        <Space style={{ marginBottom: 12 }} wrap>
          <Input aria-label={t("audit.actor")} placeholder={t("audit.actor")} value={filter.actor} maxLength={256} onChange={(e) => set({ actor: e.target.value })} style={{ width: 180 }} />
          <Input aria-label={t("audit.action")} placeholder={t("audit.actionHint")} value={filter.action} maxLength={256} onChange={(e) => set({ action: e.target.value })} style={{ width: 220 }} />
          <Input aria-label={t("audit.target")} placeholder={t("audit.targetHint")} value={filter.target} maxLength={256} onChange={(e) => set({ target: e.target.value })} style={{ width: 180 }} />
          <TreeSelect aria-label={t("audit.org")} placeholder={t("audit.org")} allowClear treeDefaultExpandAll value={filter.org} treeData={orgTreeData(orgs)}
            onChange={(org?: number) => set({ org })} style={{ width: 220 }} />
          <Input aria-label={t("audit.from")} type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} style={{ width: 160 }} />
          <Input aria-label={t("audit.to")} type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} style={{ width: 160 }} />
          <Button type="primary" htmlType="submit">{t("audit.search")}</Button>
          <Button onClick={() => { setFilter(empty); void load(empty); }}>{t("audit.clear")}</Button>
        </Space>
      </form>
      <Alert type="info" title={t("audit.scope")} style={{ marginBottom: 8 }} />
      {problem && <Alert type="error" role="alert" title={problem.text} description={problem.detail} style={{ marginBottom: 8 }} />}
      <DataTable label={t("app.audit")} columns={columns} dataSource={items} rowKey={(e) => String(e.id)} loading={loading} />
      {next && <Button style={{ marginTop: 8 }} disabled={loading} onClick={() => void load(filter, next)}>{t("accounts.loadMore")}</Button>}
    </div>
  );
}
