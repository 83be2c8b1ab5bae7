import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useI18n } from "../i18n/index.js";

export function LanguageSwitch({ dark }: { dark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      size="small"
      icon={<GlobalOutlined />}
      title={t("langSwitchTitle")}
      data-testid="lang-switch"
      style={dark ? { color: "#fff" } : undefined}
      onClick={() => setLang(lang === "zh" ? "en" : "zh")}
    >
      {t("langSwitch")}
    </Button>
  );
}
