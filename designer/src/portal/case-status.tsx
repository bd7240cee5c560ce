import { Tag } from "antd-mobile";
import type { Locale } from "../forms";
import { say, type Word } from "./i18n";

const colors: Record<string, string> = { running: "primary", waitingForApplicant: "warning", finished: "success", rejected: "danger", faulted: "danger" };

export function CaseStatus({ status, locale }: { status: string; locale: Locale }) {
  const known = status in colors;
  return <Tag color={colors[status] ?? "default"} fill="outline">{known ? say(locale, status as Word) : status}</Tag>;
}
