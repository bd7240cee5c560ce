import { Card, DatePicker, Table } from "antd";
import { useEffect, useState } from "react";
import type { FigureComparison } from "../../api/openapi-types";
import { errorText } from "../api/client";
import { useI18n } from "../i18n/i18n";
import { ExportLink } from "./ExportLink";
import { measureText, measures } from "./figure-measures";
import { figuresApi, type FigureScope } from "./figures-api";

interface Row { key: string; title: string; current: string; other: string; change: string }

/** The current period against another one the user picks, measure by measure, with the change of each. */
export function CompareCard({ scope }: { scope: FigureScope }) {
  const { t } = useI18n();
  const [other, setOther] = useState<{ from: string; to: string }>();
  const [comparison, setComparison] = useState<FigureComparison>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (!other) { setComparison(undefined); return; }
    figuresApi.compare(scope, other.from, other.to).then((c) => { setComparison(c); setProblem(undefined); }, (e) => setProblem(errorText(e)));
  }, [scope, other]);
  const units = { hours: t("fig.hours"), days: t("fig.days") };
  const rows: Row[] = comparison ? measures.map(({ name, title }) => {
    const change = comparison.change[name];
    return {
      key: name, title: t(title), current: measureText(name, comparison.current.figures, units), other: measureText(name, comparison.other.figures, units),
      change: change === null || change === undefined ? "—" : name === "onTimeRate" ? `${change > 0 ? "+" : ""}${(change * 100).toFixed(1)}%` : `${change > 0 ? "+" : ""}${Number(change.toFixed(1))}`,
    };
  }) : [];
  const title = t("fig.compare");
  return (
    <Card size="small" title={title} extra={other && <ExportLink href={figuresApi.exportUrl("compare", scope, { otherFrom: other.from, otherTo: other.to })} what={title} />}>
      <DatePicker.RangePicker aria-label={t("fig.otherPeriod")} placeholder={[t("fig.otherFrom"), t("fig.otherTo")]}
        onChange={(_, [from, to]) => setOther(from && to ? { from, to } : undefined)} />
      {problem && <div role="alert" className="ff-refusal">{problem}</div>}
      {comparison && (
        <Table<Row> className="ff-figures-compare" size="small" pagination={false} dataSource={rows} columns={[
          { key: "title", title: t("fig.measure"), dataIndex: "title" },
          { key: "current", title: `${comparison.current.from} – ${comparison.current.to}`, dataIndex: "current", align: "right" },
          { key: "other", title: `${comparison.other.from} – ${comparison.other.to}`, dataIndex: "other", align: "right" },
          { key: "change", title: t("fig.change"), dataIndex: "change", align: "right" },
        ]} />
      )}
    </Card>
  );
}
