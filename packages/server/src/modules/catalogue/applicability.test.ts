import { type Declaration, declarationSchema } from "@tzxm/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Condition,
  conditionSchema,
  type EnvironmentalCategory,
  evaluate,
  type MatterDecision,
  type ProjectFacts,
  projectFacts,
  RULE_LIMITS,
  type Rule,
  RuleSetConflictError,
  ruleSchema,
  validateRuleSet,
} from "./applicability.js";

const NATIONAL = "100000";
const note = (zh: string, en: string) => ({ zh, en });

/**
 * A small national rule set. 节能审查 uses the stand-in threshold "total investment ≥ 5000 万元" (the real test is
 * annual energy consumption, which the declaration does not carry yet).
 */
const nationalRules: Rule[] = [
  { matterCode: "FILING", regionCode: NATIONAL, condition: { fact: "approvalCategory", op: "eq", value: "filing" }, note: note("《企业投资项目核准和备案管理条例》第十三条", "Regulation Art. 13") },
  { matterCode: "VERIFICATION", regionCode: NATIONAL, condition: { fact: "approvalCategory", op: "eq", value: "verification" }, note: note("《企业投资项目核准和备案管理条例》第三条", "Regulation Art. 3") },
  { matterCode: "FEASIBILITY", regionCode: NATIONAL, condition: { fact: "approvalCategory", op: "eq", value: "approval" } },
  { matterCode: "LAND_PRECHECK", regionCode: NATIONAL, condition: { fact: "newConstructionLand", op: "isTrue" }, note: note("《土地管理法》第五十二条", "Land Administration Law Art. 52") },
  { matterCode: "LAND_USE_PLANNING", regionCode: NATIONAL, condition: { fact: "newConstructionLand", op: "isTrue" } },
  { matterCode: "WORKS_PLANNING", regionCode: NATIONAL, condition: { fact: "projectType", op: "eq", value: "01" } },
  { matterCode: "EIA_REPORT", regionCode: NATIONAL, condition: { fact: "environmentalCategory", op: "eq", value: "report" } },
  { matterCode: "EIA_FORM", regionCode: NATIONAL, condition: { fact: "environmentalCategory", op: "eq", value: "form" } },
  { matterCode: "ENERGY", regionCode: NATIONAL, condition: { fact: "totalInvestment", op: "gte", value: "5000.00" } },
  { matterCode: "WATER_INTAKE", regionCode: NATIONAL, condition: { fact: "waterIntake", op: "isTrue" } },
  {
    matterCode: "SOIL_WATER",
    regionCode: NATIONAL,
    condition: { any: [{ fact: "landAreaHectares", op: "gte", value: 0.5 }, { fact: "newConstructionLand", op: "isTrue" }] },
  },
  { matterCode: "CONSTRUCTION_PERMIT", regionCode: NATIONAL, condition: { fact: "projectType", op: "eq", value: "01" } },
  {
    matterCode: "STABILITY",
    regionCode: NATIONAL,
    condition: {
      all: [
        { fact: "approvalCategory", op: "in", value: ["approval", "verification"] },
        { fact: "totalInvestment", op: "gte", value: 10000 },
      ],
    },
  },
];

const names: Record<string, string> = { "330000": "浙江省", "330100": "杭州市", "330106": "西湖区", "330200": "宁波市", "320000": "江苏省" };
const regionName = (code: string) => names[code];

function declaration(over: Record<string, unknown> = {}): Declaration & { environmentalCategory?: EnvironmentalCategory; waterIntake?: boolean } {
  const { environmentalCategory, waterIntake, ...rest } = over;
  const parsed = declarationSchema.parse({
    name: "年产10万套新能源汽车零部件智能制造项目",
    approvalCategory: "verification",
    projectType: "01",
    centralDepartmentCode: "02",
    unit: { name: "杭州示例科技有限公司", creditCode: "91330106MA2XXXXX1X", legalRepresentative: "王建国", contactName: "王经理", contactPhone: "0571-88886666" },
    sites: [{ regionCode: "330106", address: "杭州市西湖区三墩镇某路1号" }],
    industryCode: "36",
    constructionScale: "新建厂房5万平方米",
    constructionContent: "建设智能化生产车间",
    totalInvestment: "125000.00",
    plannedStart: "2027-03",
    plannedEnd: "2029-06",
    industrialPolicyDeclaration: true,
    classified: false,
    ...rest,
  });
  return { ...parsed, ...(environmentalCategory ? { environmentalCategory: environmentalCategory as EnvironmentalCategory } : {}), ...(waterIntake !== undefined ? { waterIntake: waterIntake as boolean } : {}) };
}

const required = (decisions: MatterDecision[]) => decisions.filter((d) => d.required).map((d) => d.matterCode);
const decision = (decisions: MatterDecision[], code: string) => {
  const d = decisions.find((x) => x.matterCode === code);
  if (!d) throw new Error(`no decision for ${code}`);
  return d;
};

describe("facts of a declaration", () => {
  it("reads the declaration, with defaults for what it leaves out", () => {
    const facts = projectFacts(declaration({ sites: [{ regionCode: "330106", address: "甲" }, { regionCode: "330108", address: "乙" }] }));
    expect(facts).toMatchObject({
      approvalCategory: "verification",
      totalInvestment: "125000.00",
      governmentFunding: "0",
      newConstructionLand: false,
      landAreaHectares: 0,
      environmentalCategory: "none",
      waterIntake: false,
      region: "330100",
      siteRegions: ["330106", "330108"],
      jurisdiction: "local",
    });
    const extended = projectFacts(declaration({ environmentalCategory: "report", waterIntake: true }), { region: "330106", jurisdiction: "central" });
    expect(extended).toMatchObject({ environmentalCategory: "report", waterIntake: true, region: "330106", jurisdiction: "central" });
  });
});

describe("evaluation of the national rule set", () => {
  it("gives a filing-only light project few matters", () => {
    const light = projectFacts(
      declaration({ approvalCategory: "filing", projectType: "02", totalInvestment: "800.00", environmentalCategory: "registration", newConstructionLand: false }),
    );
    expect(required(evaluate(nationalRules, light))).toEqual(["FILING"]);
  });

  it("gives a 核准 project with new land and a 报告书 EIA the full set", () => {
    const heavy = projectFacts(
      declaration({ approvalCategory: "verification", projectType: "01", totalInvestment: "125000.00", newConstructionLand: true, landAreaHectares: 12, environmentalCategory: "report", waterIntake: true }),
    );
    expect(required(evaluate(nationalRules, heavy))).toEqual([
      "VERIFICATION",
      "LAND_PRECHECK",
      "LAND_USE_PLANNING",
      "WORKS_PLANNING",
      "EIA_REPORT",
      "ENERGY",
      "WATER_INTAKE",
      "SOIL_WATER",
      "CONSTRUCTION_PERMIT",
      "STABILITY",
    ]);
  });

  it("decides only the matters asked for, in their order, and no rule means not required", () => {
    const facts = projectFacts(declaration());
    const decisions = evaluate(nationalRules, facts, ["ENERGY", "UNKNOWN", "FILING", "ENERGY"]);
    expect(decisions.map((d) => [d.matterCode, d.required])).toEqual([
      ["ENERGY", true],
      ["UNKNOWN", false],
      ["FILING", false],
    ]);
    expect(decisions[1]?.decidedBy).toBeNull();
  });

  it("compares money exactly, to the cent", () => {
    const at = (totalInvestment: string) => decision(evaluate(nationalRules, projectFacts(declaration({ totalInvestment })), ["ENERGY"]), "ENERGY").required;
    expect(at("4999.99")).toBe(false);
    expect(at("5000.00")).toBe(true);
    expect(at("5000")).toBe(true);
    expect(at("5000.01")).toBe(true);
    // 0.1 + 0.2 is not 0.3 in floating point; in cents it is.
    const rule: Rule = { matterCode: "X", regionCode: NATIONAL, condition: { fact: "governmentFunding", op: "eq", value: 0.3 } };
    expect(evaluate([rule], projectFacts(declaration({ governmentFunding: "0.30" })))[0]?.required).toBe(true);
    expect(evaluate([rule], projectFacts(declaration({ governmentFunding: "0.3" })))[0]?.required).toBe(true);
    expect(evaluate([rule], projectFacts(declaration({ governmentFunding: "0.31" })))[0]?.required).toBe(false);
    // Beyond the float-safe range: 12 integer digits and 2 decimals.
    const big: Rule = { matterCode: "BIG", regionCode: NATIONAL, condition: { fact: "totalInvestment", op: "gt", value: "999999999999.98" } };
    expect(evaluate([big], projectFacts(declaration({ totalInvestment: "999999999999.99" })))[0]?.required).toBe(true);
    expect(evaluate([big], projectFacts(declaration({ totalInvestment: "999999999999.98" })))[0]?.required).toBe(false);
  });

  it("explains why a matter is required, in Chinese and English, with the rule's note", () => {
    const facts = projectFacts(declaration({ newConstructionLand: true, environmentalCategory: "report" }));
    const decisions = evaluate(nationalRules, facts, undefined, { regionName });
    expect(decision(decisions, "VERIFICATION").reasons).toEqual({
      zh: ["审批类别为核准", "《企业投资项目核准和备案管理条例》第三条"],
      en: ["the approval category is verification (核准)", "Regulation Art. 3"],
    });
    expect(decision(decisions, "ENERGY").reasons.zh).toEqual(["总投资不少于 5000.00 万元（本项目 125000.00 万元）"]);
    expect(decision(decisions, "LAND_PRECHECK").reasons.zh).toEqual(["新增建设用地", "《土地管理法》第五十二条"]);
    expect(decision(decisions, "EIA_REPORT").reasons.zh).toEqual(["环境影响评价类别为报告书"]);
    expect(decision(decisions, "STABILITY").reasons.zh).toEqual(["审批类别为审批、核准之一", "总投资不少于 10000.00 万元（本项目 125000.00 万元）"]);
    // `any`: only the leaves that held.
    expect(decision(decisions, "SOIL_WATER").reasons.zh).toEqual(["新增建设用地"]);
    expect(decision(decisions, "SOIL_WATER").reasons.en).toEqual(["new construction land is needed"]);
    expect(decision(decisions, "VERIFICATION").decidedBy).toEqual({ regionCode: NATIONAL, level: "national" });
  });

  it("says which condition failed for a matter not required", () => {
    const facts = projectFacts(declaration({ totalInvestment: "4999.99" }));
    const decisions = evaluate(nationalRules, facts);
    expect(decision(decisions, "ENERGY").reasons.zh).toEqual(["总投资少于 5000.00 万元（本项目 4999.99 万元）"]);
    expect(decision(decisions, "STABILITY").reasons.zh).toEqual(["总投资少于 10000.00 万元（本项目 4999.99 万元）"]);
    expect(decision(decisions, "SOIL_WATER").reasons.zh).toEqual(["用地面积少于 0.5 公顷（本项目 0 公顷）", "不新增建设用地"]);
    expect(decision(decisions, "FILING").reasons.en).toEqual(["the approval category is not filing (备案)", "Regulation Art. 13"]);
  });

  it("tests regions by containment", () => {
    const rules: Rule[] = [
      { matterCode: "HZ", regionCode: NATIONAL, condition: { fact: "region", op: "within", value: "330100" } },
      { matterCode: "NB_SITE", regionCode: NATIONAL, condition: { fact: "siteRegions", op: "within", value: "330200" } },
      { matterCode: "NOT_JS", regionCode: NATIONAL, condition: { not: { fact: "region", op: "within", value: "320000" } } },
    ];
    const facts = projectFacts(declaration({ sites: [{ regionCode: "330106", address: "甲" }, { regionCode: "330203", address: "乙" }] }));
    expect(facts.region).toBe("330000");
    const decisions = evaluate(rules, facts, undefined, { regionName });
    expect(decisions.map((d) => d.required)).toEqual([false, true, true]);
    expect(decision(decisions, "HZ").reasons.zh).toEqual(["建设地点不在 330100（杭州市） 内"]);
    expect(decision(decisions, "NB_SITE").reasons.zh).toEqual(["有建设地点位于 330200（宁波市）"]);
    expect(decision(decisions, "NOT_JS").reasons.zh).toEqual(["建设地点不在 320000（江苏省） 内"]);
    const inHangzhou = evaluate(rules, projectFacts(declaration()), ["HZ"], { regionName });
    expect(inHangzhou[0]?.reasons.zh).toEqual(["建设地点位于 330100（杭州市）"]);
  });
});

describe("regional rules (Art. 24)", () => {
  const zhejiangEnergy: Rule = {
    matterCode: "ENERGY",
    regionCode: "330000",
    condition: { fact: "totalInvestment", op: "gte", value: "3000.00" },
    note: note("《浙江省固定资产投资项目节能审查实施办法》", "Zhejiang energy review measures"),
  };
  const hangzhouOff: Rule = { matterCode: "WATER_INTAKE", regionCode: "330100", condition: { never: true }, note: note("杭州市另行办理", "handled separately in Hangzhou") };
  const rules = [...nationalRules, zhejiangEnergy, hangzhouOff];

  it("lets a province change a national threshold, only inside the province", () => {
    const inZhejiang = evaluate(rules, projectFacts(declaration({ totalInvestment: "3500.00" })), ["ENERGY"], { regionName });
    expect(inZhejiang[0]).toEqual({
      matterCode: "ENERGY",
      required: true,
      decidedBy: { regionCode: "330000", level: "province" },
      reasons: {
        zh: ["依据 330000（浙江省） 的省级规则", "总投资不少于 3000.00 万元（本项目 3500.00 万元）", "《浙江省固定资产投资项目节能审查实施办法》"],
        en: ["under the province rule of 330000 (浙江省)", "total investment is at least 3000.00 ×10,000 yuan (this project: 3500.00)", "Zhejiang energy review measures"],
      },
    });
    const inJiangsu = evaluate(rules, projectFacts(declaration({ totalInvestment: "3500.00", sites: [{ regionCode: "320102", address: "南京" }] })), ["ENERGY"]);
    expect(inJiangsu[0]).toMatchObject({ required: false, decidedBy: { regionCode: NATIONAL, level: "national" } });
  });

  it("lets a prefecture switch a national matter off", () => {
    const heavy = { newConstructionLand: true, environmentalCategory: "report", waterIntake: true };
    const hangzhou = evaluate(rules, projectFacts(declaration(heavy)), ["WATER_INTAKE"]);
    expect(hangzhou[0]).toMatchObject({ required: false, decidedBy: { regionCode: "330100", level: "prefecture" } });
    expect(hangzhou[0]?.reasons.zh).toContain("杭州市另行办理");
    const ningbo = evaluate(rules, projectFacts(declaration({ ...heavy, sites: [{ regionCode: "330203", address: "宁波" }] })), ["WATER_INTAKE"]);
    expect(ningbo[0]).toMatchObject({ required: true, decidedBy: { regionCode: NATIONAL, level: "national" } });
  });

  it("lets a county switch a matter on that the nation does not require", () => {
    const xihu: Rule = { matterCode: "EIA_FORM", regionCode: "330106", condition: { always: true } };
    const d = evaluate([...rules, xihu], projectFacts(declaration()), ["EIA_FORM"]);
    expect(d[0]).toMatchObject({ required: true, decidedBy: { regionCode: "330106", level: "county" } });
  });

  it("applies only national rules to a project spanning provinces", () => {
    const facts = projectFacts(declaration({ sites: [{ regionCode: "330106", address: "甲" }, { regionCode: "320102", address: "乙" }], totalInvestment: "3500.00" }));
    expect(facts).toMatchObject({ region: NATIONAL, jurisdiction: "central" });
    expect(evaluate(rules, facts, ["ENERGY"])[0]).toMatchObject({ required: false, decidedBy: { level: "national" } });
  });
});

describe("rule validation", () => {
  const issues = (rule: unknown) => {
    const r = ruleSchema.safeParse(rule);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("accepts the realistic rule set", () => {
    expect(validateRuleSet(nationalRules)).toEqual([]);
  });

  it("refuses an unknown fact", () => {
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "landArea", op: "gt", value: 1 } })).toEqual([
      expect.stringMatching(/^condition\.fact: unknown fact "landArea"; known facts: approvalCategory/),
    ]);
  });

  it("refuses an op that does not fit the fact's type, and values of the wrong type", () => {
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "totalInvestment", op: "startsWith", value: "5" } })).toEqual([
      'condition.op: op "startsWith" does not apply to fact totalInvestment (money); use one of gt, gte, lt, lte, eq, ne',
    ]);
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "newConstructionLand", op: "eq", value: true } })[0]).toContain(
      'op "eq" does not apply to fact newConstructionLand (bool)',
    );
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "totalInvestment", op: "gte", value: "5000.001" } })[0]).toContain("at most 2 decimals");
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "totalInvestment", op: "gte", value: 1e21 } })[0]).toContain("at most 2 decimals");
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "landAreaHectares", op: "gte", value: "0.5" } })[0]).toContain("needs a finite number");
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "region", op: "within", value: "3301" } })[0]).toContain("6-digit");
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "approvalCategory", op: "eq", value: "aproval" } })[0]).toContain(
      'approvalCategory has no value "aproval"',
    );
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "waterIntake", op: "isTrue", value: false } })[0]).toContain("takes no value");
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { fact: "industryCode", op: "in", value: [] } })[0]).toContain("list of 1 to");
  });

  it("refuses malformed composites and rules", () => {
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { all: [], any: [] } })[0]).toContain("exactly one of");
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { never: false } })[0]).toContain("write { never: true }");
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { all: [] } })[0]).toContain('"all" needs a list of 1 to');
    expect(issues({ matterCode: "X", regionCode: "33", condition: { always: true } })[0]).toContain("regionCode: a 6-digit GB/T 2260 region code");
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { always: true }, script: "x" })).toHaveLength(1);
    expect(issues({ regionCode: NATIONAL, condition: { always: true } })[0]).toMatch(/^matterCode:/);
  });

  it("refuses a condition nested too deeply or too large, without walking it all", () => {
    let deep: Condition = { always: true };
    for (let i = 0; i < RULE_LIMITS.maxDepth - 1; i++) deep = { not: deep };
    expect(conditionSchema.safeParse(deep).success).toBe(true);
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: { not: deep } })[0]).toContain("nested too deeply: at most 8 levels");
    // A hostile document far deeper than any stack: refused at the limit, not by a stack overflow.
    let hostile: unknown = { always: true };
    for (let i = 0; i < 100_000; i++) hostile = { not: hostile };
    expect(conditionSchema.safeParse(hostile).success).toBe(false);
    const wide: Condition = { any: Array.from({ length: 5 }, () => ({ all: Array.from({ length: 50 }, () => ({ always: true as const })) })) };
    expect(issues({ matterCode: "X", regionCode: NATIONAL, condition: wide })).toEqual(["condition.any.3.all.45: the condition is too large: at most 200 nodes"]);
  });

  it("reports two rules for one matter at one region, and evaluation refuses to guess", () => {
    const twice: Rule[] = [...nationalRules, { matterCode: "ENERGY", regionCode: NATIONAL, condition: { never: true } }];
    expect(validateRuleSet(twice)).toEqual([
      {
        path: `${nationalRules.length}.regionCode`,
        message: "事项 ENERGY 在 100000 已有规则（第 8 条），同一地区只能有一条",
        messageEn: "matter ENERGY already has a rule for 100000 (rule 8); one rule per matter and region",
      },
    ]);
    expect(() => evaluate(twice, projectFacts(declaration()))).toThrow(RuleSetConflictError);
    // Different regions of one level never meet in one project: not a conflict.
    const provinces: Rule[] = [
      { matterCode: "ENERGY", regionCode: "330000", condition: { always: true } },
      { matterCode: "ENERGY", regionCode: "320000", condition: { never: true } },
    ];
    expect(validateRuleSet(provinces)).toEqual([]);
  });

  it("reports schema problems with their place and both languages", () => {
    const problems = validateRuleSet([nationalRules[0], { matterCode: "X", regionCode: NATIONAL, condition: { all: [{ always: true }, { fact: "region", op: "gt", value: 1 }] } }]);
    expect(problems).toEqual([
      {
        path: "1.condition.all.1.op",
        message: "运算“gt”不适用于事实 region（region）；可用：within、eq",
        messageEn: 'op "gt" does not apply to fact region (region); use one of within, eq',
      },
    ]);
  });
});

describe("evaluation is deterministic and total", () => {
  const money = fc
    .tuple(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 99 }), fc.boolean())
    .map(([whole, c, decimals]) => (decimals ? `${whole}.${String(c).padStart(2, "0")}` : `${whole}`));
  const region = fc.constantFrom("330106", "330108", "330203", "330100", "330000", "320102", "110101", "100000");
  const facts: fc.Arbitrary<ProjectFacts> = fc.record({
    approvalCategory: fc.constantFrom("approval", "verification", "filing"),
    projectType: fc.constantFrom("01", "02", "03", "04", "99"),
    centralDepartmentCode: fc.constantFrom("01", "02", "13", "99"),
    industryCode: fc.constantFrom("C", "36", "2611", "D44"),
    totalInvestment: money,
    governmentFunding: money,
    newConstructionLand: fc.boolean(),
    landAreaHectares: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
    environmentalCategory: fc.constantFrom("report", "form", "registration", "none"),
    waterIntake: fc.boolean(),
    region,
    siteRegions: fc.array(region, { minLength: 1, maxLength: 4 }),
    jurisdiction: fc.constantFrom("central", "local"),
  });
  const rules: Rule[] = [
    ...nationalRules,
    { matterCode: "ENERGY", regionCode: "330000", condition: { fact: "totalInvestment", op: "gte", value: "3000" } },
    { matterCode: "WATER_INTAKE", regionCode: "330100", condition: { never: true } },
    {
      matterCode: "MIXED",
      regionCode: NATIONAL,
      condition: {
        any: [
          { not: { fact: "industryCode", op: "startsWith", value: "C" } },
          { all: [{ fact: "jurisdiction", op: "eq", value: "central" }, { fact: "siteRegions", op: "within", value: "330000" }] },
          { fact: "centralDepartmentCode", op: "notIn", value: ["01", "13"] },
          { fact: "governmentFunding", op: "lt", value: 0.01 },
          { fact: "region", op: "eq", value: "110101" },
        ],
      },
    },
  ];

  it("never throws, answers every matter once, and answers the same twice", () => {
    expect(validateRuleSet(rules)).toEqual([]);
    fc.assert(
      fc.property(facts, (f) => {
        const a = evaluate(rules, f, undefined, { regionName });
        const b = evaluate(rules, structuredClone(f), undefined, { regionName });
        expect(a).toEqual(b);
        expect(new Set(a.map((d) => d.matterCode)).size).toBe(a.length);
        for (const d of a) {
          expect(d.reasons.zh.length).toBeGreaterThan(0);
          expect(d.reasons.zh).toHaveLength(d.reasons.en.length);
        }
        // The exact money threshold agrees with a BigInt reading of the amount.
        const [w = "0", c = ""] = f.totalInvestment.split(".");
        const centsValue = BigInt(w) * 100n + BigInt(c.padEnd(2, "0"));
        const energy = a.find((d) => d.matterCode === "ENERGY");
        const threshold = f.region.startsWith("33") ? 300_000n : 500_000n;
        expect(energy?.required).toBe(centsValue >= threshold);
      }),
      { numRuns: 300 },
    );
  });
});
