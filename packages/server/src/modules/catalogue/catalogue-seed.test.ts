import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "../../demo/demo-data.js";
import { DEMO_CATALOGUE_URL, DEMO_DEPARTMENT_KEYS, NO_STATUTORY_LIMIT, loadDemoCatalogue, parseCatalogue } from "./catalogue-seed.js";

const catalogue = loadDemoCatalogue();
const raw = () => JSON.parse(readFileSync(DEMO_CATALOGUE_URL, "utf8"));

describe("demo matter catalogue", () => {
  it("loads, validates and has at least 13 matters with unique codes", () => {
    expect(catalogue.matters.length).toBeGreaterThanOrEqual(13);
    const codes = catalogue.matters.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("covers the matters named by the issue", () => {
    const names = catalogue.matters.map((m) => m.name).join("\n");
    for (const word of ["可行性研究报告", "核准", "备案", "用地预审与选址", "建设用地规划许可证", "建设工程规划许可证", "环境影响评价审批（报告书）", "环境影响评价审批（报告表）", "节能审查", "水土保持方案", "取水许可", "施工许可", "社会稳定风险评估"]) {
      expect(names, word).toContain(word);
    }
  });

  it("keeps promised ≤ statutory and names a source for every limit", () => {
    for (const m of catalogue.matters) {
      if (m.statutoryWorkingDays !== null) expect(m.promisedWorkingDays, m.code).toBeLessThanOrEqual(m.statutoryWorkingDays);
      if (m.statutoryCalendarDays !== undefined) expect(m.promisedWorkingDays, m.code).toBeLessThanOrEqual(Math.floor((m.statutoryCalendarDays * 5) / 7));
      if (m.statutoryWorkingDays === null && m.statutoryCalendarDays === undefined) expect(m.statutorySource, m.code).toMatch(new RegExp(`^${NO_STATUTORY_LIMIT}`));
      else expect(m.statutorySource, m.code).toMatch(/《.+》/);
      expect(m.guide.timeLimit.statutory.length, m.code).toBeGreaterThan(0);
    }
  });

  it("uses only the demo departments that exist in demo-data", () => {
    const orgKeys = new Set(DEMO_ORGANISATIONS.map((o) => o.key));
    for (const key of DEMO_DEPARTMENT_KEYS) expect(orgKeys.has(key), key).toBe(true);
    for (const m of catalogue.matters) expect(DEMO_DEPARTMENT_KEYS as readonly string[]).toContain(m.departmentKey);
  });

  it("gives every matter a rule, and every rule an existing matter", () => {
    const codes = new Set(catalogue.matters.map((m) => m.code));
    for (const r of catalogue.rules) expect(codes.has(r.matterCode), r.matterCode).toBe(true);
    const ruled = new Set(catalogue.rules.map((r) => r.matterCode));
    for (const m of catalogue.matters) expect(ruled.has(m.code), m.code).toBe(true);
    expect(catalogue.rules.some((r) => r.regionCode === "330000" && catalogue.rules.some((n) => n.regionCode === "100000" && n.matterCode === r.matterCode))).toBe(true);
  });

  it("fills all eight guide elements of Art. 8", () => {
    for (const m of catalogue.matters) {
      const g = m.guide;
      expect(g.legalBasis.length, m.code).toBeGreaterThan(0);
      expect(g.content.trim(), m.code).not.toBe("");
      expect(g.acceptanceConditions.length, m.code).toBeGreaterThan(0);
      expect(g.procedure.length, m.code).toBeGreaterThan(0);
      expect(g.timeLimit.statutory && g.timeLimit.promised, m.code).toBeTruthy();
      expect(g.fees.text.trim(), m.code).not.toBe("");
      expect(g.supervision.trim(), m.code).not.toBe("");
      for (const v of Object.values(g.contacts)) expect(v.trim(), m.code).not.toBe("");
    }
  });

  it("has unique material codes per matter and shares what the platform holds", () => {
    for (const m of catalogue.matters) {
      const codes = m.materials.map((x) => x.code);
      expect(new Set(codes).size, m.code).toBe(codes.length);
      expect(m.materials.some((x) => x.required), m.code).toBe(true);
    }
    expect(catalogue.matters.every((m) => m.materials.some((x) => x.heldByPlatform))).toBe(true);
  });
});

describe("catalogue validation rejects", () => {
  it("a promised limit above the statutory one", () => {
    const file = raw();
    const matter = file.matters.find((m: { statutoryWorkingDays: number | null }) => m.statutoryWorkingDays !== null);
    matter.promisedWorkingDays = matter.statutoryWorkingDays + 1;
    expect(() => parseCatalogue(file)).toThrow(/promised limit exceeds/);
  });

  it("a null statutory limit without the 无法定时限 source", () => {
    const file = raw();
    const matter = file.matters.find((m: { statutoryWorkingDays: number | null; statutoryCalendarDays?: number }) => m.statutoryWorkingDays === null && m.statutoryCalendarDays === undefined);
    matter.statutorySource = "按承诺时限";
    expect(() => parseCatalogue(file)).toThrow(/statutorySource/);
  });

  it("duplicate matter codes, duplicate material codes, unknown departments and rules without a matter", () => {
    const dupMatter = raw();
    dupMatter.matters[1].code = dupMatter.matters[0].code;
    expect(() => parseCatalogue(dupMatter)).toThrow(/duplicate matter/);
    const dupMaterial = raw();
    dupMaterial.matters[0].materials[1].code = dupMaterial.matters[0].materials[0].code;
    expect(() => parseCatalogue(dupMaterial)).toThrow(/duplicate material/);
    const badDept = raw();
    badDept.matters[0].departmentKey = "sjj";
    expect(() => parseCatalogue(badDept)).toThrow(/departmentKey/);
    const orphan = raw();
    orphan.rules.push({ matterCode: "ZJ-FGW-999", regionCode: "100000", condition: { always: true } });
    expect(() => parseCatalogue(orphan)).toThrow(/no matter ZJ-FGW-999/);
  });

  it("malformed conditions", () => {
    const bad = [
      { fact: "totalInvestment", op: "gte", value: "5000.001" }, // money has at most 2 decimals
      { fact: "newConstructionLand", op: "isTrue", value: true },
      { fact: "approvalCategory", op: "in", value: "approval" },
      { fact: "unknownFact", op: "eq", value: "x" },
      { all: [] },
      { always: false },
    ];
    for (const condition of bad) {
      const file = raw();
      file.rules[0].condition = condition;
      expect(() => parseCatalogue(file), JSON.stringify(condition)).toThrow(/rules\.0\.condition/);
    }
  });
});
