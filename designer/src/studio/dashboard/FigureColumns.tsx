import type { ColumnType } from "antd/es/table";
import type { FigureTotals, OrgFigures } from "../../api/openapi-types";
import { useI18n } from "../i18n/i18n";
import { measureText, measures, type MeasureName } from "./figure-measures";

/**
 * The measure columns of a figures table (one per measure, rates as %, handling times in hours or days). With
 * `sort`, each header sorts on the server: the column sorted now shows its order.
 */
export function useMeasureColumns<Row>(figuresOf: (row: Row) => FigureTotals, sort?: { name: string; order: "asc" | "desc" }): ColumnType<Row>[] {
  const { t } = useI18n();
  const units = { hours: t("fig.hours"), days: t("fig.days") };
  return measures.map(({ name, title }) => ({
    key: name,
    title: t(title),
    align: "right",
    render: (_: unknown, row: Row) => measureText(name, figuresOf(row), units),
    ...(sort ? { sorter: true, sortDirections: ["descend", "ascend"] as const, sortOrder: sort.name === name ? (sort.order === "asc" ? "ascend" : "descend") : null } : {}),
  }) as ColumnType<Row>);
}

/** The org name column: a link when the row can be opened, plain text otherwise. */
export function orgColumn(title: string, open?: (row: OrgFigures) => void): ColumnType<OrgFigures> {
  return {
    key: "org", title, fixed: "left",
    render: (_: unknown, row: OrgFigures) => open
      ? <a href={`#org-${row.org.id}`} onClick={(e) => { e.preventDefault(); open(row); }}>{row.org.name}</a>
      : row.org.name,
  };
}

export type { MeasureName };
