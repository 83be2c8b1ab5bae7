import { describe, expect, it } from "vitest";
import { majorChangeReasons } from "./change-rules.js";
import { applyChange } from "@tzxm/shared";

const base = { sites: [{ regionCode: "330106", address: "甲" }], totalInvestment: "10000.00" };

describe("major change (Art. 12)", () => {
  it("is major at exactly 20% of total investment, either way, and not just below", () => {
    expect(majorChangeReasons(base, { ...base, totalInvestment: "12000.00" }, {})).toEqual(["investment_changed"]);
    expect(majorChangeReasons(base, { ...base, totalInvestment: "8000.00" }, {})).toEqual(["investment_changed"]);
    expect(majorChangeReasons(base, { ...base, totalInvestment: "11999.99" }, {})).toEqual([]);
    expect(majorChangeReasons(base, { ...base, totalInvestment: "8000.01" }, {})).toEqual([]);
  });
  it("is major when a site moves to another region, not when only the address text changes", () => {
    expect(majorChangeReasons(base, { ...base, sites: [{ regionCode: "330108", address: "甲" }] }, {})).toEqual(["site_moved"]);
    expect(majorChangeReasons(base, { ...base, sites: [{ regionCode: "330106", address: "乙（门牌调整）" }] }, {})).toEqual([]);
  });
  it("takes the unit's statement for scale and content", () => {
    expect(majorChangeReasons(base, base, { scaleChangeRatio: 0.2 })).toEqual(["scale_changed"]);
    expect(majorChangeReasons(base, base, { scaleChangeRatio: -0.19 })).toEqual([]);
    expect(majorChangeReasons(base, base, { contentChangedSubstantially: true })).toEqual(["content_changed"]);
  });
  it("follows a region's own thresholds (Art. 24)", () => {
    const strict = { investmentChangeRatio: 0.1, scaleChangeRatio: 0.1, siteMoveIsMajor: false };
    expect(majorChangeReasons(base, { ...base, totalInvestment: "11000.00" }, {}, strict)).toEqual(["investment_changed"]);
    expect(majorChangeReasons(base, { ...base, sites: [{ regionCode: "330108", address: "甲" }] }, {}, strict)).toEqual([]);
  });
});

describe("project change workflow", () => {
  it("keeps the status on adjustment and extension, suspends, withdraws and supersedes", () => {
    expect(applyChange("declared", "adjustment")).toEqual({ ok: true, next: "declared" });
    expect(applyChange("filed", "extension")).toEqual({ ok: true, next: "filed" });
    expect(applyChange("under_construction", "suspension")).toEqual({ ok: true, next: "suspended" });
    expect(applyChange("declared", "withdrawal")).toEqual({ ok: true, next: "withdrawn" });
    expect(applyChange("approved", "major_change")).toEqual({ ok: true, next: "superseded" });
  });
  it("refuses changes to a project that no longer lives under its code", () => {
    for (const dead of ["withdrawn", "superseded", "lapsed", "completed"] as const) {
      for (const kind of ["adjustment", "extension", "suspension", "withdrawal", "major_change"] as const) {
        expect(applyChange(dead, kind).ok, `${kind} from ${dead}`).toBe(false);
      }
    }
    expect(applyChange("under_construction", "withdrawal").ok).toBe(false);
    expect(applyChange("suspended", "suspension").ok).toBe(false);
  });
});
