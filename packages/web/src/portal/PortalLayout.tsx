import { LoginOutlined } from "@ant-design/icons";
import { Space, Tag } from "antd";
import { Link, Outlet } from "react-router-dom";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { usePlatform } from "../context/PlatformContext.js";
import { useI18n } from "../i18n/index.js";

/** The Internet portal (互联网门户网站, Art. 4): the single window for project units and the public. */
export function PortalLayout() {
  const { platform, name } = usePlatform();
  const { t } = useI18n();
  return (
    <div style={{ minHeight: "100vh", display: "flex", flexDirection: "column" }}>
      <header className="portal-header">
        <Link to="/" style={{ display: "flex", alignItems: "center", gap: 12 }}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <h1 className="portal-title" data-testid="platform-name">
            {name}
          </h1>
          {platform && (
            <Tag color="gold" variant="outlined">
              {platform.regionName} · {platform.level === "central" ? t("levelCentral") : t("levelProvincial")}
            </Tag>
          )}
        </Link>
        <Space size="middle">
          <Link to="/policies" data-testid="portal-nav-policies">
            {t("cardPolicies")}
          </Link>
          <Link to="/intermediaries" data-testid="portal-nav-intermediaries">
            {t("cardIntermediary")}
          </Link>
          <Link to="/disclosures" data-testid="portal-nav-disclosures">
            {t("cardDisclosures")}
          </Link>
          <LanguageSwitch dark />
          <Link to="/admin/login" data-testid="portal-signin">
            <LoginOutlined /> {t("portalSignIn")}
          </Link>
        </Space>
      </header>
      <main style={{ flex: 1 }}>
        <Outlet />
      </main>
      <footer className="portal-footer">
        <div>{t("footerBasis")}</div>
        {platform && (
          <div>
            {name} · {t("version")} {platform.version}
          </div>
        )}
      </footer>
    </div>
  );
}
