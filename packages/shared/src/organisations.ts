/** Kinds of organisation a user belongs to (Art. 6-9 of the regulation, plus 项目单位 and 中介机构). */
export const DEPARTMENT_KINDS = ["comprehensive", "application", "operations", "intermediary"] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, { zh: string; en: string }> = {
  comprehensive: { zh: "综合管理部门", en: "Comprehensive management department" },
  application: { zh: "应用管理部门", en: "Application management department" },
  operations: { zh: "建设运维部门", en: "Construction and operations department" },
  intermediary: { zh: "中介机构", en: "Intermediary organisation" },
};

export const PLATFORM_LEVELS = ["central", "provincial"] as const;
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];
