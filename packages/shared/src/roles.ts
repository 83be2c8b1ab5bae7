/**
 * Roles and permissions (角色与权限). Pure data shared by the server (which enforces it) and the web
 * (which shapes menus by it). 三员分立 (separation of the three administrators, GB/T 22239-2019 等保三级):
 * `ops_admin` (系统管理员), `security_admin` (安全管理员) and `audit_admin` (审计管理员) hold disjoint
 * permissions, and none of them handles business.
 */
export const ROLES = [
  "project_unit",
  "officer",
  "leader",
  "supervisor",
  "intermediary",
  "ops_admin",
  "security_admin",
  "audit_admin",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  project_unit: { zh: "项目单位", en: "Project unit" },
  officer: { zh: "审批经办人", en: "Officer" },
  leader: { zh: "审批负责人", en: "Leader" },
  supervisor: { zh: "监管人员", en: "Supervisor" },
  intermediary: { zh: "中介机构人员", en: "Intermediary staff" },
  ops_admin: { zh: "系统管理员", en: "Operations administrator" },
  security_admin: { zh: "安全管理员", en: "Security administrator" },
  audit_admin: { zh: "审计管理员", en: "Audit administrator" },
};

export const PERMISSIONS = [
  "profile:read", // one's own account, password and second factor
  "organisations:read",
  "organisations:manage",
  "users:read",
  "users:manage",
  "audit:read",
  "audit:verify",
  "reference:manage",
  "ops:read",
  "projects:declare", // a project unit declares and changes its own projects
  "projects:read", // the record, versions and events of projects in scope
  "code:verify", // 项目代码核验 before acceptance or funding (Art. 13)
  "guides:edit", // a department drafts and submits its matters' service guides (办事指南)
  "guides:publish", // a department's leader publishes or returns a submitted guide
  "catalogue:manage", // the comprehensive management department keeps matters' master data and applicability rules, re-evaluates projects' matters
  "cases:handle", // a department's officer or leader takes the steps of its matter cases (收件、受理、办结 …)
  "content:manage", // portal content: a department's policy documents (政策信息); the intermediary directory (中介服务)
  "commissions:read", // 中介服务委托 (Art. 16): a department's own, an intermediary's own, a supervisor's region
  "commissions:manage", // a department commissions a registered intermediary for a case, cancels, evaluates the delivery
  "commissions:respond", // an intermediary's staff accept or decline a commission and deliver its report
  "disclosure:manage", // 信息公开 (Art. 18): a deciding department's leader or a supervisor takes a published item down, with a reason
  "supervision:manage", // 监管 (issue 6): inspections, rectification orders, penalty decisions and the abnormal list of projects a department approved or that lie in its region (penalties and listings: leaders and supervisors)
  "supervision:read", // 电子监察 and 绩效 (Art. 4, 7): cards, performance and the dashboards (监管驾驶舱); supervisors and the comprehensive department's leaders see their region, other department users their own department
  "supervision:rules", // a supervisor configures the electronic-supervision rules and closes cards after the department's explanation
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE: Permission[] = ["profile:read"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  project_unit: [...EVERYONE, "projects:declare", "projects:read"],
  officer: [...EVERYONE, "organisations:read", "projects:read", "code:verify", "guides:edit", "catalogue:manage", "content:manage", "cases:handle", "commissions:read", "commissions:manage", "supervision:manage", "supervision:read"],
  leader: [...EVERYONE, "organisations:read", "projects:read", "code:verify", "guides:edit", "catalogue:manage", "guides:publish", "content:manage", "cases:handle", "commissions:read", "commissions:manage", "disclosure:manage", "supervision:manage", "supervision:read"],
  supervisor: [...EVERYONE, "organisations:read", "projects:read", "code:verify", "commissions:read", "disclosure:manage", "supervision:manage", "supervision:read", "supervision:rules"],
  intermediary: [...EVERYONE, "commissions:read", "commissions:respond"],
  ops_admin: [...EVERYONE, "organisations:read", "organisations:manage", "reference:manage", "ops:read"],
  security_admin: [...EVERYONE, "organisations:read", "users:read", "users:manage"],
  audit_admin: [...EVERYONE, "audit:read", "audit:verify"],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles that must use a second factor outside demo mode (issue 2: every role but project_unit). */
export function roleRequiresSecondFactor(role: Role): boolean {
  return role !== "project_unit";
}
