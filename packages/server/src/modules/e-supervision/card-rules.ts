import { z } from "zod";
import { cstDate } from "../../platform/clock.js";
import { clockEventsOf } from "../cases/case-clock.js";
import { type CalendarLike, type ClockLimits, type LimitState, computeClock } from "../cases/working-day-clock.js";

/**
 * 电子监察 rules as a pure function: a case's recorded steps, its limits, its fees and its matter's attributes,
 * with a calendar and today's CST date, give the cards (黄牌/红牌) that apply and the evidence proving each. Nothing
 * here reads the time or a database; the sweep stores each finding once per rule, case and level.
 *
 * Time limits are measured exactly as the case clock measures them (working-day-clock.ts: a day counts only when
 * the clock ran through all of it), so a card can never disagree with the clock the department sees:
 * - a step's own limit (step_limit): from receipt to the acceptance decision (行政许可法 第三十二条: 五日, 第八十二条:
 *   工作日), or the length of a pause; yellow while the step is open and nearly due, the rule's level once passed;
 * - the overall limit (overall_limit): the case clock's governing (statutory, else promised) or promised limit.
 * Rules beyond lateness read the stored steps whatever route they came by (a department's system may report
 * steps the platform's own forms would have refused): a refusal whose reason is blank or a placeholder, an
 * acceptance that reached the platform long after receipt, a completion with no acceptance before it, a fee
 * charged on a fee-free matter.
 */

export type CardLevel = "yellow" | "red";
export const RULE_KINDS = ["step_limit", "overall_limit", "refusal_without_reason", "late_acceptance", "completion_without_acceptance", "fee_on_fee_free"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const days = z.number().int().min(1).max(365);
const yellowDays = z.number().int().min(0).max(30).nullable();

/** Each kind's parameters; a supervisor's change is checked against these before it is stored. */
export const RULE_PARAMETERS = {
  step_limit: z.strictObject({ step: z.enum(["acceptance", "pause"]), workingDays: days, yellowRemainingDays: yellowDays }),
  overall_limit: z.strictObject({ limit: z.enum(["governing", "promised"]), yellowRemainingDays: yellowDays }),
  refusal_without_reason: z.strictObject({ minLength: z.number().int().min(1).max(50), placeholders: z.array(z.string().trim().min(1).max(20)).max(50) }),
  late_acceptance: z.strictObject({ workingDays: days }),
  completion_without_acceptance: z.strictObject({}),
  fee_on_fee_free: z.strictObject({}),
} as const satisfies Record<RuleKind, z.ZodType>;

export interface CardRule {
  code: string;
  kind: RuleKind;
  parameters: unknown;
  /** The card when the rule is broken; a time limit also gives a yellow card before, when it says so. */
  level: CardLevel;
  enabled: boolean;
  version: number;
}

export interface CaseStep {
  seq: number;
  type: string;
  at: Date;
  /** `at` as a CST date: what the clock counts. */
  onDate: string;
  recordedAt: Date;
  statusAfter: string;
  body: Record<string, unknown>;
}

export interface CaseFeeRecord {
  id: number;
  amount: string;
  item: string;
  at: Date;
}

export interface CaseSnapshot {
  caseId: string;
  status: string;
  limits: ClockLimits;
  /** In recorded order (seq). */
  steps: readonly CaseStep[];
  fees: readonly CaseFeeRecord[];
  matter: { code: string; name: string; kind: string; feeFree: boolean };
}

export interface Evidence {
  summary: string;
  summaryEn: string;
  steps: { seq: number; type: string; at: string; on: string; recordedAt: string; reason?: unknown }[];
  figures: Record<string, string | number | boolean | null>;
  fees?: { id: number; amount: string; item: string; at: string }[];
}

export interface CardFinding {
  ruleCode: string;
  ruleVersion: number;
  level: CardLevel;
  evidence: Evidence;
}

const RECEIPT = new Set(["receive", "submit"]);
// A completion ends the acceptance step too (with no acceptance: a rule of its own).
const ACCEPTANCE_DECISION = new Set(["accept", "refuse", "send_back", "withdraw", "complete"]);
const PAUSE_END = new Set(["resume", "complete", "withdraw"]);

const stepEvidence = (s: CaseStep, withReason = false) => ({
  seq: s.seq,
  type: s.type,
  at: s.at.toISOString(),
  on: s.onDate,
  recordedAt: s.recordedAt.toISOString(),
  ...(withReason ? { reason: s.body.reason ?? null } : {}),
});

/** A stretch measured against `limit` working days from the end of `from` to `to` (or today, still open). */
function window(calendar: CalendarLike, from: string, to: string | null, limit: number, today: string, yellow: number | null): LimitState | null {
  const events = [{ type: "start" as const, on: from }, ...(to ? [{ type: "stop" as const, on: to }] : [])];
  // Yellow only when asked for: a warning band of -1 days is never reached before the limit passes.
  return computeClock(calendar, { statutory: null, promisedWorkingDays: limit }, events, to ?? today, { warnDays: yellow ?? -1 }).promised;
}

/** The level a time limit gives: the rule's own once passed; yellow before, while running, when the rule asks. */
function limitLevel(state: LimitState, rule: CardRule, open: boolean): CardLevel | null {
  if (state.overdue) return rule.level;
  if (open && state.warning === "yellow" && rule.level === "red") return "yellow";
  return null;
}

function stepLimit(s: CaseSnapshot, rule: CardRule, p: z.infer<(typeof RULE_PARAMETERS)["step_limit"]>, calendar: CalendarLike, today: string): CardFinding[] {
  const starts = s.steps.filter((x) => (p.step === "acceptance" ? RECEIPT.has(x.type) : x.type === "pause"));
  const ends = p.step === "acceptance" ? ACCEPTANCE_DECISION : PAUSE_END;
  const found = new Map<CardLevel, CardFinding>();
  for (const start of starts) {
    const end = s.steps.find((x) => x.seq > start.seq && ends.has(x.type)) ?? null;
    const state = window(calendar, start.onDate, end?.onDate ?? null, p.workingDays, today, p.yellowRemainingDays);
    if (!state) continue;
    const level = limitLevel(state, rule, end === null);
    if (!level || found.has(level)) continue;
    const what = p.step === "acceptance" ? { zh: "收件至受理决定", en: "receipt to the acceptance decision" } : { zh: "中止计时", en: "the pause" };
    const tail = end ? `，${end.onDate}办理，已超期` : state.overdue ? "，已超期且尚未办理" : `，剩余${state.remainingDays}个工作日`;
    found.set(level, {
      ruleCode: rule.code,
      ruleVersion: rule.version,
      level,
      evidence: {
        summary: `${what.zh}限${p.workingDays}个工作日，已用${state.usedDays}个工作日（期限${state.dueDate ?? "未知"}）${tail}`,
        summaryEn: `${what.en}: limit ${p.workingDays} working days, ${state.usedDays} used (due ${state.dueDate ?? "unknown"})${end ? "" : ", still open"}`,
        steps: [stepEvidence(start), ...(end ? [stepEvidence(end)] : [])],
        figures: { limitWorkingDays: p.workingDays, usedWorkingDays: state.usedDays, remainingWorkingDays: state.remainingDays, dueDate: state.dueDate, open: end === null, today },
      },
    });
  }
  return [...found.values()];
}

function overallLimit(s: CaseSnapshot, rule: CardRule, p: z.infer<(typeof RULE_PARAMETERS)["overall_limit"]>, calendar: CalendarLike, today: string): CardFinding[] {
  const rows = s.steps.map((x) => ({ type: x.type, on_date: x.onDate, status_after: x.statusAfter, body: x.body }));
  const clock = computeClock(calendar, s.limits, clockEventsOf(rows), today, { warnDays: p.yellowRemainingDays ?? -1 });
  const state = p.limit === "promised" ? clock.promised : clock.governing;
  if (!state) return [];
  const level = limitLevel(state, rule, clock.phase === "running");
  if (!level) return [];
  const which = p.limit === "promised" ? { zh: "承诺时限", en: "promised limit" } : s.limits.statutory ? { zh: "法定时限", en: "statutory limit" } : { zh: "承诺时限", en: "promised limit" };
  const unit = state.unit === "calendar_day" ? { zh: "日", en: "calendar days" } : { zh: "个工作日", en: "working days" };
  const clockSteps = s.steps.filter((x) => ["accept", "pause", "resume", "extend", "complete", "withdraw"].includes(x.type));
  return [
    {
      ruleCode: rule.code,
      ruleVersion: rule.version,
      level,
      evidence: {
        summary: `${which.zh}${state.limitDays}${unit.zh}，已用${state.usedDays}${unit.zh}，期限${state.dueDate ?? "未知"}${state.overdue ? "，已超期" : `，剩余${state.remainingDays}${unit.zh}`}`,
        summaryEn: `${which.en} ${state.limitDays} ${unit.en}, ${state.usedDays} used, due ${state.dueDate ?? "unknown"}${state.overdue ? ", overdue" : `, ${state.remainingDays} left`}`,
        steps: clockSteps.map((x) => stepEvidence(x)),
        figures: { limit: p.limit, limitDays: state.limitDays, unit: state.unit, usedDays: state.usedDays, remainingDays: state.remainingDays, dueDate: state.dueDate, overdue: state.overdue, phase: clock.phase, extendedDays: clock.extendedDays, today },
      },
    },
  ];
}

/** A reason that says nothing: blank, shorter than the minimum, or a placeholder such as 「无」. */
export function isEmptyReason(reason: unknown, p: { minLength: number; placeholders: readonly string[] }): boolean {
  if (typeof reason !== "string") return true;
  const text = reason.replace(/[\s\u3000。．.，,；;：:！!？?、"'“”‘’()（）【】[\]]+/g, "");
  if (Array.from(text).length < p.minLength) return true;
  const lower = text.toLowerCase();
  return p.placeholders.some((x) => x.replace(/\s+/g, "").toLowerCase() === lower);
}

function refusalWithoutReason(s: CaseSnapshot, rule: CardRule, p: z.infer<(typeof RULE_PARAMETERS)["refusal_without_reason"]>): CardFinding[] {
  const refusal = s.steps.find((x) => x.type === "refuse" && isEmptyReason(x.body.reason, p));
  if (!refusal) return [];
  return [
    {
      ruleCode: rule.code,
      ruleVersion: rule.version,
      level: rule.level,
      evidence: {
        summary: `不予受理未说明理由（记录的理由：${typeof refusal.body.reason === "string" ? `「${refusal.body.reason}」` : "无"}）`,
        summaryEn: `Refused without a reason (reason recorded: ${typeof refusal.body.reason === "string" ? JSON.stringify(refusal.body.reason) : "none"})`,
        steps: [stepEvidence(refusal, true)],
        figures: { minLength: p.minLength },
      },
    },
  ];
}

function lateAcceptance(s: CaseSnapshot, rule: CardRule, p: z.infer<(typeof RULE_PARAMETERS)["late_acceptance"]>, calendar: CalendarLike): CardFinding[] {
  const accept = s.steps.find((x) => x.type === "accept");
  if (!accept) return [];
  const receipt = s.steps.filter((x) => x.seq < accept.seq && RECEIPT.has(x.type)).at(-1);
  if (!receipt) return [];
  // What the platform saw: the later of the acceptance's date and the day it was recorded (a backdated report).
  const learned = new Date(Math.max(accept.recordedAt.getTime(), accept.at.getTime()));
  const learnedOn = cstDate(learned);
  const state = window(calendar, receipt.onDate, learnedOn, p.workingDays, learnedOn, null);
  if (!state?.overdue) return [];
  return [
    {
      ruleCode: rule.code,
      ruleVersion: rule.version,
      level: rule.level,
      evidence: {
        summary: `收件${receipt.onDate}，受理记录于${learnedOn}（受理日期${accept.onDate}），间隔${state.usedDays}个工作日，超过${p.workingDays}个工作日`,
        summaryEn: `Received ${receipt.onDate}, acceptance recorded ${learnedOn} (dated ${accept.onDate}): ${state.usedDays} working days after receipt, over ${p.workingDays}`,
        steps: [stepEvidence(receipt), stepEvidence(accept)],
        figures: { limitWorkingDays: p.workingDays, workingDaysAfterReceipt: state.usedDays, recordedOn: learnedOn, backdated: accept.onDate !== learnedOn },
      },
    },
  ];
}

function completionWithoutAcceptance(s: CaseSnapshot, rule: CardRule): CardFinding[] {
  const complete = s.steps.find((x) => x.type === "complete");
  if (!complete || s.steps.some((x) => x.type === "accept" && x.seq < complete.seq)) return [];
  return [
    {
      ruleCode: rule.code,
      ruleVersion: rule.version,
      level: rule.level,
      evidence: {
        summary: `办结（${complete.onDate}）前无受理记录`,
        summaryEn: `Completed on ${complete.onDate} with no acceptance recorded before`,
        steps: s.steps.filter((x) => x.seq <= complete.seq).map((x) => stepEvidence(x)),
        figures: { completedOn: complete.onDate },
      },
    },
  ];
}

function feeOnFeeFree(s: CaseSnapshot, rule: CardRule): CardFinding[] {
  if (!s.matter.feeFree || s.fees.length === 0) return [];
  const total = s.fees.reduce((sum, f) => sum + Math.round(Number(f.amount) * 100), 0) / 100;
  return [
    {
      ruleCode: rule.code,
      ruleVersion: rule.version,
      level: rule.level,
      evidence: {
        summary: `免费事项「${s.matter.name}」收取费用${s.fees.length}笔，共${total.toFixed(2)}元`,
        summaryEn: `${s.fees.length} fee(s) totalling ${total.toFixed(2)} yuan charged on fee-free matter ${s.matter.code}`,
        steps: [],
        figures: { feeFree: true, matterKind: s.matter.kind, fees: s.fees.length, total: total.toFixed(2) },
        fees: s.fees.map((f) => ({ id: f.id, amount: f.amount, item: f.item, at: f.at.toISOString() })),
      },
    },
  ];
}

/** Every card the enabled rules give for one case on `today`. */
export function evaluateCase(snapshot: CaseSnapshot, rules: readonly CardRule[], calendar: CalendarLike, today: string): CardFinding[] {
  const out: CardFinding[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const parsed = RULE_PARAMETERS[rule.kind].safeParse(rule.parameters);
    // A stored rule always passed this check; one that no longer does is skipped rather than guessed at.
    if (!parsed.success) continue;
    switch (rule.kind) {
      case "step_limit":
        out.push(...stepLimit(snapshot, rule, parsed.data as z.infer<(typeof RULE_PARAMETERS)["step_limit"]>, calendar, today));
        break;
      case "overall_limit":
        out.push(...overallLimit(snapshot, rule, parsed.data as z.infer<(typeof RULE_PARAMETERS)["overall_limit"]>, calendar, today));
        break;
      case "refusal_without_reason":
        out.push(...refusalWithoutReason(snapshot, rule, parsed.data as z.infer<(typeof RULE_PARAMETERS)["refusal_without_reason"]>));
        break;
      case "late_acceptance":
        out.push(...lateAcceptance(snapshot, rule, parsed.data as z.infer<(typeof RULE_PARAMETERS)["late_acceptance"]>, calendar));
        break;
      case "completion_without_acceptance":
        out.push(...completionWithoutAcceptance(snapshot, rule));
        break;
      case "fee_on_fee_free":
        out.push(...feeOnFeeFree(snapshot, rule));
        break;
    }
  }
  return out;
}
