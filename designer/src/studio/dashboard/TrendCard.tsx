import { Card, Segmented } from "antd";
import { useEffect, useMemo, useState } from "react";
import type { FigureTrend } from "../../api/openapi-types";
import { errorText } from "../api/client";
import { useI18n } from "../i18n/i18n";
import type { ChartOption } from "./EChart";
import { ExportLink } from "./ExportLink";
import { figuresApi, type FigureScope } from "./figures-api";
import { LazyChart } from "./LazyChart";

/** Received, finished and late cases and the on-time rate of the current org per week or month. */
export function TrendCard({ scope }: { scope: FigureScope }) {
  const { t } = useI18n();
  const [grain, setGrain] = useState<"week" | "month">("month");
  const [trend, setTrend] = useState<FigureTrend>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => { figuresApi.trend(scope, grain).then((r) => { setTrend(r); setProblem(undefined); }, (e) => setProblem(errorText(e))); }, [scope, grain]);
  const option = useMemo<ChartOption | undefined>(() => trend && {
    tooltip: { trigger: "axis" }, legend: { bottom: 0 }, grid: { left: 40, right: 40, bottom: 40, top: 20 },
    xAxis: { type: "category", data: trend.buckets.map((b) => b.bucket) },
    yAxis: [{ type: "value" }, { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } }],
    series: [
      { name: t("fig.received"), type: "bar", data: trend.buckets.map((b) => b.figures.received) },
      { name: t("fig.finished"), type: "bar", data: trend.buckets.map((b) => b.figures.finished) },
      { name: t("fig.late"), type: "bar", data: trend.buckets.map((b) => b.figures.late) },
      { name: t("fig.onTimeRate"), type: "line", yAxisIndex: 1, data: trend.buckets.map((b) => b.figures.onTimeRate === null ? null : Math.round(b.figures.onTimeRate * 1000) / 10) },
    ],
  }, [trend, t]);
  const title = t("fig.trend");
  return (
    <Card size="small" title={title} extra={<ExportLink href={figuresApi.exportUrl("trend", scope, { grain })} what={title} />}>
      <Segmented<"week" | "month"> aria-label={t("fig.grain")} value={grain} onChange={setGrain}
        options={[{ value: "month", label: t("fig.grain.month") }, { value: "week", label: t("fig.grain.week") }]} />
      {problem && <div role="alert" className="ff-refusal">{problem}</div>}
      {option && <LazyChart label={title} option={option} />}
    </Card>
  );
}
