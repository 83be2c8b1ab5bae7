import { readFileSync } from "node:fs";
import { type Rule, ruleSchema, validateRuleSet } from "./applicability.js";
import { z } from "zod";

/**
 * The matter catalogue (事项清单) seed: matters with their service guides (办事指南, the eight elements of
 * 《全国投资项目在线审批监管平台运行管理暂行办法》第八条), material lists (申请材料清单) and the applicability rules
 * that tell a declared project which matters it must handle (应办事项). The committed file
 * seed-data/catalogue/demo-catalogue.json is the source; its format is documented in seed-data/catalogue/README.md.
 */

/** Matter kinds of Art. 3 (English id → Chinese label). */
export const MATTER_KINDS = {
  administrative_licence: "行政许可",
  internal_approval: "政府内部审批",
  filing: "备案",
  assessment: "评估评审",
  technical_review: "技术审查",
  intermediary_service: "中介服务",
} as const;
export type MatterKind = keyof typeof MATTER_KINDS;

/** Stages of the construction-project approval process (国办发〔2019〕11号). */
export const MATTER_STAGES = {
  land_planning: "立项用地规划许可",
  construction_permit_engineering: "工程建设许可",
  construction_permit: "施工许可",
  completion_acceptance: "竣工验收",
} as const;
export type MatterStage = keyof typeof MATTER_STAGES;

/** Classes of steps that stop a matter's clock (interface specification §6, `pause`). */
export const PAUSE_REASON_CLASSES = {
  supplement: "补正材料",
  expert_review: "专家评审",
  hearing: "听证",
  public_notice: "公示",
  intermediary: "中介服务",
  site_inspection: "现场踏勘",
  other: "其他",
} as const;
export type PauseReasonClass = keyof typeof PAUSE_REASON_CLASSES;

/** Departments of the demo platform (packages/server/src/demo/demo-data.ts) that handle matters. */
export const DEMO_DEPARTMENT_KEYS = ["fgw", "zrzy", "sthj", "zjw", "slt", "yjgl"] as const;

const text = z.string().trim().min(1);
const days = z.number().int().positive();

export const materialSchema = z.strictObject({
  code: z.string().regex(/^M\d{2}$/, "M01, M02, …"),
  name: text,
  required: z.boolean(),
  /** The platform already holds it (project code and declaration, the unit's licence, an earlier matter's result): shared, not re-submitted. */
  heldByPlatform: z.boolean(),
  note: text.optional(),
  formats: z.array(z.enum(["pdf", "ofd", "jpg", "png", "doc", "docx", "xls", "xlsx", "dwg", "zip"])).min(1).optional(),
  maxSizeMb: z.number().positive().max(500).optional(),
});
export type CatalogueMaterial = z.output<typeof materialSchema>;

export const guideSchema = z.strictObject({
  legalBasis: z.array(z.strictObject({ title: text, article: text.optional(), note: text.optional() })).min(1),
  content: text,
  acceptanceConditions: z.array(text).min(1),
  procedure: z.array(text).min(1),
  timeLimit: z.strictObject({ statutory: text, promised: text }),
  fees: z.strictObject({ free: z.boolean(), text, basis: text.optional() }),
  supervision: text,
  contacts: z.strictObject({ office: text, phone: text, address: text, hours: text }),
});
export type ServiceGuide = z.output<typeof guideSchema>;

/** Without a statutory working-day limit, the source must begin with this (or the law's limit is in calendar days). */
export const NO_STATUTORY_LIMIT = "无法定时限";

export const matterSchema = z
  .strictObject({
    code: z.string().regex(/^ZJ-(FGW|ZRZY|STHJ|ZJW|SLT|YJGL)-\d{3}$/, "ZJ-<DEPT>-<NNN>"),
    name: text,
    departmentKey: z.enum(DEMO_DEPARTMENT_KEYS),
    kind: z.enum(Object.keys(MATTER_KINDS) as [MatterKind, ...MatterKind[]]),
    stage: z.enum(Object.keys(MATTER_STAGES) as [MatterStage, ...MatterStage[]]),
    /** Working days set by law; null when no law sets one or when the law counts calendar days (statutoryCalendarDays). */
    statutoryWorkingDays: days.nullable(),
    /** The law's limit when it says "日" rather than "工作日" (kept as written; not converted). */
    statutoryCalendarDays: days.optional(),
    statutorySource: text,
    extendableWorkingDays: days.optional(),
    extensionSource: text.optional(),
    promisedWorkingDays: days,
    promisedSource: text,
    pauseReasonClasses: z.array(z.enum(Object.keys(PAUSE_REASON_CLASSES) as [PauseReasonClass, ...PauseReasonClass[]])),
    /** 会签 (all) or 或签 (any) within the department before completion, where the guide asks for it. */
    signOffMode: z.enum(["none", "all", "any"]).optional(),
    /** Its completion decides the project (审批/核准/备案): the date the monitoring rules count from. */
    decidesProject: z.boolean().optional(),
    guide: guideSchema,
    materials: z.array(materialSchema).min(1),
  })
  .superRefine((m, ctx) => {
    if (m.statutoryWorkingDays !== null && m.statutoryCalendarDays !== undefined) {
      ctx.addIssue({ code: "custom", path: ["statutoryCalendarDays"], message: "give the law's limit in one unit only" });
    }
    if (m.statutoryWorkingDays === null && m.statutoryCalendarDays === undefined && !m.statutorySource.startsWith(NO_STATUTORY_LIMIT)) {
      ctx.addIssue({ code: "custom", path: ["statutorySource"], message: `without a statutory limit the source starts with "${NO_STATUTORY_LIMIT}"` });
    }
    if (m.statutoryWorkingDays !== null && m.promisedWorkingDays > m.statutoryWorkingDays) {
      ctx.addIssue({ code: "custom", path: ["promisedWorkingDays"], message: "the promised limit exceeds the statutory one" });
    }
    // A calendar-day limit holds at least floor(n × 5 / 7) working days less the holidays inside it: stay within that.
    if (m.statutoryCalendarDays !== undefined && m.promisedWorkingDays > Math.floor((m.statutoryCalendarDays * 5) / 7)) {
      ctx.addIssue({ code: "custom", path: ["promisedWorkingDays"], message: "the promised limit may exceed the statutory calendar days" });
    }
    if ((m.extendableWorkingDays === undefined) !== (m.extensionSource === undefined)) {
      ctx.addIssue({ code: "custom", path: ["extensionSource"], message: "an extension and its source come together" });
    }
    const seen = new Set<string>();
    m.materials.forEach((material, i) => {
      if (seen.has(material.code)) ctx.addIssue({ code: "custom", path: ["materials", i, "code"], message: `duplicate material ${material.code}` });
      seen.add(material.code);
    });
  });
export type CatalogueMatter = z.output<typeof matterSchema>;

/** Rules are in the applicability language, checked by its own schema (facts, operators, sizes). */
export type CatalogueRule = Rule;

export const catalogueFileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    source: text,
    version: text,
    matters: z.array(matterSchema).min(1),
    rules: z.array(ruleSchema),
  })
  .superRefine((file, ctx) => {
    const codes = new Set<string>();
    file.matters.forEach((m, i) => {
      if (codes.has(m.code)) ctx.addIssue({ code: "custom", path: ["matters", i, "code"], message: `duplicate matter ${m.code}` });
      codes.add(m.code);
    });
    file.rules.forEach((r, i) => {
      if (!codes.has(r.matterCode)) ctx.addIssue({ code: "custom", path: ["rules", i, "matterCode"], message: `no matter ${r.matterCode}` });
    });
    for (const problem of validateRuleSet(file.rules)) {
      ctx.addIssue({ code: "custom", path: ["rules", ...problem.path.split(".")], message: problem.messageEn });
    }
    const ruled = new Set(file.rules.map((r) => r.matterCode));
    file.matters.forEach((m, i) => {
      if (!ruled.has(m.code)) ctx.addIssue({ code: "custom", path: ["matters", i, "code"], message: `matter ${m.code} has no rule` });
    });
  });
export type CatalogueFile = z.output<typeof catalogueFileSchema>;

export const DEMO_CATALOGUE_URL = new URL("../../../seed-data/catalogue/demo-catalogue.json", import.meta.url);

/** Validates a parsed catalogue; throws an Error naming every problem. */
export function parseCatalogue(json: unknown, origin = "catalogue"): CatalogueFile {
  const parsed = catalogueFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${origin} is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

export function loadDemoCatalogue(url: URL = DEMO_CATALOGUE_URL): CatalogueFile {
  return parseCatalogue(JSON.parse(readFileSync(url, "utf8")), url.pathname);
}
