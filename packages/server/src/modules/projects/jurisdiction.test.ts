import { describe, expect, it } from "vitest";
import { decideJurisdiction, jurisdictionOf, siteRegion } from "./jurisdiction.js";

describe("the project's region (spec §2)", () => {
  it("is the smallest division containing every site", () => {
    expect(siteRegion(["330106"])).toBe("330106");
    expect(siteRegion(["330106", "330106"])).toBe("330106");
    expect(siteRegion(["330106", "330108"])).toBe("330100");
    expect(siteRegion(["330100", "330106"])).toBe("330100");
    expect(siteRegion(["330106", "330203"])).toBe("330000");
    expect(siteRegion(["330000", "330203"])).toBe("330000");
    expect(siteRegion(["330106", "320102"])).toBe("100000");
  });
});

describe("jurisdiction (Art. 5, 11)", () => {
  const zhejiang = { level: "provincial" as const, region: "330000" };
  const central = { level: "central" as const, region: "100000" };

  it("makes projects across provinces central", () => {
    expect(jurisdictionOf("100000", "local")).toBe("central");
    expect(jurisdictionOf("330106", undefined)).toBe("local");
    expect(jurisdictionOf("330106", "central")).toBe("central");
  });

  it("lets a provincial platform code only local projects of its own province", () => {
    expect(decideJurisdiction(zhejiang, { jurisdiction: "local", region: "330106" })).toEqual({ ok: true });
    expect(decideJurisdiction(zhejiang, { jurisdiction: "local", region: "320102" })).toEqual({
      ok: false,
      rightPlatform: { level: "provincial", provinceCode: "320000" },
    });
    expect(decideJurisdiction(zhejiang, { jurisdiction: "central", region: "330106" })).toEqual({ ok: false, rightPlatform: { level: "central" } });
  });

  it("lets the central platform code only central projects", () => {
    expect(decideJurisdiction(central, { jurisdiction: "central", region: "100000" })).toEqual({ ok: true });
    expect(decideJurisdiction(central, { jurisdiction: "local", region: "330106" })).toEqual({
      ok: false,
      rightPlatform: { level: "provincial", provinceCode: "330000" },
    });
  });
});
