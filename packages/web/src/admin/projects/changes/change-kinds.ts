import { changeKindsFor, type ProjectStatus, UNIT_CHANGE_KINDS, type UnitChangeKind } from "@tzxm/shared";
import type { DictKey } from "../../../i18n/index.js";

/** The buttons follow the shared project workflow (Art. 12, 14(1)); the server enforces the same rules. */
export type ChangeKind = UnitChangeKind;
export const CHANGE_KINDS = UNIT_CHANGE_KINDS;
export { changeKindsFor };

export const CHANGE_KIND_LABEL: Record<ChangeKind, DictKey> = {
  adjustment: "chgAdjustment",
  extension: "chgExtension",
  suspension: "chgSuspension",
  withdrawal: "chgWithdrawal",
};

/** Why the server found a change major (change-rules.ts `MajorReason`). */
export type MajorReason = "site_moved" | "investment_changed" | "scale_changed" | "content_changed" | "category_changed";

const MAJOR_REASON_LABEL: Record<MajorReason, DictKey> = {
  site_moved: "chgMajor_site_moved",
  investment_changed: "chgMajor_investment_changed",
  scale_changed: "chgMajor_scale_changed",
  content_changed: "chgMajor_content_changed",
  category_changed: "chgMajor_category_changed",
};

/** The label of a major-change reason; an unknown one (a newer server) is shown as sent. */
export function majorReasonLabel(reason: string, t: (key: DictKey) => string): string {
  return Object.hasOwn(MAJOR_REASON_LABEL, reason) ? t(MAJOR_REASON_LABEL[reason as MajorReason]) : reason;
}

/** POST /api/v1/projects/{code}/changes: the answer. */
export interface ChangeOutcome {
  code: string;
  previousCode?: string;
  kind: ChangeKind | "major_change";
  major: boolean;
  reasons: string[];
  status: ProjectStatus;
  version: number;
}

/** POST /api/v1/projects/{code}/changes: the request (the declaration is the whole spec §4 body). */
export type ChangeRequest =
  | {
      kind: "adjustment" | "extension";
      reason: string;
      declaration: Record<string, unknown>;
      scaleChangeRatio?: number;
      contentChangedSubstantially?: boolean;
    }
  | { kind: "suspension" | "withdrawal"; reason: string };

/** GET /api/v1/projects/{code}/versions: every version of the project's information, oldest first. */
export interface ProjectVersions {
  code: string;
  items: { version: number; reason: string; createdAt: string; declaration: unknown }[];
}

/**
 * A version's stored reason as the server writes it: "declaration" (the first version), "major_change:<old code>"
 * (the first version under a new code) or "<kind>: <the unit's reason>".
 */
export type VersionReason =
  | { type: "declared" }
  | { type: "major"; previousCode: string }
  | { type: "change"; kind: "adjustment" | "extension"; text: string }
  | { type: "other"; text: string };

export function parseVersionReason(reason: string): VersionReason {
  if (reason === "declaration") return { type: "declared" };
  const major = /^major_change:(.+)$/.exec(reason);
  if (major?.[1]) return { type: "major", previousCode: major[1] };
  const change = /^(adjustment|extension): ([\s\S]*)$/.exec(reason);
  if (change?.[1] && change[2] !== undefined) return { type: "change", kind: change[1] as "adjustment" | "extension", text: change[2] };
  return { type: "other", text: reason };
}

/** The stated scale change as a percentage in the form, as the fraction the server takes (25 → 0.25). */
export function percentToRatio(percent: number | null | undefined): number | undefined {
  if (typeof percent !== "number" || !Number.isFinite(percent)) return undefined;
  return Math.round(percent * 100) / 10_000;
}

/**
 * A server error path of the change request as the path of the change form's field: the declaration's fields
 * sit at the top of the form ("declaration.unit.creditCode" → "unit.creditCode"), the stated scale change is
 * typed as a percentage.
 */
export function changeFormPath(path: string): string {
  const bare = path.replace(/^body\./, "");
  if (bare.startsWith("declaration.")) return bare.slice("declaration.".length);
  if (bare === "scaleChangeRatio") return "scalePercent";
  return bare;
}
