import { Card, Segmented, Table } from "antd";
import { useEffect, useState } from "react";
import type { FigureRanking, OrgFigures } from "../../api/openapi-types";
import { errorText } from "../api/client";
import { useI18n } from "../i18n/i18n";
import { ExportLink } from "./ExportLink";
import { orgColumn, useMeasureColumns } from "./FigureColumns";
import { figuresApi, type FigureScope, type OrgLevelName } from "./figures-api";

const pageSize = 20;

/** The units of one level under the current org, sorted on the server by the clicked column, one page at a time. */
export function RankingCard({ scope }: { scope: FigureScope }) {
  const { t } = useI18n();
  const [level, setLevel] = useState<OrgLevelName>("grassroots");
  const [sort, setSort] = useState<{ name: string; order: "asc" | "desc" }>({ name: "received", order: "desc" });
  const [page, setPage] = useState(1);
  const [ranking, setRanking] = useState<FigureRanking>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    figuresApi.ranking(scope, { level, sort: sort.name, order: sort.order, limit: pageSize, offset: (page - 1) * pageSize })
      .then((r) => { setRanking(r); setProblem(undefined); }, (e) => setProblem(errorText(e)));
  }, [scope, level, sort, page]);
  const columns = [{ key: "rank", title: t("fig.rank"), render: (_: unknown, __: OrgFigures, i: number) => (page - 1) * pageSize + i + 1 },
    orgColumn(t("fig.org")), ...useMeasureColumns<OrgFigures>((row) => row.figures, sort)];
  const title = t("fig.ranking");
  return (
    <Card size="small" title={title} extra={<ExportLink href={figuresApi.exportUrl("ranking", scope, { level, sort: sort.name, order: sort.order })} what={title} />}>
      <Segmented<OrgLevelName> aria-label={t("fig.level")} value={level} onChange={(v) => { setLevel(v); setPage(1); }} style={{ marginBottom: 8 }}
        options={[{ value: "grassroots", label: t("fig.level.grassroots") }, { value: "street", label: t("fig.level.street") }, { value: "district", label: t("fig.level.district") }]} />
      {problem && <div role="alert" className="ff-refusal">{problem}</div>}
      <Table<OrgFigures> className="ff-figures-ranking" size="small" rowKey={(row) => row.org.id} columns={columns} dataSource={ranking?.rows ?? []} scroll={{ x: "max-content" }}
        pagination={{ current: page, pageSize, total: ranking?.total ?? 0, showSizeChanger: false }}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const name = typeof s?.columnKey === "string" ? s.columnKey : undefined;
          if (name && name !== "rank" && name !== "org") {
            const order = s.order === "ascend" ? "asc" : "desc";
            if (name !== sort.name || order !== sort.order) { setSort({ name, order }); setPage(1); return; }
          }
          setPage(pagination.current ?? 1);
        }} />
    </Card>
  );
}
