import { Card, Table } from "antd";
import { useEffect, useState } from "react";
import type { ModuleFigures } from "../../api/openapi-types";
import { errorText } from "../api/client";
import { useI18n } from "../i18n/i18n";
import { ExportLink } from "./ExportLink";
import { useMeasureColumns } from "./FigureColumns";
import { figuresApi, type FigureScope } from "./figures-api";

/** The current org's figures per module over the period. */
export function ModulesCard({ scope }: { scope: FigureScope }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<ModuleFigures[]>([]);
  const [problem, setProblem] = useState<string>();
  useEffect(() => { figuresApi.modules(scope).then((m) => { setRows(m.modules); setProblem(undefined); }, (e) => setProblem(errorText(e))); }, [scope]);
  const columns = [{ key: "module", title: t("fig.module"), render: (_: unknown, row: ModuleFigures) => row.name }, ...useMeasureColumns<ModuleFigures>((row) => row.figures)];
  const title = t("fig.modules");
  return (
    <Card size="small" title={title} extra={<ExportLink href={figuresApi.exportUrl("modules", scope)} what={title} />}>
      {problem && <div role="alert" className="ff-refusal">{problem}</div>}
      <Table<ModuleFigures> className="ff-figures-modules" size="small" pagination={false} rowKey={(row) => row.moduleKey} dataSource={rows} columns={columns} scroll={{ x: "max-content" }} />
    </Card>
  );
}
