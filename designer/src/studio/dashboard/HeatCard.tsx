import { Card, Table } from "antd";
import { useEffect, useState } from "react";
import type { OrgFigures } from "../../api/openapi-types";
import { errorText } from "../api/client";
import { useI18n } from "../i18n/i18n";
import { ExportLink } from "./ExportLink";
import { percent } from "./figure-measures";
import { figuresApi, type FigureScope } from "./figures-api";

/** The grassroots units under the current org with the lowest on-time rates, lowest first. */
export function HeatCard({ scope }: { scope: FigureScope }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<OrgFigures[]>([]);
  const [problem, setProblem] = useState<string>();
  useEffect(() => { figuresApi.heat(scope, { level: "grassroots" }).then((r) => { setRows(r); setProblem(undefined); }, (e) => setProblem(errorText(e))); }, [scope]);
  const title = t("fig.heat");
  return (
    <Card size="small" title={title} extra={<ExportLink href={figuresApi.exportUrl("heat", scope, { level: "grassroots" })} what={title} />}>
      {problem && <div role="alert" className="ff-refusal">{problem}</div>}
      <Table<OrgFigures> className="ff-figures-heat" size="small" pagination={false} rowKey={(row) => row.org.id} dataSource={rows} columns={[
        { key: "org", title: t("fig.org"), render: (_, row) => row.org.name },
        { key: "onTimeRate", title: t("fig.onTimeRate"), align: "right", render: (_, row) => percent(row.figures.onTimeRate) },
        { key: "late", title: t("fig.late"), align: "right", render: (_, row) => row.figures.late },
        { key: "onTime", title: t("fig.onTime"), align: "right", render: (_, row) => row.figures.onTime },
      ]} />
    </Card>
  );
}
