import { Card, Table } from "antd";
import type { FigureBreakdown, FigureOrg, OrgFigures } from "../../api/openapi-types";
import { useI18n } from "../i18n/i18n";
import { ExportLink } from "./ExportLink";
import { orgColumn, useMeasureColumns } from "./FigureColumns";
import { figuresApi, type FigureScope } from "./figures-api";

/** The current org's figures by child org: each child's name drills down; the org's own work is the last row. */
export function BreakdownCard({ breakdown, scope, open }: { breakdown: FigureBreakdown; scope: FigureScope; open: (org: FigureOrg) => void }) {
  const { t } = useI18n();
  const columns = [orgColumn(t("fig.org"), (row) => open(row.org)), ...useMeasureColumns<OrgFigures>((row) => row.figures)];
  const rows: OrgFigures[] = [...breakdown.children, { org: { ...breakdown.org, hasChildren: false }, figures: breakdown.direct }];
  const title = t("fig.breakdown");
  return (
    <Card size="small" title={title} extra={<ExportLink href={figuresApi.exportUrl("breakdown", scope)} what={title} />}>
      <Table<OrgFigures> className="ff-figures-breakdown" size="small" rowKey={(row) => `${row.org.id}-${row === rows[rows.length - 1] ? "own" : "child"}`}
        columns={columns.map((c, i) => i === 0 ? { ...c, render: (v, row, n) => row === rows[rows.length - 1] ? t("fig.ownWork") : c.render!(v, row, n) } : c)}
        dataSource={rows} pagination={false} scroll={{ x: "max-content" }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t("fig.total")}</Table.Summary.Cell>
            <TotalsCells breakdown={breakdown} />
          </Table.Summary.Row>
        )} />
    </Card>
  );
}

/** The subtree's totals under the measure columns. */
function TotalsCells({ breakdown }: { breakdown: FigureBreakdown }) {
  const columns = useMeasureColumns<FigureBreakdown>((b) => b.totals);
  return <>{columns.map((c, i) => <Table.Summary.Cell key={String(c.key)} index={i + 1} align="right">{c.render!(undefined, breakdown, 0) as string}</Table.Summary.Cell>)}</>;
}
