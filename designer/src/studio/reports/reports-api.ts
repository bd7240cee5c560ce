import type { ReportDefinition, ReportTable, SavedReportView } from "../../api/openapi-types";
import { request } from "../api/client";

const base = "/api/stats/reports";

/** The calls of a leader's own reports (/api/stats/reports). */
export const reportsApi = {
  list: () => request<SavedReportView[]>("GET", base),
  create: (definition: ReportDefinition) => request<SavedReportView>("POST", base, definition),
  update: (id: number, definition: ReportDefinition) => request<SavedReportView>("PUT", `${base}/${id}`, definition),
  remove: (id: number) => request<void>("DELETE", `${base}/${id}`),
  preview: (definition: ReportDefinition) => request<ReportTable>("POST", `${base}/preview`, definition),
  table: (id: number) => request<ReportTable>("GET", `${base}/${id}/table`),
  /** The report's xlsx (the browser sends the session cookie). */
  exportUrl: (id: number) => `${base}/${id}/export`,
};
