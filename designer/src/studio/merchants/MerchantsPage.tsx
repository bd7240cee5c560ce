import { Alert, Button, Input, Popconfirm, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import type { MerchantView } from "../../api/openapi-types";
import { studioApi } from "../api/studio-api";
import type { OrgNode } from "../api/types";
import type { Column } from "../data-table/DataTable";
import { DataTable } from "../data-table/DataTable";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";
import { SheetImportPanel } from "../sheet-import/SheetImportPanel";
import { MerchantDialog } from "./MerchantDialog";

type Dialog = { kind: "create" } | { kind: "edit"; merchant: MerchantView };

/** The month before this one, e.g. 2026-11: the settlement people export most. */
function lastMonth(): string {
  const now = new Date();
  const month = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, "0")}`;
}

/** 商户 (admins): the merchants of my subtrees — search, page on, create, change, deactivate, import a sheet, export a month's settlement. */
export function MerchantsPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<MerchantView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [dialog, setDialog] = useState<Dialog>();
  const [month, setMonth] = useState(lastMonth);
  const [message, setMessage] = useState<{ type: "success" | "error" } & RefusalText>();
  const failed = (e: unknown) => setMessage({ type: "error", ...refusalText(e, t) });

  const load = async (q: string, cursor?: string | null) => {
    setLoading(true);
    try {
      const page = await studioApi.managedMerchants(q, cursor);
      setItems((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      failed(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => { void load(""); studioApi.orgs().then(setOrgs, failed); }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const replace = (saved: MerchantView) => setItems((shown) => shown.map((m) => (m.id === saved.id ? saved : m)));
  const deactivate = async (m: MerchantView) => {
    setMessage(undefined);
    try {
      replace(await studioApi.deactivateMerchant(m.id));
      setMessage({ type: "success", text: t("merchants.deactivatedDone", { name: m.name }) });
    } catch (e) {
      failed(e);
    }
  };

  const columns: Column<MerchantView>[] = [
    { title: t("merchants.code"), dataIndex: "code" },
    { title: t("merchants.name"), dataIndex: "name" },
    { title: t("merchants.category"), dataIndex: "category" },
    { title: t("merchants.district"), dataIndex: "districtName" },
    { title: t("merchants.benefits"), render: (_, m) => <Space size={[4, 4]} wrap>{m.benefits.map((b) => <Tag key={b}>{b}</Tag>)}</Space> },
    { title: t("merchants.window"), render: (_, m) => (m.activeFrom || m.activeUntil ? `${m.activeFrom ?? "…"} – ${m.activeUntil ?? "…"}` : t("merchants.always")) },
    {
      title: t("accounts.status"),
      render: (_, m) => (m.deactivatedAt ? <Tag>{t("merchants.deactivated")}</Tag> : m.active ? <Tag>{t("merchants.active")}</Tag> : <Tag>{t("merchants.outsideWindow")}</Tag>),
    },
    {
      title: t("accounts.actions"),
      render: (_, m) => (
        <Space size="small" wrap>
          <Button size="small" onClick={() => setDialog({ kind: "edit", merchant: m })}>{t("merchants.edit")}</Button>
          {!m.deactivatedAt && (
            <Popconfirm title={t("merchants.deactivateConfirm", { name: m.name })} okText={t("merchants.deactivate")} cancelText={t("common.cancel")} onConfirm={() => deactivate(m)}>
              <Button size="small" danger>{t("merchants.deactivate")}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="ff-merchants">
      {message && <Alert type={message.type} role={message.type === "error" ? "alert" : "status"} title={message.text} description={message.detail}
        closable onClose={() => setMessage(undefined)} style={{ marginBottom: 8 }} />}
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search aria-label={t("merchants.search")} placeholder={t("merchants.search")} allowClear value={query} style={{ width: 280 }}
          onChange={(e) => setQuery(e.target.value)} onSearch={(q) => void load(q.trim())} />
        <Button type="primary" onClick={() => setDialog({ kind: "create" })}>{t("merchants.new")}</Button>
      </Space>
      <DataTable label={t("app.merchants")} columns={columns} dataSource={items} rowKey={(m) => String(m.id)} loading={loading} />
      {next && <Button style={{ marginTop: 8 }} disabled={loading} onClick={() => void load(query.trim(), next)}>{t("accounts.loadMore")}</Button>}
      <SheetImportPanel title={t("merchants.import")} help={t("merchants.importHelp")} importedText={(created) => t("merchants.imported", { created })}
        importSheet={studioApi.importMerchants} onImported={() => void load(query.trim())} />
      <section aria-labelledby="ff-settlement" style={{ marginTop: 24 }}>
        <Typography.Title level={5} id="ff-settlement">{t("merchants.settlement")}</Typography.Title>
        <Space wrap>
          <Input type="month" aria-label={t("merchants.settlementMonth")} value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 180 }} />
          <Button href={studioApi.settlementUrl(month)} disabled={!/^\d{4}-\d{2}$/.test(month)}>{t("merchants.settlementExport")}</Button>
        </Space>
      </section>
      {dialog && (
        <MerchantDialog merchant={dialog.kind === "edit" ? dialog.merchant : undefined} orgs={orgs} onClose={() => setDialog(undefined)}
          onSaved={(saved) => {
            setDialog(undefined);
            if (dialog.kind === "edit") replace(saved); else setItems((shown) => [saved, ...shown]);
            setMessage({ type: "success", text: t(dialog.kind === "edit" ? "merchants.saved" : "merchants.created", { name: saved.name }) });
          }} />
      )}
    </div>
  );
}
