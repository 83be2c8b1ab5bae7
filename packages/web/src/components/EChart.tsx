import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the pieces our charts draw. Import this module only from lazily loaded ones: ECharts stays out of the main bundle.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  /** The ECharts option; keep it memoised, the chart redraws whenever it changes. */
  option: Record<string, unknown>;
  testId: string;
  height?: number;
  /** More `data-*` attributes for tests (a chart's canvas cannot be read). */
  attributes?: Record<`data-${string}`, string | number>;
}

/** One chart (the 监管驾驶舱's, the workload, the users by role), drawn from an option built by its page. */
export function EChart({ option, testId, height = 300, attributes }: Props) {
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

  return <div ref={element} style={{ width: "100%", height }} data-testid={testId} {...attributes} />;
}
