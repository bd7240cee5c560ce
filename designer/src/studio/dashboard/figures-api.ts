import type { FigureBreakdown, FigureComparison, FigureModules, FigureRanking, FigureTrend, OrgFigures } from "../../api/openapi-types";
import { request } from "../api/client";

/** The period and org every figures view is asked for (from/to: local dates, inclusive). */
export interface FigureScope { orgUnitId?: number; from?: string; to?: string }

export type FigureView = "breakdown" | "trend" | "modules" | "compare" | "ranking" | "heat";
export type OrgLevelName = "grassroots" | "street" | "district";

type Values = Record<string, string | number | undefined>;

/** A query string of the given values, leaving out the empty ones. */
export function figureQuery(values: Values): string {
  return new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)] as [string, string])).toString();
}

const get = <T>(path: string, values: Values) => request<T>("GET", `/api/stats/figures${path}?${figureQuery(values)}`);

/** The calls of the figures API (/api/stats/figures) and the address of each view's xlsx. */
export const figuresApi = {
  breakdown: (scope: FigureScope) => get<FigureBreakdown>("", { ...scope }),
  trend: (scope: FigureScope, grain: "week" | "month") => get<FigureTrend>("/trend", { ...scope, grain }),
  modules: (scope: FigureScope) => get<FigureModules>("/modules", { ...scope }),
  compare: (scope: FigureScope, otherFrom: string, otherTo: string) => get<FigureComparison>("/compare", { ...scope, otherFrom, otherTo }),
  ranking: (scope: FigureScope, q: { level: OrgLevelName; sort: string; order: "asc" | "desc"; limit: number; offset: number }) => get<FigureRanking>("/ranking", { ...scope, ...q }),
  heat: (scope: FigureScope, q: { level: OrgLevelName; limit?: number; minTasks?: number }) => get<OrgFigures[]>("/heat", { ...scope, ...q }),
  /** The xlsx of one view with the same parameters as on screen (the browser sends the session cookie). */
  exportUrl: (view: FigureView, scope: FigureScope, extra: Values = {}) => `/api/stats/figures/export?${figureQuery({ view, ...scope, ...extra })}`,
};
