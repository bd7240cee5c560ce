import { Alert, Button, Card, Space, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { studioApi } from "../api/studio-api";
import type { Results, Service } from "../api/types";
import type { ChartOption } from "../dashboard/EChart";
import { LazyChart } from "../dashboard/LazyChart";
import { useI18n } from "../i18n/i18n";
import { refusalText } from "../i18n/refusal-text";
import { nameOf } from "../library/module-name";

type Field = Results["fields"][number];

/** A survey's or vote's results: one bar chart per field with options, numbers' summaries, the breakdown by org unit, and the Excel export. */
export function ResultsPanel({ service }: { service: Service }) {
  const { t, locale } = useI18n();
  const [results, setResults] = useState<Results>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => { studioApi.results(service.id).then(setResults, (e) => setProblem(refusalText(e, t).text)); }, [service.id]);
  if (problem) return <Alert type="error" role="alert" title={problem} />;
  if (!results) return null;
  return (
    <Card size="small" title={t("res.title", { name: nameOf(service.name) })}
      extra={<Button href={studioApi.resultsExportUrl(service.id)}>{t("dash.exportXlsx")}</Button>}>
      <Space wrap>
        <span>{t("res.responses", { n: results.responses })}</span>
        {results.turnout && <span>{t("res.turnout", { n: results.turnout.participants, eligible: results.turnout.eligible })}</span>}
      </Space>
      {results.fields.map((f) => <FieldChart key={f.key} field={f} />)}
      <Typography.Title level={5}>{t("res.byOrg")}</Typography.Title>
      {results.byOrgHidden && <Typography.Paragraph type="secondary">{byOrgHiddenText(results.byOrgHidden, t, locale)}</Typography.Paragraph>}
      <ul>
        {results.byOrg.map((o) => <li key={o.orgId}>{o.name}: {o.suppressed ? t("res.suppressed") : t("res.responses", { n: o.responses ?? 0 })}</li>)}
      </ul>
    </Card>
  );
}

function byOrgHiddenText(hidden: NonNullable<Results["byOrgHidden"]>, t: ReturnType<typeof useI18n>["t"], locale: string): string {
  if (hidden.reason === "staffOnly") return t("res.byOrgStaffOnly");
  return hidden.until ? t("res.byOrgHiddenUntil", { time: new Date(hidden.until).toLocaleString(locale) }) : t("res.byOrgHiddenWhileOpen");
}

function FieldChart({ field }: { field: Field }) {
  const { t } = useI18n();
  const title = nameOf(field.label ?? field.key);
  const option = useMemo<ChartOption | null>(() => field.options ? {
    grid: { left: 120, right: 24, top: 8, bottom: 24 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: field.options.map((o) => (o.label ? nameOf(o.label) : o.value)) },
    tooltip: {},
    series: [{ type: "bar", data: field.options.map((o) => o.count) }],
  } : null, [field]);
  const n = (x: number | null | undefined) => (x == null ? "–" : String(Math.round(x * 100) / 100));
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      {option && <LazyChart option={option} height={40 + 28 * (field.options?.length ?? 0)} label={title} />}
      {field.mean != null && <div>{t("res.summary", { mean: n(field.mean), median: n(field.median), min: n(field.min), max: n(field.max) })}</div>}
      {field.texts && <ul>{field.texts.map((text, i) => <li key={i}>{text}</li>)}</ul>}
    </div>
  );
}
