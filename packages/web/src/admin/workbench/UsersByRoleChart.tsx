import { ROLE_LABELS, ROLES, type Role } from "@tzxm/shared";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useI18n } from "../../i18n/index.js";

// Only the pieces the bar chart needs: keeps the ECharts chunk a fraction of the full build.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function UsersByRoleChart({ usersByRole }: { usersByRole: Partial<Record<Role, number>> }) {
  const { lang, t } = useI18n();
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
    const chart = echarts.getInstanceByDom(element.current);
    chart?.setOption({
      color: ["#1d4ed8"],
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 16, top: 16, bottom: 64 },
      xAxis: {
        type: "category",
        data: ROLES.map((role) => ROLE_LABELS[role][lang]),
        axisLabel: { interval: 0, rotate: lang === "en" ? 30 : 0 },
      },
      yAxis: { type: "value", minInterval: 1, name: t("userCount") },
      series: [{ type: "bar", barMaxWidth: 40, data: ROLES.map((role) => usersByRole[role] ?? 0), label: { show: true, position: "top" } }],
    });
  }, [usersByRole, lang, t]);

  return <div ref={element} style={{ width: "100%", height: 320 }} data-testid="users-by-role-chart" />;
}
