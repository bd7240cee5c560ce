import { lazy, Suspense } from "react";
import type { ChartOption } from "./EChart";

const EChart = lazy(() => import("./EChart").then((m) => ({ default: m.EChart })));

/** An ECharts chart whose library loads only when a chart is first drawn. */
export function LazyChart(props: { option: ChartOption; height?: number; label: string }) {
  return <Suspense fallback={<div style={{ height: props.height ?? 280 }} />}><EChart {...props} /></Suspense>;
}
