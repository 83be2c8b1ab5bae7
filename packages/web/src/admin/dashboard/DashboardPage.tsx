import { Card, Col, Row, Statistic, Tabs, Typography } from "antd";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSpin } from "../../components/Status.js";
import { useI18n } from "../../i18n/index.js";
import { CardList } from "./CardList.js";
import { OverviewCharts } from "./OverviewCharts.js";
import { PerformanceTable } from "./PerformanceTable.js";
import { RulesPanel } from "./RulesPanel.js";
import type { Overview } from "./types.js";

function Cockpit() {
  const { t } = useI18n();
  const overview = useApi<Overview>("/analytics/overview", { months: 12 });
  const o = overview.data;
  const stats = o
    ? [
        { key: "projects", title: t("esProjects"), value: o.projects.total.projects },
        { key: "investment", title: t("esInvestmentUnit"), value: Math.round(o.projects.total.investment), precision: 0 },
        { key: "red", title: t("esOpenRedCards"), value: o.cards.red, color: "#dc2626" },
        { key: "yellow", title: t("esOpenYellowCards"), value: o.cards.yellow, color: "#d97706" },
        { key: "warnings", title: t("esRedWarnings"), value: o.warnings.red, color: o.warnings.red ? "#dc2626" : undefined },
        { key: "rectifications", title: t("esOpenRectifications"), value: o.rectifications.open, suffix: o.rectifications.overdue ? t("esOverdueN", { n: o.rectifications.overdue }) : undefined },
      ]
    : [];
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <ErrorAlert error={overview.error} />
        {!o && overview.loading && <PageSpin />}
        {o && (
          <Row gutter={[16, 16]} data-testid="es-stats">
            {stats.map((s) => (
              <Col key={s.key} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={s.title} value={s.value} suffix={s.suffix} styles={s.color ? { content: { color: s.color } } : undefined} data-testid={`es-stat-${s.key}`} />
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Col>
      <Col span={24}>
        <CardList onChanged={overview.reload} />
      </Col>
      {o && (
        <Col span={24}>
          <OverviewCharts overview={o} />
        </Col>
      )}
      <Col span={24}>{o && <PerformanceTable initialMonth={o.today.slice(0, 7)} />}</Col>
    </Row>
  );
}

/** 监管驾驶舱 (Art. 4 电子监察 and data analysis, Art. 7 绩效): figures, charts, cards and the ranking; the rules. */
export function DashboardPage() {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("menu_dashboard")}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: "cockpit", label: <span data-testid="es-tab-cockpit">{t("esCockpit")}</span>, children: <Cockpit /> },
          { key: "rules", label: <span data-testid="es-tab-rules">{t("esRules")}</span>, children: <RulesPanel /> },
        ]}
      />
    </>
  );
}
