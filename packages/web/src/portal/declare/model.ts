import type { ApprovalCategory } from "@tzxm/shared";
import dayjs, { type Dayjs } from "dayjs";

/**
 * The wizard's form values and their two other shapes: the draft (any part of the spec §4 body, money as decimal
 * strings in 万元 and months as "YYYY-MM", exactly as it will be declared) and the declaration body itself.
 */
export interface SiteValues {
  regionCode?: string;
  address?: string;
}

export interface DeclareFormValues {
  name?: string;
  approvalCategory?: ApprovalCategory;
  projectType?: string;
  centralDepartmentCode?: string;
  industryCode?: string;
  legacyCode?: string;
  unit?: { name?: string; creditCode?: string; legalRepresentative?: string; contactName?: string; contactPhone?: string };
  sites?: SiteValues[];
  constructionScale?: string;
  constructionContent?: string;
  landAreaHectares?: number | null;
  newConstructionLand?: boolean;
  /** 环境影响评价类别 and 取水: they decide the EIA and water-intake matters the project is told. */
  environmentalCategory?: "report" | "form" | "registration" | "none";
  waterIntake?: boolean;
  totalInvestment?: number | null;
  governmentFunding?: number | null;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  industrialPolicyDeclaration?: boolean;
  classified?: boolean;
}

export type DraftData = Record<string, unknown>;

export const STEP_COUNT = 5;
export const STEP_TITLES = ["declStep0", "declStep1", "declStep2", "declStep3", "declStep4"] as const;

/** Which step shows each top-level field of the declaration (server error paths start with these). */
const STEP_OF_FIELD: Record<string, number> = {
  name: 0,
  approvalCategory: 0,
  projectType: 0,
  centralDepartmentCode: 0,
  industryCode: 0,
  legacyCode: 0,
  unit: 1,
  sites: 2,
  constructionScale: 2,
  constructionContent: 2,
  landAreaHectares: 2,
  newConstructionLand: 2,
  environmentalCategory: 2,
  waterIntake: 2,
  totalInvestment: 3,
  governmentFunding: 3,
  plannedStart: 3,
  plannedEnd: 3,
  industrialPolicyDeclaration: 4,
  classified: 4,
};

/** The fields each step validates when the unit moves on (sites with every row, recursively). */
export const STEP_FIELDS: (string | number)[][][] = [
  [["name"], ["approvalCategory"], ["projectType"], ["centralDepartmentCode"], ["industryCode"], ["legacyCode"]],
  [["unit", "name"], ["unit", "creditCode"], ["unit", "legalRepresentative"], ["unit", "contactName"], ["unit", "contactPhone"]],
  [["sites"], ["constructionScale"], ["constructionContent"], ["landAreaHectares"], ["newConstructionLand"], ["environmentalCategory"], ["waterIntake"]],
  [["totalInvestment"], ["governmentFunding"], ["plannedStart"], ["plannedEnd"]],
  [["industrialPolicyDeclaration"], ["classified"]],
];

/** The step holding the field a path names ("unit.creditCode", "sites.0.regionCode", ["plannedEnd"]). */
export function stepOfPath(path: string | readonly (string | number)[]): number | undefined {
  const first = typeof path === "string" ? path.split(".")[0] : path[0];
  return first === undefined ? undefined : STEP_OF_FIELD[String(first)];
}

const LEAF_FIELDS = new Set(STEP_FIELDS.flat().map((name) => name.join(".")));

/** Whether a server error path names a field this form shows (so the error can sit on that field). */
export function isFormField(path: string): boolean {
  return LEAF_FIELDS.has(path) || /^sites\.\d+\.(regionCode|address)$/.test(path);
}

const money = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(2) : undefined);
const month = (v: unknown) => (dayjs.isDayjs(v) && v.isValid() ? v.format("YYYY-MM") : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown) => (typeof v === "boolean" ? v : undefined);
const ENVIRONMENTAL_CATEGORIES = ["report", "form", "registration", "none"] as const;
const environmentalCategory = (v: unknown) =>
  ENVIRONMENTAL_CATEGORIES.find((c) => c === v);

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

/** Form values → draft data: every field in its spec §4 form, whatever is missing simply absent. */
export function toDraftData(v: DeclareFormValues): DraftData {
  return defined({
    name: str(v.name),
    approvalCategory: str(v.approvalCategory),
    projectType: str(v.projectType),
    centralDepartmentCode: str(v.centralDepartmentCode),
    industryCode: str(v.industryCode),
    legacyCode: str(v.legacyCode),
    unit: v.unit ? defined({ ...v.unit }) : undefined,
    sites: v.sites?.map((s) => defined({ regionCode: str(s?.regionCode), address: str(s?.address) })),
    constructionScale: str(v.constructionScale),
    constructionContent: str(v.constructionContent),
    landAreaHectares: num(v.landAreaHectares),
    newConstructionLand: bool(v.newConstructionLand),
    environmentalCategory: environmentalCategory(v.environmentalCategory),
    waterIntake: bool(v.waterIntake),
    totalInvestment: money(v.totalInvestment),
    governmentFunding: money(v.governmentFunding),
    plannedStart: month(v.plannedStart),
    plannedEnd: month(v.plannedEnd),
    industrialPolicyDeclaration: bool(v.industrialPolicyDeclaration),
    classified: bool(v.classified),
  });
}

const record = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const fromMoney = (v: unknown) => (typeof v === "string" && /^\d{1,12}(\.\d{1,2})?$/.test(v.trim()) ? Number(v) : undefined);
const fromMonth = (v: unknown) => (typeof v === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? dayjs(`${v}-01`) : undefined);

/** Draft data (whatever was stored) → form values; anything unreadable is left empty rather than failing. */
export function fromDraftData(raw: unknown): DeclareFormValues {
  const d = record(raw);
  const unit = record(d.unit);
  const category = str(d.approvalCategory);
  return defined({
    name: str(d.name),
    approvalCategory: category === "approval" || category === "verification" || category === "filing" ? category : undefined,
    projectType: str(d.projectType),
    centralDepartmentCode: str(d.centralDepartmentCode),
    industryCode: str(d.industryCode),
    legacyCode: str(d.legacyCode),
    unit: defined({
      name: str(unit.name),
      creditCode: str(unit.creditCode),
      legalRepresentative: str(unit.legalRepresentative),
      contactName: str(unit.contactName),
      contactPhone: str(unit.contactPhone),
    }),
    sites: Array.isArray(d.sites) ? d.sites.map((s) => defined({ regionCode: str(record(s).regionCode), address: str(record(s).address) })) : undefined,
    constructionScale: str(d.constructionScale),
    constructionContent: str(d.constructionContent),
    landAreaHectares: num(d.landAreaHectares),
    newConstructionLand: bool(d.newConstructionLand),
    environmentalCategory: environmentalCategory(d.environmentalCategory),
    waterIntake: bool(d.waterIntake),
    totalInvestment: fromMoney(d.totalInvestment),
    governmentFunding: fromMoney(d.governmentFunding),
    plannedStart: fromMonth(d.plannedStart),
    plannedEnd: fromMonth(d.plannedEnd),
    industrialPolicyDeclaration: bool(d.industrialPolicyDeclaration),
    classified: bool(d.classified),
  }) as DeclareFormValues;
}

/**
 * Form values (already validated by the form) → the declaration body, exactly spec §4: required fields always,
 * optional ones only when given, text trimmed.
 */
export function toDeclaration(v: DeclareFormValues): Record<string, unknown> {
  const trim = (s: string | undefined) => (s ?? "").trim();
  const legacyCode = trim(v.legacyCode);
  return {
    name: trim(v.name),
    approvalCategory: v.approvalCategory,
    projectType: v.projectType,
    centralDepartmentCode: v.centralDepartmentCode,
    unit: {
      name: trim(v.unit?.name),
      creditCode: trim(v.unit?.creditCode).toUpperCase(),
      legalRepresentative: trim(v.unit?.legalRepresentative),
      contactName: trim(v.unit?.contactName),
      contactPhone: trim(v.unit?.contactPhone),
    },
    sites: (v.sites ?? []).map((s) => ({ regionCode: s.regionCode, address: trim(s.address) })),
    industryCode: v.industryCode,
    constructionScale: trim(v.constructionScale),
    constructionContent: trim(v.constructionContent),
    totalInvestment: money(v.totalInvestment),
    plannedStart: month(v.plannedStart),
    plannedEnd: month(v.plannedEnd),
    industrialPolicyDeclaration: v.industrialPolicyDeclaration === true,
    classified: v.classified === true,
    ...(legacyCode ? { legacyCode } : {}),
    ...(num(v.landAreaHectares) !== undefined ? { landAreaHectares: v.landAreaHectares } : {}),
    ...(typeof v.newConstructionLand === "boolean" ? { newConstructionLand: v.newConstructionLand } : {}),
    ...(environmentalCategory(v.environmentalCategory) ? { environmentalCategory: environmentalCategory(v.environmentalCategory) } : {}),
    ...(typeof v.waterIntake === "boolean" ? { waterIntake: v.waterIntake } : {}),
    ...(money(v.governmentFunding) !== undefined ? { governmentFunding: money(v.governmentFunding) } : {}),
  };
}
