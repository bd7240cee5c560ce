import { Card } from "antd";
import { useEffect, useMemo, useState } from "react";
import { studioApi } from "../api/studio-api";
import type { Stats } from "../api/types";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { ChartOption } from "./EChart";
import type { FigureScope } from "./figures-api";
import { LazyChart } from "./LazyChart";

/** Cases submitted in the period by the status they have now (/api/stats's byStatus, read from the kept figures). */
export function StatusCard({ scope }: { scope: FigureScope }) {
  const { t } = useI18n();
  const [stats, setStats] = useState<Stats>();
  useEffect(() => { studioApi.stats(scope).then(setStats, () => setStats(undefined)); }, [scope]);
  const option = useMemo<ChartOption | undefined>(() => stats && {
    tooltip: {}, legend: { bottom: 0 },
    series: [{ type: "pie", radius: "60%", data: stats.byStatus.map((s) => ({ name: t(`status.${s.status}` as MessageKey) ?? s.status, value: s.count })) }],
  }, [stats, t]);
  const title = t("dash.byStatus");
  return <Card size="small" title={title}>{option && <LazyChart label={title} option={option} />}</Card>;
}
