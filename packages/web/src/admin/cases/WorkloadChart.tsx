import { useMemo } from "react";
import { EChart } from "../../components/EChart.js";
import { LIGHT_LABELS, useCaseLabels } from "../../i18n/case-labels.js";
import { useI18n } from "../../i18n/index.js";
import type { CaseWorkload } from "./types.js";

const STATUSES = ["notified", "submitted", "accepted", "paused", "completed", "refused", "withdrawn"] as const;
/** The stored warning of each case as the light it shows (closed and paused cases are counted as "none"). */
const SERIES = [
  { warning: "none", light: "green", colour: "#16a34a" },
  { warning: "yellow", light: "yellow", colour: "#eab308" },
  { warning: "red", light: "red", colour: "#dc2626" },
] as const;

/** 工作量: the department's cases by status, stacked by warning light. */
export function WorkloadChart({ workload }: { workload: CaseWorkload }) {
  const { pick } = useI18n();
  const labels = useCaseLabels();
  const option = useMemo(() => {
    const count = (status: string, warning: string) => workload.items.filter((i) => i.status === status && i.warning === warning).reduce((n, i) => n + i.count, 0);
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 72 },
      xAxis: { type: "category", data: STATUSES.map((s) => labels.status(s)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: "value", minInterval: 1 },
      series: SERIES.map((s) => ({
        type: "bar",
        stack: "cases",
        name: pick(LIGHT_LABELS[s.light]),
        itemStyle: { color: s.colour },
        barMaxWidth: 40,
        data: STATUSES.map((st) => count(st, s.warning)),
      })),
    };
  }, [workload, pick, labels]);

  const total = workload.items.reduce((n, i) => n + i.count, 0);
  return <EChart option={option} testId="workload-chart" height={280} attributes={{ "data-total": total }} />;
}
