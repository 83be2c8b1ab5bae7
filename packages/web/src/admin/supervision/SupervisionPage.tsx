import { Alert, Card, Tabs } from "antd";
import { useI18n } from "../../i18n/index.js";
import { AbnormalTab } from "./AbnormalTab.js";
import { InspectionsTab } from "./InspectionsTab.js";
import { OrdersTab } from "./OrdersTab.js";
import { PenaltiesTab } from "./PenaltiesTab.js";

/**
 * 监督检查 (issue 6; Art. 10, 14(5), 18): inspections, rectification orders and their follow-up, penalty decisions and
 * the abnormal list (异常名录) of the projects in the caller's region. Each is recorded under the project code and
 * shows on the project's timeline.
 */
export function SupervisionPage() {
  const { t } = useI18n();
  return (
    <Card title={t("menu_supervision")} data-testid="supervision-page">
      <Alert type="info" showIcon title={t("svIntro")} style={{ marginBottom: 16 }} />
      <Tabs
        destroyOnHidden
        items={[
          { key: "inspections", label: <span data-testid="supervision-tab-inspections">{t("svTabInspections")}</span>, children: <InspectionsTab /> },
          { key: "orders", label: <span data-testid="supervision-tab-orders">{t("svTabOrders")}</span>, children: <OrdersTab /> },
          { key: "penalties", label: <span data-testid="supervision-tab-penalties">{t("svTabPenalties")}</span>, children: <PenaltiesTab /> },
          { key: "abnormal", label: <span data-testid="supervision-tab-abnormal">{t("svTabAbnormal")}</span>, children: <AbnormalTab /> },
        ]}
      />
    </Card>
  );
}
