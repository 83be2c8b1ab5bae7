import { regionPrefixOf } from "../../db/data-scope.js";

/**
 * Where a project belongs (Art. 5, 11; spec §2 region segment). Pure functions: no database.
 */

/**
 * The GB/T 2260 code of the smallest division containing every construction site: the common county, else
 * the common prefecture, else the common province; `100000` when the sites span provinces (spec §2).
 */
export function siteRegion(siteCodes: readonly string[]): string {
  const prefixes = siteCodes.map(regionPrefixOf);
  for (const len of [6, 4, 2]) {
    const first = prefixes[0]?.slice(0, len);
    if (first && first.length === len && prefixes.every((p) => p.length >= len && p.slice(0, len) === first)) {
      return first.padEnd(6, "0");
    }
  }
  return "100000";
}

export type Jurisdiction = "central" | "local";

/** A project is central (中央项目) when a State Council department approves it; sites across provinces are too. */
export function jurisdictionOf(region: string, approvingLevel: Jurisdiction | undefined): Jurisdiction {
  if (region === "100000") return "central";
  return approvingLevel ?? "local";
}

export type JurisdictionDecision = { ok: true } | { ok: false; rightPlatform: { level: "central" } | { level: "provincial"; provinceCode: string } };

/**
 * Whether this platform assigns the code: the central platform assigns central projects; a provincial platform
 * assigns local projects of its own province. Otherwise the answer names the right platform.
 */
export function decideJurisdiction(
  platform: { level: "central" | "provincial"; region: string },
  project: { jurisdiction: Jurisdiction; region: string },
): JurisdictionDecision {
  if (project.jurisdiction === "central") {
    return platform.level === "central" ? { ok: true } : { ok: false, rightPlatform: { level: "central" } };
  }
  const province = `${project.region.slice(0, 2)}0000`;
  if (platform.level === "provincial" && platform.region === province) return { ok: true };
  return { ok: false, rightPlatform: { level: "provincial", provinceCode: province } };
}
