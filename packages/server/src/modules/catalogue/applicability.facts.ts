import type { ApprovalCategory, Declaration } from "@tzxm/shared";
import { type Jurisdiction, jurisdictionOf, siteRegion } from "../projects/jurisdiction.js";

/** The facts about a project that applicability rules may test (see applicability.ts). Pure. */
// ---------------------------------------------------------------------------------------------------------------
// Facts

export const ENVIRONMENTAL_CATEGORIES = ["report", "form", "registration", "none"] as const;
/** 环境影响评价类别: 报告书 | 报告表 | 登记表 | none (not subject to EIA). */
export type EnvironmentalCategory = (typeof ENVIRONMENTAL_CATEGORIES)[number];

/** Declaration fields the applicability rules read that the declaration schema does not carry yet. */
export interface DeclarationApplicabilityExtension {
  environmentalCategory?: EnvironmentalCategory | undefined;
  /** 取水: the project draws water from rivers, lakes or underground (取水许可). */
  waterIntake?: boolean | undefined;
}

/** What a rule can test about a project. Money is decimal text in 万元 (spec §1), compared exactly. */
export interface ProjectFacts {
  approvalCategory: ApprovalCategory;
  projectType: string;
  centralDepartmentCode: string;
  industryCode: string;
  totalInvestment: string;
  governmentFunding: string;
  newConstructionLand: boolean;
  landAreaHectares: number;
  environmentalCategory: EnvironmentalCategory;
  waterIntake: boolean;
  /** The smallest division containing every site (spec §2); 100000 when the sites span provinces. */
  region: string;
  siteRegions: string[];
  jurisdiction: Jurisdiction;
}

export type FactName = keyof ProjectFacts;
export type FactKind = "string" | "money" | "number" | "bool" | "region" | "regionList";

export const FACT_KINDS = {
  approvalCategory: "string",
  projectType: "string",
  centralDepartmentCode: "string",
  industryCode: "string",
  totalInvestment: "money",
  governmentFunding: "money",
  newConstructionLand: "bool",
  landAreaHectares: "number",
  environmentalCategory: "string",
  waterIntake: "bool",
  region: "region",
  siteRegions: "regionList",
  jurisdiction: "string",
} as const satisfies Record<FactName, FactKind>;

export const FACT_NAMES = Object.keys(FACT_KINDS) as FactName[];

/** String facts whose values come from a closed list: a rule naming another value is a typo. */
export const ENUM_VALUES: Partial<Record<FactName, readonly string[]>> = {
  approvalCategory: ["approval", "verification", "filing"],
  environmentalCategory: ENVIRONMENTAL_CATEGORIES,
  jurisdiction: ["central", "local"],
};

/**
 * The facts of a declaration. `region` defaults to the smallest division containing every site and
 * `jurisdiction` to the one that follows from it (projects/jurisdiction.ts); a caller that has the project's
 * recorded values passes them.
 */
export function projectFacts(declaration: Declaration, options: { region?: string; jurisdiction?: Jurisdiction } = {}): ProjectFacts {
  const extension = declaration as Declaration & DeclarationApplicabilityExtension;
  const siteRegions = declaration.sites.map((s) => s.regionCode);
  const region = options.region ?? siteRegion(siteRegions);
  return {
    approvalCategory: declaration.approvalCategory,
    projectType: declaration.projectType,
    centralDepartmentCode: declaration.centralDepartmentCode,
    industryCode: declaration.industryCode,
    totalInvestment: declaration.totalInvestment,
    governmentFunding: declaration.governmentFunding ?? "0",
    newConstructionLand: declaration.newConstructionLand ?? false,
    landAreaHectares: declaration.landAreaHectares ?? 0,
    environmentalCategory: extension.environmentalCategory ?? "none",
    waterIntake: extension.waterIntake ?? false,
    region,
    siteRegions,
    jurisdiction: options.jurisdiction ?? jurisdictionOf(region, declaration.approvingLevel),
  };
}

