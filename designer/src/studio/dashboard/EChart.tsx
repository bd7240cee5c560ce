import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the pieces the dashboard draws (keeps the bundle small; none of them generates code).
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** One ECharts chart that follows its option and its container's size. */
export function EChart({ option, height = 280, label }: { option: ChartOption; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  useEffect(() => {
    chart.current = echarts.init(box.current!);
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(box.current!);
    return () => { observer.disconnect(); chart.current?.dispose(); };
  }, []);
  useEffect(() => { chart.current?.setOption(option, true); }, [option]);
  return <div ref={box} role="img" aria-label={label} style={{ width: "100%", height }} />;
}
