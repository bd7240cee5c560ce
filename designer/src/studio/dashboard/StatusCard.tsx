import { Card } from "antd";
import { useMemo } from "react";
import type { KeyedCount } from "../../api/openapi-types";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { ChartOption } from "./EChart";
import { LazyChart } from "./LazyChart";

/** Cases submitted in the period by the status they have now: the breakdown's kept figures (casesByStatus), no request of its own. */
export function StatusCard({ byStatus }: { byStatus: KeyedCount[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => ({
    tooltip: {}, legend: { bottom: 0 },
    series: [{ type: "pie", radius: "60%", data: byStatus.map((s) => ({ name: t(`status.${s.key}` as MessageKey) ?? s.key, value: s.count })) }],
  }), [byStatus, t]);
  const title = t("dash.byStatus");
  return <Card size="small" title={title}><LazyChart label={title} option={option} /></Card>;
}
