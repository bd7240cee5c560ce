import { Alert, Button, Select, Space, Tabs, Tag } from "antd";
import { useEffect, useState } from "react";
import type { DeliveryView, FailedEffectView } from "../../api/openapi-types";
import { errorText } from "../api/client";
import { studioApi } from "../api/studio-api";
import type { Column } from "../data-table/DataTable";
import { DataTable } from "../data-table/DataTable";
import { useI18n } from "../i18n/i18n";

/** A list read a page at a time along the server's cursor (`load()` starts over, `load(next)` appends), with its last message. */
function usePages<T>(fetchPage: (cursor?: string | null) => Promise<{ items: T[]; next?: string | null }>) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState<{ type: "success" | "error"; text: string }>();
  const load = async (cursor?: string | null) => {
    setLoading(true);
    try {
      const page = await fetchPage(cursor);
      setItems((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next ?? null);
    } catch (e) {
      setMessage({ type: "error", text: errorText(e) });
    } finally {
      setLoading(false);
    }
  };
  return { items, setItems, next, loading, load, message, setMessage };
}

type Filter = { status?: string; channel?: string; via?: string };
const statusKey = { pending: "deliveries.pending", sent: "deliveries.sentStatus", failed: "deliveries.failed" } as const;
const channelKey = { sms: "deliveries.sms", wechat: "deliveries.wechat" } as const;
const time = (iso?: string | null) => (iso ? new Date(iso).toLocaleString() : "");

/**
 * 消息投递 (admins): the SMS and WeChat messages to people of my subtrees with their status, tries and last error,
 * and "retry now"; the demo channel's messages in full (registration codes included); failed workflow effects.
 */
export function DeliveriesPage() {
  const { t } = useI18n();
  return (
    <Tabs items={[
      { key: "sent", label: t("deliveries.sent"), children: <Deliveries fixed={{}} filters /> },
      { key: "log", label: t("deliveries.log"), children: <><Alert type="info" title={t("deliveries.logNote")} style={{ marginBottom: 8 }} /><Deliveries fixed={{ via: "log" }} showBody /></> },
      { key: "effects", label: t("deliveries.failedEffects"), children: <FailedEffects /> },
    ]} />
  );
}

function Deliveries({ fixed, filters, showBody }: { fixed: Filter; filters?: boolean; showBody?: boolean }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>(fixed);
  const { items, next, loading, load, message, setMessage } = usePages((cursor) => studioApi.deliveries(filter, cursor));
  useEffect(() => { void load(); }, [filter.status, filter.channel]); // eslint-disable-line react-hooks/exhaustive-deps
  const retry = async (d: DeliveryView) => {
    try {
      await studioApi.retryDelivery(d.id);
      setMessage({ type: "success", text: t("deliveries.retried") });
      await load();
    } catch (e) {
      setMessage({ type: "error", text: errorText(e) });
    }
  };

  const columns: Column<DeliveryView>[] = [
    { title: t("deliveries.createdAt"), render: (_, d) => time(d.createdAt) },
    { title: t("deliveries.channel"), render: (_, d) => t(channelKey[d.channel as keyof typeof channelKey] ?? "deliveries.sms") },
    { title: t("deliveries.to"), dataIndex: "to" },
    { title: t("deliveries.title"), dataIndex: "title" },
    ...(showBody ? [{ title: t("deliveries.body"), render: (_: unknown, d: DeliveryView) => d.body ?? "" }] : []),
    { title: t("deliveries.status"), render: (_, d) => <Tag color={d.status === "failed" ? "red" : d.status === "sent" ? "green" : "gold"}>{t(statusKey[d.status as keyof typeof statusKey] ?? "deliveries.pending")}</Tag> },
    { title: t("deliveries.attempts"), dataIndex: "attempts" },
    { title: t("deliveries.lastError"), render: (_, d) => d.lastError ?? "" },
    { title: t("deliveries.nextAttemptAt"), render: (_, d) => time(d.nextAttemptAt) },
    { title: "", render: (_, d) => (d.status !== "sent" ? <Button size="small" onClick={() => void retry(d)}>{t("deliveries.retry")}</Button> : null) },
  ];

  return (
    <div>
      {message && <Alert type={message.type} role={message.type === "error" ? "alert" : "status"} title={message.text} closable onClose={() => setMessage(undefined)} style={{ marginBottom: 8 }} />}
      <Space style={{ marginBottom: 12 }} wrap>
        {filters && <>
          <Select aria-label={t("deliveries.status")} style={{ width: 140 }} value={filter.status ?? ""} onChange={(status: string) => setFilter((f) => ({ ...f, status: status || undefined }))}
            options={[{ value: "", label: t("deliveries.all") }, ...Object.entries(statusKey).map(([value, key]) => ({ value, label: t(key) }))]} />
          <Select aria-label={t("deliveries.channel")} style={{ width: 140 }} value={filter.channel ?? ""} onChange={(channel: string) => setFilter((f) => ({ ...f, channel: channel || undefined }))}
            options={[{ value: "", label: t("deliveries.all") }, ...Object.entries(channelKey).map(([value, key]) => ({ value, label: t(key) }))]} />
        </>}
        <Button onClick={() => void load()}>{t("deliveries.refresh")}</Button>
      </Space>
      <DataTable label={showBody ? t("deliveries.log") : t("deliveries.sent")} columns={columns} dataSource={items} rowKey={(d) => String(d.id)} loading={loading} />
      {next && <Button style={{ marginTop: 8 }} disabled={loading} onClick={() => void load(next)}>{t("deliveries.loadMore")}</Button>}
    </div>
  );
}

function FailedEffects() {
  const { t } = useI18n();
  const { items, setItems, next, loading, load, message, setMessage } = usePages(studioApi.failedEffects);
  useEffect(() => { void load(); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const retry = async (f: FailedEffectView) => {
    try {
      await studioApi.retryEffect(f.id);
      setItems((shown) => shown.filter((x) => x.id !== f.id));
      setMessage({ type: "success", text: t("deliveries.retried") });
    } catch (e) {
      setMessage({ type: "error", text: errorText(e) });
    }
  };
  const columns: Column<FailedEffectView>[] = [
    { title: t("deliveries.failedAt"), render: (_, f) => time(f.failedAt) },
    { title: t("deliveries.case"), dataIndex: "caseNumber" },
    { title: t("deliveries.kind"), dataIndex: "kind" },
    { title: t("deliveries.attempts"), dataIndex: "attempts" },
    { title: t("deliveries.lastError"), render: (_, f) => f.lastError ?? "" },
    { title: "", render: (_, f) => <Button size="small" onClick={() => void retry(f)}>{t("deliveries.retry")}</Button> },
  ];
  return (
    <div>
      {message && <Alert type={message.type} role={message.type === "error" ? "alert" : "status"} title={message.text} closable onClose={() => setMessage(undefined)} style={{ marginBottom: 8 }} />}
      <DataTable label={t("deliveries.failedEffects")} columns={columns} dataSource={items} rowKey={(f) => String(f.id)} loading={loading} />
      {next && <Button style={{ marginTop: 8 }} disabled={loading} onClick={() => void load(next)}>{t("deliveries.loadMore")}</Button>}
    </div>
  );
}
