import { Alert, Card, Tabs } from "antd";
import { useState } from "react";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { MattersTab } from "./MattersTab.js";
import { RulesTab } from "./RulesTab.js";
import type { MatterList } from "./types.js";

/**
 * 事项与规则 (issue 4): the comprehensive management department keeps the matters' master data (versioned, with
 * a reason) and the applicability rules of its region, trying a rule on a project before saving it.
 */
export function CataloguePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const matters = useApi<MatterList>("/catalogue/matters");
  const [tab, setTab] = useState("matters");
  return (
    <Card title={t("menu_catalogue")} data-testid="catalogue-page">
      <ErrorAlert error={matters.error} style={{ marginBottom: 16 }} />
      {user && user.organisation.kind !== "comprehensive" && <Alert type="info" showIcon title={t("catReadOnly")} style={{ marginBottom: 16 }} data-testid="catalogue-read-only" />}
      {matters.data && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: "matters", label: <span data-testid="catalogue-tab-matters">{t("catMatters")}</span>, children: <MattersTab list={matters.data} loading={matters.loading} onChanged={matters.reload} /> },
            { key: "rules", label: <span data-testid="catalogue-tab-rules">{t("catRules")}</span>, children: <RulesTab matters={matters.data.items} onChanged={matters.reload} /> },
          ]}
        />
      )}
    </Card>
  );
}
