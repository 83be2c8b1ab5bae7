import type { Declaration } from "@tzxm/shared";

/**
 * When a change is major (重大变化, Art. 12: needs new approval, verification or filing, hence a new code). The
 * rules are per region (Art. 24): a region's own thresholds override the defaults, which follow the common
 * provincial rule for enterprise projects — site moved, total investment or construction scale changed by 20%
 * or more, or construction content changed substantially.
 */
export interface MajorChangeRules {
  /** |Δ total investment| / old total, as a fraction: 0.2 is 20%. */
  investmentChangeRatio: number;
  /** The unit's own statement of how much the construction scale changes, as a fraction. */
  scaleChangeRatio: number;
  /** Whether moving any site (a different set of site regions) is major. */
  siteMoveIsMajor: boolean;
}

export const DEFAULT_MAJOR_CHANGE_RULES: MajorChangeRules = { investmentChangeRatio: 0.2, scaleChangeRatio: 0.2, siteMoveIsMajor: true };

export interface ChangeStatement {
  /** How much the construction scale changes, stated by the unit (e.g. 0.25 for +25%). */
  scaleChangeRatio?: number | undefined;
  /** The unit states that the construction content changes substantially. */
  contentChangedSubstantially?: boolean | undefined;
}

export type MajorReason = "site_moved" | "investment_changed" | "scale_changed" | "content_changed" | "category_changed";

function siteRegions(d: Pick<Declaration, "sites">): string {
  return [...new Set(d.sites.map((s) => s.regionCode))].sort().join(",");
}

export function majorChangeReasons(
  before: Pick<Declaration, "sites" | "totalInvestment"> & { approvalCategory?: string },
  after: Pick<Declaration, "sites" | "totalInvestment"> & { approvalCategory?: string },
  statement: ChangeStatement,
  rules: MajorChangeRules = DEFAULT_MAJOR_CHANGE_RULES,
): MajorReason[] {
  const reasons: MajorReason[] = [];
  if (rules.siteMoveIsMajor && siteRegions(before) !== siteRegions(after)) reasons.push("site_moved");
  // Money is decimal text in 万元 with 2 decimals: compare in cents, exactly.
  const cents = (m: string) => Math.round(Number(m) * 100);
  const old = cents(before.totalInvestment);
  const delta = Math.abs(cents(after.totalInvestment) - old);
  if (old > 0 && delta * 1000 >= Math.round(rules.investmentChangeRatio * 1000) * old) reasons.push("investment_changed");
  if (statement.scaleChangeRatio !== undefined && Math.abs(statement.scaleChangeRatio) >= rules.scaleChangeRatio) reasons.push("scale_changed");
  if (statement.contentChangedSubstantially) reasons.push("content_changed");
  // Another kind of procedure (审批 ⇄ 核准 ⇄ 备案) is by definition a new approval, verification or filing.
  if (before.approvalCategory !== undefined && after.approvalCategory !== undefined && before.approvalCategory !== after.approvalCategory) {
    reasons.push("category_changed");
  }
  return reasons;
}
