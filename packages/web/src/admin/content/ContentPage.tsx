import { Card, Tabs } from "antd";
import { useI18n } from "../../i18n/index.js";
import { IntermediariesTab } from "./IntermediariesTab.js";
import { PoliciesTab } from "./PoliciesTab.js";

/** 门户内容 (portal content, Art. 4): the organisation's policy documents and the intermediary directory. */
export function ContentPage() {
  const { t } = useI18n();
  return (
    <Card title={t("menu_content")} data-testid="content-page">
      <Tabs
        destroyOnHidden
        items={[
          { key: "policies", label: <span data-testid="content-tab-policies">{t("cmTabPolicies")}</span>, children: <PoliciesTab /> },
          { key: "intermediaries", label: <span data-testid="content-tab-intermediaries">{t("cmTabIntermediaries")}</span>, children: <IntermediariesTab /> },
        ]}
      />
    </Card>
  );
}
