import { Card, Col, Row } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { PageSpin } from "../../components/Status.js";
import { type DictKey, useI18n } from "../../i18n/index.js";
import type { Overview } from "./types.js";

// ECharts (~1 MB) loads only when the dashboard is opened.
const EChart = lazy(async () => ({ default: (await import("../../components/EChart.js")).EChart }));

const BLUE = "#1d4ed8";
const GREEN = "#16a34a";
const AMBER = "#d97706";

function ChartCard({ title, testId, option }: { title: string; testId: string; option: Record<string, unknown> }) {
  return (
    <Card title={title} size="small">
      <Suspense fallback={<PageSpin />}>
        <EChart option={option} testId={testId} />
      </Suspense>
    </Card>
  );
}

/** 项目与投资 by region, industry, category and status; throughput per month; on-time rate per department. */
export function OverviewCharts({ overview }: { overview: Overview }) {
  const { t, lang } = useI18n();
  const options = useMemo(() => {
    const label = (prefix: "category_" | "status_", code: string) => t(`${prefix}${code}` as DictKey);
    const twoAxes = (names: string[], projects: number[], investment: number[], rotate = 0) => ({
      color: [BLUE, AMBER],
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 64, top: 36, bottom: rotate ? 72 : 32 },
      xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate } },
      yAxis: [
        { type: "value", minInterval: 1, name: t("esProjects") },
        { type: "value", name: t("esInvestmentUnit") },
      ],
      series: [
        { type: "bar", name: t("esProjects"), barMaxWidth: 32, data: projects },
        { type: "bar", name: t("esInvestment"), yAxisIndex: 1, barMaxWidth: 32, data: investment },
      ],
    });
    const p = overview.projects;
    return {
      region: twoAxes(p.byRegion.map((r) => r.name ?? r.code), p.byRegion.map((r) => r.projects), p.byRegion.map((r) => r.investment)),
      industry: {
        tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
        legend: { type: "scroll", bottom: 0 },
        series: [
          {
            type: "pie",
            name: t("esInvestment"),
            radius: ["35%", "65%"],
            data: p.byIndustry.map((r) => ({ name: `${r.code} ${r.name ?? ""}`.trim(), value: r.investment })),
          },
        ],
      },
      category: twoAxes(p.byCategory.map((r) => label("category_", r.code)), p.byCategory.map((r) => r.projects), p.byCategory.map((r) => r.investment)),
      status: twoAxes(p.byStatus.map((r) => label("status_", r.code)), p.byStatus.map((r) => r.projects), p.byStatus.map((r) => r.investment), lang === "en" ? 30 : 0),
      throughput: {
        color: [BLUE, GREEN],
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 36, bottom: 32 },
        xAxis: { type: "category", data: overview.throughput.map((m) => m.month) },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          { type: "line", name: t("esAccepted"), data: overview.throughput.map((m) => m.accepted) },
          { type: "line", name: t("esCompleted"), data: overview.throughput.map((m) => m.completed) },
        ],
      },
      onTime: {
        color: [GREEN],
        tooltip: { trigger: "axis", valueFormatter: (v: number) => `${v}%` },
        grid: { left: 48, right: 16, top: 16, bottom: 72 },
        xAxis: { type: "category", data: overview.departments.map((d) => d.department), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: "value", max: 100, name: "%" },
        series: [{ type: "bar", name: t("esOnTimeRate"), barMaxWidth: 32, label: { show: true, position: "top", formatter: "{c}%" }, data: overview.departments.map((d) => (d.onTimeRate === null ? null : Math.round(d.onTimeRate * 1000) / 10)) }],
      },
    };
  }, [overview, t, lang]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <ChartCard title={t("esByRegion")} testId="es-chart-region" option={options.region} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t("esByIndustry")} testId="es-chart-industry" option={options.industry} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t("esByCategory")} testId="es-chart-category" option={options.category} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t("esByStatus")} testId="es-chart-status" option={options.status} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t("esThroughput")} testId="es-chart-throughput" option={options.throughput} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t("esOnTimeByDepartment")} testId="es-chart-ontime" option={options.onTime} />
      </Col>
    </Row>
  );
}
