import type { FigureTotals } from "../../api/openapi-types";
import type { MessageKey } from "../i18n/messages";

export type MeasureName = keyof FigureTotals;

/** The measures in the server's column order (FigureTotals.Names), each with its title. */
export const measures: { name: MeasureName; title: MessageKey }[] = [
  { name: "received", title: "fig.received" }, { name: "finished", title: "fig.finished" }, { name: "rejected", title: "fig.rejected" },
  { name: "onTime", title: "fig.onTime" }, { name: "late", title: "fig.late" }, { name: "onTimeRate", title: "fig.onTimeRate" },
  { name: "handlingMedianHours", title: "fig.handlingMedian" }, { name: "handlingP90Hours", title: "fig.handlingP90" },
  { name: "escalated", title: "fig.escalated" }, { name: "offline", title: "fig.offline" }, { name: "membersJoined", title: "fig.membersJoined" },
  { name: "membersActive", title: "fig.membersActive" }, { name: "redemptions", title: "fig.redemptions" }, { name: "points", title: "fig.points" },
  { name: "participants", title: "fig.participants" },
];

/** An on-time rate (0–1) as a percentage with one decimal; "—" when no task had a deadline. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(1)}%`;
}

/** A handling time given in hours: in hours below two days, otherwise in days (one decimal). */
export function duration(hours: number | null | undefined, units: { hours: string; days: string }): string {
  if (hours === null || hours === undefined) return "—";
  return hours < 48 ? `${hours.toFixed(1)} ${units.hours}` : `${(hours / 24).toFixed(1)} ${units.days}`;
}

/** One measure of a row as shown in the tables. */
export function measureText(name: MeasureName, figures: FigureTotals, units: { hours: string; days: string }): string {
  const value = figures[name];
  if (name === "onTimeRate") return percent(value);
  if (name === "handlingMedianHours" || name === "handlingP90Hours") return duration(value, units);
  return value === null ? "—" : String(value);
}
