import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EyeOutlined,
  FileTextOutlined,
  KeyOutlined,
  FolderOpenOutlined,
  FundProjectionScreenOutlined,
  FileSearchOutlined,
  MonitorOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { Permission, Role } from "@tzxm/shared";
import type { ReactNode } from "react";
import type { DictKey } from "../i18n/index.js";

export interface MenuEntry {
  /** Path segment under /admin, and the `menu-<key>` test id. */
  key: string;
  label: DictKey;
  /** null: every signed-in user. The server enforces the same permission on the endpoints the page calls. */
  permission: Permission | null;
  icon: ReactNode;
  /** The same page under another name for some roles (a project unit's 我的项目). */
  labelFor?: Partial<Record<Role, DictKey>>;
}

export const MENU: readonly MenuEntry[] = [
  { key: "workbench", label: "menu_workbench", permission: null, icon: <DashboardOutlined /> },
  { key: "projects", label: "menu_projects", permission: "projects:read", icon: <FolderOpenOutlined />, labelFor: { project_unit: "menu_myProjects" } },
  { key: "cases", label: "menu_cases", permission: "cases:handle", icon: <SolutionOutlined /> },
  { key: "guides", label: "menu_guides", permission: "guides:edit", icon: <FileTextOutlined /> },
  { key: "catalogue", label: "menu_catalogue", permission: "catalogue:manage", icon: <ApartmentOutlined /> },
  { key: "content", label: "menu_content", permission: "content:manage", icon: <ReadOutlined /> },
  { key: "commissions", label: "menu_commissions", permission: "commissions:read", icon: <FileSearchOutlined /> },
  { key: "disclosures", label: "menu_disclosures", permission: "disclosure:manage", icon: <EyeOutlined /> },
  { key: "supervision", label: "menu_supervision", permission: "supervision:manage", icon: <SafetyCertificateOutlined /> },
  { key: "dashboard", label: "menu_dashboard", permission: "supervision:read", icon: <FundProjectionScreenOutlined /> },
  { key: "users", label: "menu_users", permission: "users:read", icon: <TeamOutlined /> },
  { key: "api-keys", label: "menu_api-keys", permission: "users:read", icon: <KeyOutlined /> },
  { key: "organisations", label: "menu_organisations", permission: "organisations:read", icon: <ClusterOutlined /> },
  { key: "audit", label: "menu_audit", permission: "audit:read", icon: <AuditOutlined /> },
  { key: "reference", label: "menu_reference", permission: "ops:read", icon: <DatabaseOutlined /> },
  { key: "operations", label: "menu_operations", permission: "ops:read", icon: <MonitorOutlined /> },
  { key: "calendar", label: "menu_calendar", permission: null, icon: <CalendarOutlined /> },
  { key: "account", label: "menu_account", permission: "profile:read", icon: <UserOutlined /> },
];

export function visibleMenu(permissions: readonly string[], role?: Role): MenuEntry[] {
  return MENU.filter((m) => m.permission === null || permissions.includes(m.permission)).map((m) => {
    const label = role ? m.labelFor?.[role] : undefined;
    return label ? { ...m, label } : m;
  });
}
