import { LogoutOutlined } from "@ant-design/icons";
import { ROLE_LABELS } from "@tzxm/shared";
import { App, Button, Layout, Menu, Space, Tag, Typography } from "antd";
import { Link, Outlet, useLocation } from "react-router-dom";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { usePlatform } from "../context/PlatformContext.js";
import { useSession } from "../context/SessionContext.js";
import { useI18n } from "../i18n/index.js";
import { visibleMenu } from "./menu.js";
import { MessageBell } from "./MessageBell.js";

/** 审批监管系统 (Art. 4): the side menu shows only what the user's role may open. */
export function AdminLayout() {
  const { t, pick } = useI18n();
  const { name } = usePlatform();
  const { user, logout } = useSession();
  const { message } = App.useApp();
  const location = useLocation();
  if (!user) return null;

  const enrolling = user.mustEnrolSecondFactor;
  const entries = enrolling ? [] : visibleMenu(user.permissions, user.role);
  const selected = location.pathname.split("/")[2] ?? "workbench";

  async function signOut() {
    // Clearing the session makes the guard send the user to the sign-in page.
    await logout().catch(() => undefined);
    message.success(t("loggedOut"));
  }

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} theme="dark" data-testid="admin-sider">
        <div className="admin-brand">
          {t("backOfficeName")}
          <div style={{ fontSize: 12, fontWeight: 400, opacity: 0.75 }}>{name}</div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          data-testid="admin-menu"
          items={entries.map((entry) => ({
            key: entry.key,
            icon: entry.icon,
            label: (
              <Link to={`/admin/${entry.key}`} data-testid={`menu-${entry.key}`}>
                {t(entry.label)}
              </Link>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            padding: "0 24px",
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            borderBottom: "1px solid #e5e7eb",
            gap: 16,
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t("backOfficeName")}
          </Typography.Text>
          <Space size="middle" wrap>
            <span data-testid="current-user">
              <Typography.Text strong>{user.displayName}</Typography.Text>{" "}
              <Typography.Text type="secondary">{user.organisation.name}</Typography.Text>{" "}
              <Tag color="blue" data-testid="current-role">
                {pick(ROLE_LABELS[user.role], user.role)}
              </Tag>
            </span>
            <MessageBell />
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">
              {t("logout")}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
        <Layout.Footer style={{ textAlign: "center", color: "#64748b", fontSize: 12 }}>
          {t("footerBasis")} · <Link to="/">{t("portalName")}</Link>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
