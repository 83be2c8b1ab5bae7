import { regionPrefixOf } from "../../db/data-scope.js";
import { FACT_KINDS, type FactName, type ProjectFacts } from "./applicability.facts.js";
import {
  type Condition,
  cents,
  formatCents,
  type LeafCondition,
  MONEY,
  moneyText,
  type Op,
  type Rule,
  type RuleLevel,
  ruleLevel,
  ruleRegionContains,
} from "./applicability.schema.js";

/**
 * Applicability rules of the matter catalogue (应办事项): which matters a project needs follows from its
 * declaration. Rules are data, edited by the comprehensive management department, and evaluated here by a small
 * interpreter over a closed set of facts and operators: no eval, no Function, no regular expressions from data,
 * bounded depth and size. A region's own rule overrides the national one (Art. 24): per matter, the rule of the
 * most specific region containing the project decides (county > prefecture > province > national). Every
 * decision says why, in Chinese and English, from the conditions that decided it. Pure: no database.
 */
export * from "./applicability.facts.js";
export * from "./applicability.schema.js";

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

export interface MatterDecision {
  matterCode: string;
  required: boolean;
  /** The rule that decided; null when no rule for the matter applies in the project's region (not required). */
  decidedBy: { regionCode: string; level: RuleLevel } | null;
  reasons: { zh: string[]; en: string[] };
}

export interface EvaluateOptions {
  /** Region names for the reasons, e.g. 330100 → 杭州市. */
  regionName?: (code: string) => string | undefined;
}

/** Thrown by `evaluate` for a rule set that `validateRuleSet` would refuse (two rules at one matter and region). */
export class RuleSetConflictError extends Error {
  constructor(
    readonly matterCode: string,
    readonly regionCode: string,
  ) {
    super(`matter ${matterCode} has more than one rule for region ${regionCode}`);
    this.name = "RuleSetConflictError";
  }
}

interface Phrase {
  zh: string;
  en: string;
}

interface Outcome {
  holds: boolean;
  reasons: Phrase[];
}

const NEGATED: Partial<Record<Op, Op>> = { eq: "ne", ne: "eq", in: "notIn", notIn: "in", gt: "lte", lte: "gt", gte: "lt", lt: "gte", isTrue: "isFalse", isFalse: "isTrue" };

const FACT_LABELS: Record<FactName, Phrase> = {
  approvalCategory: { zh: "审批类别", en: "the approval category" },
  projectType: { zh: "项目类型", en: "the project type" },
  centralDepartmentCode: { zh: "中央业务指导部门", en: "the central guiding department" },
  industryCode: { zh: "国民经济行业", en: "the industry (GB/T 4754)" },
  totalInvestment: { zh: "总投资", en: "total investment" },
  governmentFunding: { zh: "政府投资", en: "government funding" },
  newConstructionLand: { zh: "新增建设用地", en: "new construction land" },
  landAreaHectares: { zh: "用地面积", en: "the land area" },
  environmentalCategory: { zh: "环境影响评价类别", en: "the environmental impact assessment category" },
  waterIntake: { zh: "取水", en: "water intake" },
  region: { zh: "建设地点", en: "the construction site" },
  siteRegions: { zh: "建设地点", en: "a construction site" },
  jurisdiction: { zh: "管理层级", en: "the jurisdiction" },
};

const VALUE_LABELS: Partial<Record<FactName, Record<string, Phrase>>> = {
  approvalCategory: {
    approval: { zh: "审批", en: "approval (审批)" },
    verification: { zh: "核准", en: "verification (核准)" },
    filing: { zh: "备案", en: "filing (备案)" },
  },
  environmentalCategory: {
    report: { zh: "报告书", en: "report (报告书)" },
    form: { zh: "报告表", en: "report form (报告表)" },
    registration: { zh: "登记表", en: "registration form (登记表)" },
    none: { zh: "无需环评", en: "none" },
  },
  jurisdiction: { central: { zh: "中央项目", en: "central" }, local: { zh: "地方项目", en: "local" } },
  // The default project type table (spec §2).
  projectType: {
    "01": { zh: "01（基本建设）", en: "01 (capital construction)" },
    "02": { zh: "02（技术改造）", en: "02 (technical renovation)" },
    "03": { zh: "03（单纯购置）", en: "03 (purchase only)" },
    "04": { zh: "04（信息化）", en: "04 (informatisation)" },
    "99": { zh: "99（其他）", en: "99 (other)" },
  },
};

function valueLabel(fact: FactName, v: string): Phrase {
  return VALUE_LABELS[fact]?.[v] ?? { zh: v, en: v };
}

function regionLabel(code: string, options: EvaluateOptions): Phrase {
  if (code === "100000") return { zh: "100000（全国）", en: "100000 (national)" };
  let name: string | undefined;
  try {
    name = options.regionName?.(code);
  } catch {
    name = undefined;
  }
  return name ? { zh: `${code}（${name}）`, en: `${code} (${name})` } : { zh: code, en: code };
}

/** The plain words for `leaf` evaluated to `holds` (a failed leaf is told as its negation). */
function phrase(leaf: LeafCondition, holds: boolean, facts: ProjectFacts, options: EvaluateOptions): Phrase {
  const { fact } = leaf;
  const label = FACT_LABELS[fact];
  const kind = FACT_KINDS[fact];
  const op = holds ? leaf.op : (NEGATED[leaf.op] ?? leaf.op);
  const positive = holds || NEGATED[leaf.op] !== undefined;
  switch (kind) {
    case "bool": {
      const yes = op === "isTrue";
      if (fact === "newConstructionLand") return yes ? { zh: "新增建设用地", en: "new construction land is needed" } : { zh: "不新增建设用地", en: "no new construction land" };
      if (fact === "waterIntake") return yes ? { zh: "需要取水", en: "the project draws water" } : { zh: "不取水", en: "the project draws no water" };
      return yes ? { zh: label.zh, en: label.en } : { zh: `无${label.zh}`, en: `no ${label.en}` };
    }
    case "money":
    case "number": {
      const unitZh = kind === "money" ? " 万元" : " 公顷";
      const unitEn = kind === "money" ? " ×10,000 yuan" : " hectares";
      const threshold = kind === "money" ? formatCents(cents(moneyText(leaf.value) ?? "0")) : String(leaf.value);
      const actualRaw = facts[fact] as string | number;
      const actual = kind === "money" && typeof actualRaw === "string" && MONEY.test(actualRaw.trim()) ? formatCents(cents(actualRaw)) : String(actualRaw);
      const words: Record<string, Phrase> = {
        gt: { zh: "多于", en: "more than" },
        gte: { zh: "不少于", en: "at least" },
        lt: { zh: "少于", en: "less than" },
        lte: { zh: "不超过", en: "at most" },
        eq: { zh: "为", en: "exactly" },
        ne: { zh: "不为", en: "not" },
      };
      const w = words[op] ?? { zh: op, en: op };
      return {
        zh: `${label.zh}${w.zh} ${threshold}${unitZh}（本项目 ${actual}${unitZh}）`,
        en: `${label.en} is ${w.en} ${threshold}${unitEn} (this project: ${actual})`,
      };
    }
    case "region":
    case "regionList": {
      const r = regionLabel(String(leaf.value), options);
      if (kind === "regionList") {
        return positive ? { zh: `有建设地点位于 ${r.zh}`, en: `a construction site lies within ${r.en}` } : { zh: `没有建设地点位于 ${r.zh}`, en: `no construction site lies within ${r.en}` };
      }
      if (op === "eq") return { zh: `项目所在地为 ${r.zh}`, en: `the project's region is ${r.en}` };
      if (op === "ne") return { zh: `项目所在地不是 ${r.zh}`, en: `the project's region is not ${r.en}` };
      return positive ? { zh: `建设地点位于 ${r.zh}`, en: `the construction site lies within ${r.en}` } : { zh: `建设地点不在 ${r.zh} 内`, en: `the construction site is not within ${r.en}` };
    }
    case "string": {
      if (op === "startsWith") {
        const v = String(leaf.value);
        return positive ? { zh: `${label.zh}代码以 ${v} 开头`, en: `${label.en} code starts with ${v}` } : { zh: `${label.zh}代码不以 ${v} 开头`, en: `${label.en} code does not start with ${v}` };
      }
      const values = (Array.isArray(leaf.value) ? leaf.value : [String(leaf.value)]).map((v) => valueLabel(fact, v));
      const listZh = values.map((v) => v.zh).join("、");
      const listEn = values.map((v) => v.en).join(", ");
      if (op === "eq") return { zh: `${label.zh}为${values[0]?.zh}`, en: `${label.en} is ${values[0]?.en}` };
      if (op === "ne") return { zh: `${label.zh}不是${values[0]?.zh}`, en: `${label.en} is not ${values[0]?.en}` };
      if (op === "in") return { zh: `${label.zh}为${listZh}之一`, en: `${label.en} is one of ${listEn}` };
      return { zh: `${label.zh}不是${listZh}`, en: `${label.en} is none of ${listEn}` };
    }
  }
}

function testLeaf(leaf: LeafCondition, facts: ProjectFacts): boolean {
  const actual: unknown = facts[leaf.fact];
  const value = leaf.value;
  switch (FACT_KINDS[leaf.fact]) {
    case "bool":
      return leaf.op === "isTrue" ? actual === true : actual === false;
    case "money": {
      const a = typeof actual === "string" ? moneyText(actual) : null;
      const b = moneyText(value);
      if (a === null || b === null) return false;
      return compare(leaf.op, cents(a), cents(b));
    }
    case "number":
      if (typeof actual !== "number" || !Number.isFinite(actual) || typeof value !== "number") return false;
      return compare(leaf.op, actual, value);
    case "region":
      if (typeof actual !== "string" || typeof value !== "string") return false;
      return leaf.op === "eq" ? actual === value : ruleRegionContains(value, actual);
    case "regionList":
      if (!Array.isArray(actual) || typeof value !== "string") return false;
      return actual.some((site) => typeof site === "string" && ruleRegionContains(value, site));
    case "string": {
      if (typeof actual !== "string") return false;
      switch (leaf.op) {
        case "eq":
          return actual === value;
        case "ne":
          return actual !== value;
        case "in":
          return Array.isArray(value) && value.includes(actual);
        case "notIn":
          return Array.isArray(value) && !value.includes(actual);
        case "startsWith":
          return typeof value === "string" && actual.startsWith(value);
        default:
          return false;
      }
    }
  }
}

function compare<T extends number | bigint>(op: Op, a: T, b: T): boolean {
  switch (op) {
    case "gt":
      return a > b;
    case "gte":
      return a >= b;
    case "lt":
      return a < b;
    case "lte":
      return a <= b;
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    default:
      return false;
  }
}

function run(c: Condition, facts: ProjectFacts, options: EvaluateOptions): Outcome {
  if ("always" in c) return { holds: true, reasons: [{ zh: "适用于所有符合范围的项目", en: "applies to every project in scope" }] };
  if ("never" in c) return { holds: false, reasons: [{ zh: "规则规定不办理此事项", en: "the rule switches this matter off" }] };
  if ("not" in c) {
    const inner = run(c.not, facts, options);
    // The reasons of the inner condition explain its value, hence the negation's.
    return { holds: !inner.holds, reasons: inner.reasons };
  }
  if ("all" in c) {
    const outcomes = c.all.map((x) => run(x, facts, options));
    const holds = outcomes.every((o) => o.holds);
    return { holds, reasons: outcomes.filter((o) => o.holds === holds).flatMap((o) => o.reasons) };
  }
  if ("any" in c) {
    const outcomes = c.any.map((x) => run(x, facts, options));
    const holds = outcomes.some((o) => o.holds);
    return { holds, reasons: outcomes.filter((o) => o.holds === holds).flatMap((o) => o.reasons) };
  }
  const holds = testLeaf(c, facts);
  return { holds, reasons: [phrase(c, holds, facts, options)] };
}

const LEVEL_ZH: Record<RuleLevel, string> = { national: "国家", province: "省级", prefecture: "市级", county: "县级" };

/**
 * Decides, per matter, whether the project needs it. `matterCodes` chooses and orders the matters (a matter
 * without any applicable rule is not required); by default every matter named by a rule, in order of first
 * appearance. Rules are expected to have passed `validateRuleSet`: a same-region conflict throws
 * `RuleSetConflictError` rather than being guessed at.
 */
export function evaluate(rules: readonly Rule[], facts: ProjectFacts, matterCodes?: readonly string[], options: EvaluateOptions = {}): MatterDecision[] {
  const byMatter = new Map<string, Rule[]>();
  for (const rule of rules) {
    const list = byMatter.get(rule.matterCode);
    if (list) list.push(rule);
    else byMatter.set(rule.matterCode, [rule]);
  }
  const codes = [...new Set(matterCodes ?? byMatter.keys())];
  return codes.map((matterCode) => {
    let decisive: Rule | undefined;
    let specificity = -1;
    const applicable = new Set<string>();
    for (const rule of byMatter.get(matterCode) ?? []) {
      if (!ruleRegionContains(rule.regionCode, facts.region)) continue;
      // Regions containing one project nest, so two applicable rules of one level share their region code.
      if (applicable.has(rule.regionCode)) throw new RuleSetConflictError(matterCode, rule.regionCode);
      applicable.add(rule.regionCode);
      const s = regionPrefixOf(rule.regionCode).length;
      if (s > specificity) {
        decisive = rule;
        specificity = s;
      }
    }
    if (!decisive) {
      return {
        matterCode,
        required: false,
        decidedBy: null,
        reasons: { zh: ["没有适用于本项目所在地区的规则"], en: ["no rule for this matter applies in the project's region"] },
      };
    }
    const outcome = run(decisive.condition, facts, options);
    const level = ruleLevel(decisive.regionCode);
    const phrases: Phrase[] = [];
    if (level !== "national") {
      const r = regionLabel(decisive.regionCode, options);
      phrases.push({ zh: `依据 ${r.zh} 的${LEVEL_ZH[level]}规则`, en: `under the ${level} rule of ${r.en}` });
    }
    phrases.push(...outcome.reasons);
    if (decisive.note) phrases.push(decisive.note);
    const zh: string[] = [];
    const en: string[] = [];
    const seen = new Set<string>();
    for (const p of phrases) {
      if (seen.has(p.zh)) continue;
      seen.add(p.zh);
      zh.push(p.zh);
      en.push(p.en);
    }
    return { matterCode, required: outcome.holds, decidedBy: { regionCode: decisive.regionCode, level }, reasons: { zh, en } };
  });
}

