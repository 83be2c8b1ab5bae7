import { z } from "zod";
import { regionPrefixOf } from "../../db/data-scope.js";
import { ENUM_VALUES, FACT_KINDS, FACT_NAMES, type FactKind, type FactName } from "./applicability.facts.js";

/** The rule language of the applicability rules, its zod schema and rule-set validation (see applicability.ts). */
// ---------------------------------------------------------------------------------------------------------------
// Rules

export const OPS = ["eq", "ne", "in", "notIn", "gt", "gte", "lt", "lte", "startsWith", "within", "isTrue", "isFalse"] as const;
export type Op = (typeof OPS)[number];

export const OPS_BY_KIND: Record<FactKind, readonly Op[]> = {
  string: ["eq", "ne", "in", "notIn", "startsWith"],
  money: ["gt", "gte", "lt", "lte", "eq", "ne"],
  number: ["gt", "gte", "lt", "lte", "eq", "ne"],
  bool: ["isTrue", "isFalse"],
  region: ["within", "eq"],
  regionList: ["within"],
};

export interface LeafCondition {
  fact: FactName;
  op: Op;
  value?: string | number | boolean | string[];
}

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { always: true }
  | { never: true }
  | LeafCondition;

/** Bounds that keep a rule cheap to check and to evaluate, whatever the data says. */
export const RULE_LIMITS = {
  /** Nesting depth of a condition; a leaf at the top is depth 1. */
  maxDepth: 8,
  /** Nodes (composites and leaves) in one condition. */
  maxNodes: 200,
  /** Children of one `all` / `any`. */
  maxChildren: 50,
  /** Values of one `in` / `notIn` list. */
  maxListValues: 500,
  /** Length of one string value. */
  maxStringLength: 50,
  /** Rules in one rule set. */
  maxRules: 5000,
} as const;

export const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
export const REGION = /^\d{6}$/;

interface Problem {
  path: (string | number)[];
  zh: string;
  en: string;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A money threshold: decimal text in 万元 (at most 2 decimals) or a number written so. Null when neither. */
export function moneyText(v: unknown): string | null {
  if (typeof v === "string") return MONEY.test(v.trim()) ? v.trim() : null;
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) {
    const s = String(v);
    return MONEY.test(s) ? s : null;
  }
  return null;
}

/** Exact cents of a money text (BigInt: no floating point anywhere). */
export function cents(text: string): bigint {
  const [whole = "0", fraction = ""] = text.trim().split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

export function formatCents(c: bigint): string {
  const whole = c / 100n;
  const fraction = (c % 100n).toString().padStart(2, "0");
  return `${whole}.${fraction}`;
}

function checkLeaf(node: Record<string, unknown>, path: (string | number)[], problems: Problem[]): void {
  const extra = Object.keys(node).filter((k) => k !== "fact" && k !== "op" && k !== "value");
  if (extra.length > 0) {
    problems.push({ path, zh: `条件含有未知的键：${extra.join("、")}`, en: `the condition has unknown keys: ${extra.join(", ")}` });
  }
  const fact = node.fact;
  if (typeof fact !== "string" || !Object.hasOwn(FACT_KINDS, fact)) {
    problems.push({
      path: [...path, "fact"],
      zh: `未知的事实“${String(fact)}”；可用：${FACT_NAMES.join("、")}`,
      en: `unknown fact "${String(fact)}"; known facts: ${FACT_NAMES.join(", ")}`,
    });
    return;
  }
  const kind = FACT_KINDS[fact as FactName];
  const allowed = OPS_BY_KIND[kind];
  const op = node.op;
  if (typeof op !== "string" || !(OPS as readonly string[]).includes(op)) {
    problems.push({ path: [...path, "op"], zh: `未知的运算“${String(op)}”；可用：${allowed.join("、")}`, en: `unknown op "${String(op)}"; use one of ${allowed.join(", ")}` });
    return;
  }
  if (!(allowed as readonly string[]).includes(op)) {
    problems.push({
      path: [...path, "op"],
      zh: `运算“${op}”不适用于事实 ${fact}（${kind}）；可用：${allowed.join("、")}`,
      en: `op "${op}" does not apply to fact ${fact} (${kind}); use one of ${allowed.join(", ")}`,
    });
    return;
  }
  const value = node.value;
  const at = [...path, "value"];
  const bad = (zh: string, en: string) => problems.push({ path: at, zh, en });
  const shortString = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= RULE_LIMITS.maxStringLength;
  const enumValues = ENUM_VALUES[fact as FactName];
  const checkEnum = (v: string) => {
    if (enumValues && !enumValues.includes(v)) bad(`${fact} 没有取值“${v}”；可用：${enumValues.join("、")}`, `${fact} has no value "${v}"; use one of ${enumValues.join(", ")}`);
  };
  switch (kind) {
    case "bool":
      if (value !== undefined) bad(`运算 ${op} 不带取值`, `op ${op} takes no value`);
      return;
    case "money":
      if (moneyText(value) === null) bad(`${fact} 的取值应为万元金额（最多两位小数），如 "5000.00"`, `${fact} needs an amount in 万元 with at most 2 decimals, e.g. "5000.00"`);
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) bad(`${fact} 的取值应为数字`, `${fact} needs a finite number`);
      return;
    case "region":
    case "regionList":
      if (typeof value !== "string" || !REGION.test(value)) bad("取值应为 6 位行政区划代码（GB/T 2260）", "the value must be a 6-digit GB/T 2260 region code");
      return;
    case "string":
      if (op === "in" || op === "notIn") {
        if (!Array.isArray(value) || value.length === 0 || value.length > RULE_LIMITS.maxListValues || !value.every(shortString)) {
          bad(
            `运算 ${op} 的取值应为 1 至 ${RULE_LIMITS.maxListValues} 个非空字符串（每个不超过 ${RULE_LIMITS.maxStringLength} 字）`,
            `op ${op} needs a list of 1 to ${RULE_LIMITS.maxListValues} non-empty strings of at most ${RULE_LIMITS.maxStringLength} characters`,
          );
          return;
        }
        for (const v of value) checkEnum(v);
        return;
      }
      if (!shortString(value)) {
        bad(`运算 ${op} 的取值应为非空字符串（不超过 ${RULE_LIMITS.maxStringLength} 字）`, `op ${op} needs a non-empty string of at most ${RULE_LIMITS.maxStringLength} characters`);
        return;
      }
      if (op !== "startsWith") checkEnum(value);
      return;
  }
}

/**
 * Checks a condition with bounded work: depth is checked before descending and the node budget is shared, so
 * a hostile document costs at most `maxNodes` visits whatever its size.
 */
function checkCondition(input: unknown, problems: Problem[]): void {
  let nodes = 0;
  const visit = (node: unknown, path: (string | number)[], depth: number): void => {
    if (problems.length > 20) return;
    nodes += 1;
    if (nodes > RULE_LIMITS.maxNodes) {
      if (nodes === RULE_LIMITS.maxNodes + 1) {
        problems.push({ path, zh: `条件过大：最多 ${RULE_LIMITS.maxNodes} 个节点`, en: `the condition is too large: at most ${RULE_LIMITS.maxNodes} nodes` });
      }
      return;
    }
    if (depth > RULE_LIMITS.maxDepth) {
      problems.push({ path, zh: `条件嵌套过深：最多 ${RULE_LIMITS.maxDepth} 层`, en: `the condition is nested too deeply: at most ${RULE_LIMITS.maxDepth} levels` });
      return;
    }
    if (!isPlainObject(node)) {
      problems.push({ path, zh: "条件应为对象", en: "a condition must be an object" });
      return;
    }
    const kinds = ["all", "any", "not", "always", "never", "fact"].filter((k) => Object.hasOwn(node, k));
    if (kinds.length !== 1) {
      problems.push({
        path,
        zh: "条件应恰好是 all、any、not、always、never 或 {fact, op, value} 之一",
        en: "a condition must be exactly one of all, any, not, always, never or {fact, op, value}",
      });
      return;
    }
    const kind = kinds[0]!;
    if (kind === "fact") {
      checkLeaf(node, path, problems);
      return;
    }
    if (Object.keys(node).length !== 1) {
      problems.push({ path, zh: `“${kind}”条件不能带其他键`, en: `a "${kind}" condition takes no other keys` });
      return;
    }
    const child = node[kind];
    if (kind === "always" || kind === "never") {
      if (child !== true) problems.push({ path: [...path, kind], zh: `应写作 { ${kind}: true }`, en: `write { ${kind}: true }` });
      return;
    }
    if (kind === "not") {
      visit(child, [...path, "not"], depth + 1);
      return;
    }
    if (!Array.isArray(child) || child.length === 0 || child.length > RULE_LIMITS.maxChildren) {
      problems.push({
        path: [...path, kind],
        zh: `“${kind}”应为 1 至 ${RULE_LIMITS.maxChildren} 个条件的列表`,
        en: `"${kind}" needs a list of 1 to ${RULE_LIMITS.maxChildren} conditions`,
      });
      return;
    }
    child.forEach((c, i) => {
      visit(c, [...path, kind, i], depth + 1);
    });
  };
  visit(input, [], 1);
}

/** A condition (see `Condition`), checked against the facts' types and the size limits. */
export const conditionSchema = z.custom<Condition>().superRefine((input, ctx) => {
  const problems: Problem[] = [];
  checkCondition(input, problems);
  for (const p of problems) ctx.addIssue({ code: "custom", path: p.path, message: p.en, params: { zh: p.zh } });
});

const noteText = z.string().trim().min(1).max(500);

export const ruleSchema = z
  .object({
    matterCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/, "a matter code: letters, digits, '_', '.', '-', at most 50"),
    /** The region whose rule this is: 6-digit GB/T 2260; 100000 is national. */
    regionCode: z
      .string()
      .regex(REGION, "a 6-digit GB/T 2260 region code (100000 for national)")
      .refine((c) => !c.startsWith("00"), "a 6-digit GB/T 2260 region code (100000 for national)"),
    condition: conditionSchema,
    /** The legal basis or the reason, shown to the unit with the decision. */
    note: z.object({ zh: noteText, en: noteText }).strict().optional(),
  })
  .strict();

export type Rule = z.output<typeof ruleSchema>;

export type RuleLevel = "national" | "province" | "prefecture" | "county";

export function ruleLevel(regionCode: string): RuleLevel {
  if (regionCode === "100000") return "national";
  if (regionCode.endsWith("0000")) return "province";
  if (regionCode.endsWith("00")) return "prefecture";
  return "county";
}

/** Whether a rule of `ruleRegion` applies to a project in `projectRegion` (national applies everywhere). */
export function ruleRegionContains(ruleRegion: string, projectRegion: string): boolean {
  return projectRegion.startsWith(regionPrefixOf(ruleRegion));
}

/** A problem of a rule set, in the shape of a DomainError field (`path` like `3.condition.all.0.op`). */
export interface RuleProblem {
  path: string;
  message: string;
  messageEn: string;
}

/**
 * Checks a rule set as stored: every rule against the schema, and no two rules for the same matter and region
 * (two rules at the same level containing one project would leave the decision to a guess).
 */
export function validateRuleSet(rules: readonly unknown[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (rules.length > RULE_LIMITS.maxRules) {
    return [{ path: "", message: `规则过多：最多 ${RULE_LIMITS.maxRules} 条`, messageEn: `too many rules: at most ${RULE_LIMITS.maxRules}` }];
  }
  const seen = new Map<string, number>();
  rules.forEach((raw, index) => {
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const zh = issue.code === "custom" && typeof issue.params?.zh === "string" ? issue.params.zh : `规则格式不正确：${issue.message}`;
        problems.push({ path: [index, ...issue.path].map(String).join("."), message: zh, messageEn: issue.message });
      }
      return;
    }
    const key = `${parsed.data.matterCode}@${parsed.data.regionCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        path: `${index}.regionCode`,
        message: `事项 ${parsed.data.matterCode} 在 ${parsed.data.regionCode} 已有规则（第 ${first} 条），同一地区只能有一条`,
        messageEn: `matter ${parsed.data.matterCode} already has a rule for ${parsed.data.regionCode} (rule ${first}); one rule per matter and region`,
      });
    } else {
      seen.set(key, index);
    }
  });
  return problems;
}

