import { z } from "zod";

/**
 * The declaration body of the interface specification §4 (fields of 《企业投资项目核准和备案管理办法》第40条 and
 * 条例第6条), shared by the server (which validates with it) and the web wizard (which shows its rules).
 * `approvingLevel` is ours: which level's authority approves, verifies or files the project (Art. 5).
 */
/** Money (spec §1): a decimal string in 万元 with at most 2 decimals. */
export const money = z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, "a decimal amount in 万元 with at most 2 decimals");
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");
const text = (max: number) => z.string().trim().min(1).max(max);

export const APPROVAL_CATEGORIES = ["approval", "verification", "filing"] as const;
export type ApprovalCategory = (typeof APPROVAL_CATEGORIES)[number];

export const declarationSchema = z
  .object({
    name: z.string().trim().min(2).max(100),
    approvalCategory: z.enum(APPROVAL_CATEGORIES),
    projectType: z.string().regex(/^\d{2}$/, "a 2-digit project type code"),
    centralDepartmentCode: z.string().regex(/^\d{2}$/, "a 2-digit central department code"),
    unit: z.object({
      name: text(100),
      creditCode: z.string().trim().toUpperCase().length(18),
      legalRepresentative: text(50),
      contactName: text(50),
      contactPhone: z.string().trim().regex(/^[0-9+\-() ]{7,20}$/, "a telephone number"),
    }),
    sites: z
      .array(z.object({ regionCode: z.string().regex(/^\d{6}$/, "a 6-digit GB/T 2260 code"), address: text(200) }))
      .min(1)
      .max(50),
    industryCode: z.string().trim().regex(/^([A-T]|\d{2,4})$/, "a GB/T 4754-2017 code"),
    constructionScale: text(2000),
    constructionContent: text(4000),
    totalInvestment: money.refine((v) => Number(v) > 0, "greater than 0"),
    plannedStart: yearMonth,
    plannedEnd: yearMonth,
    industrialPolicyDeclaration: z.literal(true),
    classified: z.boolean(),
    legacyCode: z.string().trim().min(1).max(50).optional(),
    landAreaHectares: z.number().min(0).max(1_000_000).optional(),
    newConstructionLand: z.boolean().optional(),
    governmentFunding: money.optional(),
    approvingLevel: z.enum(["central", "local"]).optional(),
    /** 环境影响评价类别 (ours): 报告书 report, 报告表 form, 登记表 registration, none. Decides the EIA matter. */
    environmentalCategory: z.enum(["report", "form", "registration", "none"]).optional(),
    /** Whether the project takes water directly from rivers, lakes or groundwater (取水许可). Ours. */
    waterIntake: z.boolean().optional(),
  })
  .refine((d) => d.plannedStart <= d.plannedEnd, { path: ["plannedEnd"], message: "not before plannedStart" });

export type Declaration = z.output<typeof declarationSchema>;

export const PROJECT_STATUSES = [
  "declared",
  "in_approval",
  "approved",
  "filed",
  "under_construction",
  "completed",
  "suspended",
  "withdrawn",
  "superseded",
  "lapsed",
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Status names: the server's messages and the web's Chinese texts (i18n/zh.ts) both take them from here. */
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  declared: "已申报",
  in_approval: "审批中",
  approved: "已办结",
  filed: "已备案",
  under_construction: "在建",
  completed: "已竣工",
  suspended: "已中止",
  withdrawn: "已撤回",
  superseded: "已重新赋码",
  lapsed: "已失效",
};
