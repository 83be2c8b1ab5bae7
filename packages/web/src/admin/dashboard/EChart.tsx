import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the pieces the dashboard draws; this module is loaded lazily, keeping ECharts out of the main bundle.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One chart of the 监管驾驶舱, drawn from an ECharts option built by the page. */
export function EChart({ option, testId, height = 300 }: { option: Record<string, unknown>; testId: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    if (!element.current) return;
    echarts.getInstanceByDom(element.current)?.setOption(option, true);
  }, [option]);

  return <div ref={element} style={{ width: "100%", height }} data-testid={testId} />;
}
