import { describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { evaluate, projectFacts } from "./applicability.js";
import { loadDemoCatalogue } from "./catalogue-seed.js";

/** The demo catalogue's own rules through the evaluator: what the done-when describes. */
describe("the demo catalogue's applicability rules", () => {
  const catalogue = loadDemoCatalogue();
  const required = (declaration: Record<string, unknown>) =>
    evaluate(catalogue.rules, projectFacts(declaration as never))
      .filter((d) => d.required)
      .map((d) => d.matterCode)
      .sort();
  const name = (code: string) => catalogue.matters.find((m) => m.code === code)?.name ?? code;

  it("gives a light filing-only project few matters", () => {
    const light = required(
      sampleDeclaration({ approvalCategory: "filing", projectType: "02", totalInvestment: "800.00", environmentalCategory: "registration" }),
    );
    expect(light.map(name)).toEqual(expect.arrayContaining([expect.stringContaining("备案")]));
    expect(light.length).toBeLessThanOrEqual(2);
  });

  it("gives a 核准 project with new land and a 报告书 EIA the full set", () => {
    const full = required(
      sampleDeclaration({
        approvalCategory: "verification",
        projectType: "01",
        newConstructionLand: true,
        landAreaHectares: 12,
        environmentalCategory: "report",
        waterIntake: true,
        totalInvestment: "125000.00",
      }),
    ).map(name);
    for (const expected of ["核准", "用地预审", "建设用地规划许可", "建设工程规划许可", "报告书", "水土保持", "取水", "施工许可", "节能审查", "社会稳定风险评估"]) {
      expect(full.some((n) => n.includes(expected)), `${expected} in ${full.join("、")}`).toBe(true);
    }
    expect(full.some((n) => n.includes("报告表"))).toBe(false);
    expect(full.some((n) => n.includes("备案") && !n.includes("竣工"))).toBe(false);
  });

  it("applies 浙江's own rule inside 浙江 only (Art. 24)", () => {
    const zhejiang = catalogue.rules.filter((r) => r.regionCode === "330000");
    expect(zhejiang.length).toBeGreaterThan(0);
    const matter = zhejiang[0]!.matterCode;
    const inside = evaluate(catalogue.rules, projectFacts(sampleDeclaration() as never), [matter])[0]!;
    const outside = evaluate(catalogue.rules, projectFacts(sampleDeclaration({ sites: [{ regionCode: "320102", address: "南京" }] }) as never), [matter])[0]!;
    expect(inside.decidedBy?.regionCode).toBe("330000");
    expect(outside.decidedBy?.regionCode).toBe("100000");
    expect(inside.reasons.zh.length).toBeGreaterThan(0);
  });
});
