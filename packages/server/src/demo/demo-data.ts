import type { Role } from "@tzxm/shared";
import type { DB } from "../db/schema.js";

/**
 * The demo: one provincial platform (浙江省, 330000) with its departments, a project unit, an intermediary and
 * one user per role, as listed in the README. Names of the enterprises are invented.
 */
type OrgKind = DB["organisation"]["kind"];
export interface DemoOrganisation {
  key: string;
  kind: OrgKind;
  name: string;
  shortName: string;
  regionCode: string;
  /** First 17 characters of the 统一社会信用代码; the check character is computed (GB 32100). */
  creditCodeStem?: string;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: "fgw", kind: "comprehensive", name: "浙江省发展和改革委员会", shortName: "省发展改革委", regionCode: "330000" },
  { key: "zrzy", kind: "application", name: "浙江省自然资源厅", shortName: "省自然资源厅", regionCode: "330000" },
  { key: "sthj", kind: "application", name: "浙江省生态环境厅", shortName: "省生态环境厅", regionCode: "330000" },
  { key: "zjw", kind: "application", name: "浙江省住房和城乡建设厅", shortName: "省建设厅", regionCode: "330000" },
  { key: "slt", kind: "application", name: "浙江省水利厅", shortName: "省水利厅", regionCode: "330000" },
  { key: "yjgl", kind: "application", name: "浙江省应急管理厅", shortName: "省应急管理厅", regionCode: "330000" },
  { key: "sjj", kind: "operations", name: "浙江省数据局（平台建设运维）", shortName: "省数据局", regionCode: "330000" },
  { key: "hz-fgw", kind: "comprehensive", name: "杭州市发展和改革委员会", shortName: "杭州市发展改革委", regionCode: "330100" },
  { key: "nb-fgw", kind: "comprehensive", name: "宁波市发展和改革委员会", shortName: "宁波市发展改革委", regionCode: "330200" },
  { key: "unit", kind: "project_unit", name: "浙江绿能新能源科技有限公司", shortName: "绿能科技", regionCode: "330106", creditCodeStem: "91330106MA2H3K7L5" },
  { key: "zj", kind: "intermediary", name: "浙江正衡工程咨询有限公司", shortName: "正衡咨询", regionCode: "330100", creditCodeStem: "91330100MA27WQ3N8" },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  organisation: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: "demo-unit", displayName: "王经理（项目单位）", role: "project_unit", organisation: "unit" },
  { username: "demo-officer-fgw", displayName: "李明（发展改革委经办人）", role: "officer", organisation: "fgw" },
  { username: "demo-officer-zrzy", displayName: "张华（自然资源厅经办人）", role: "officer", organisation: "zrzy" },
  { username: "demo-officer-sthj", displayName: "陈静（生态环境厅经办人）", role: "officer", organisation: "sthj" },
  { username: "demo-officer-zjw", displayName: "刘洋（建设厅经办人）", role: "officer", organisation: "zjw" },
  { username: "demo-leader-fgw", displayName: "赵强（发展改革委负责人）", role: "leader", organisation: "fgw" },
  { username: "demo-supervisor", displayName: "孙丽（监管人员）", role: "supervisor", organisation: "fgw" },
  { username: "demo-intermediary", displayName: "钱工（中介机构）", role: "intermediary", organisation: "zj" },
  { username: "demo-ops", displayName: "周涛（系统管理员）", role: "ops_admin", organisation: "sjj" },
  { username: "demo-security", displayName: "吴敏（安全管理员）", role: "security_admin", organisation: "sjj" },
  { username: "demo-audit", displayName: "郑洁（审计管理员）", role: "audit_admin", organisation: "sjj" },
];
