import type { Kysely } from "kysely";
import { regionPrefixOf } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { cstDate, now } from "../../platform/clock.js";
import { systemActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import { limitsOf } from "../cases/case-clock.js";
import type { LeadersCardCheck } from "../cases/sweep.service.js";
import type { CalendarLike } from "../cases/working-day-clock.js";
import { type CardRule, type CaseSnapshot, evaluateCase } from "./card-rules.js";
import * as repo from "./e-supervision.repository.js";
import { type BackgroundLoop, startBackgroundLoop } from "../../platform/background-loop.js";
import { groupBy } from "../../platform/group-by.js";

/**
 * The 电子监察 sweep, run by every app process in a loop: evaluates the enabled rules on every open case and on
 * cases closed (or charged a fee) within the look-back, and stores each card once per rule, case and level. A
 * new card goes, with its evidence, to the supervisors whose region holds the project and to the department's
 * leaders, and is audited — all in the transaction that stores it.
 *
 * Safe with several processes on one PostgreSQL: a batch of cases is claimed FOR UPDATE SKIP LOCKED, and the
 * unique (rule, case, level) row decides who raised a card should two passes meet one after the other.
 */
export interface CardSweepContext {
  db: Kysely<DB>;
  calendar: CalendarLike;
  /** Closed cases are evaluated again for this many days (a step or a fee reported late). */
  lookbackDays: number;
}

export interface CardSweepResult {
  cases: number;
  cards: number;
}

const LEVEL_TEXT = { yellow: { zh: "黄牌", en: "yellow card" }, red: { zh: "红牌", en: "red card" } } as const;

async function sweepBatch(ctx: CardSweepContext, rules: CardRule[], names: Map<string, { zh: string; en: string }>, afterId: string, batchSize: number, today: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const since = new Date(now().getTime() - ctx.lookbackDays * 86_400_000);
    const claimed = await repo.claimCases(tx, afterId, since, batchSize);
    const result: CardSweepResult = { cases: 0, cards: 0 };
    if (claimed.length === 0) return { lastId: null, result };
    const ids = claimed.map((c) => c.id);
    const [cases, events, fees] = [await repo.casesForEvaluation(tx, ids), await repo.eventsOf(tx, ids), await repo.feesOf(tx, ids)];
    const stepsOf = groupBy(events, (e) => e.case_id, (e): CaseSnapshot["steps"][number] => ({ seq: e.seq, type: e.type, at: e.at, onDate: e.on_date, recordedAt: e.recorded_at, statusAfter: e.status_after, body: (e.body ?? {}) as Record<string, unknown> }));
    const feesOf = groupBy(fees, (f) => f.case_id, (f) => ({ id: f.id, amount: f.amount, item: f.item, at: f.at }));
    const at = now();
    let supervisors: Awaited<ReturnType<typeof repo.activeSupervisors>> | null = null;
    const leaders = new Map<number, number[]>();

    for (const c of cases) {
      result.cases += 1;
      const snapshot: CaseSnapshot = {
        caseId: c.id,
        status: c.status,
        limits: limitsOf(c),
        steps: stepsOf.get(c.id) ?? [],
        fees: feesOf.get(c.id) ?? [],
        matter: { code: c.matter_code, name: c.matter_name, kind: c.matter_kind, feeFree: c.fee_free },
      };
      for (const finding of evaluateCase(snapshot, rules, ctx.calendar, today)) {
        const raised = await repo.insertCard(tx, {
          rule_code: finding.ruleCode,
          rule_version: finding.ruleVersion,
          case_id: c.id,
          project_id: c.project_id,
          region_code: c.region_code,
          department_id: c.department_id,
          level: finding.level,
          evidence: finding.evidence,
          raised_at: at,
          raised_on: today,
        });
        if (!raised) continue;
        result.cards += 1;
        supervisors ??= await repo.activeSupervisors(tx);
        if (!leaders.has(c.department_id)) leaders.set(c.department_id, (await repo.leadersOf(tx, c.department_id)).map((l) => l.id));
        const recipients = new Set([
          ...supervisors.filter((s) => c.region_code.startsWith(regionPrefixOf(s.region_code))).map((s) => s.id),
          ...(leaders.get(c.department_id) ?? []),
        ]);
        const level = LEVEL_TEXT[finding.level];
        const rule = names.get(finding.ruleCode) ?? { zh: finding.ruleCode, en: finding.ruleCode };
        await repo.insertMessages(
          tx,
          [...recipients].map((userId) => ({
            user_id: userId,
            kind: `esupervision.card_${finding.level}`,
            subject: c.id,
            title: `【${level.zh}】${rule.zh}：${c.matter_name}`,
            title_en: `[${level.en}] ${rule.en}: ${c.matter_code}`,
            body: `项目 ${c.project_code}（${c.project_name}），${c.department}：${finding.evidence.summary}`,
            body_en: `Project ${c.project_code}, ${c.department}: ${finding.evidence.summaryEn}`,
            created_at: at,
          })),
        );
        await recordAudit(tx, {
          type: "esupervision.card_raised",
          actor: systemActor("e-supervision-sweep"),
          subject: c.project_code,
          regionCode: c.region_code,
          payload: { cardId: raised.id, ruleCode: finding.ruleCode, ruleVersion: finding.ruleVersion, caseId: c.id, level: finding.level, departmentId: c.department_id, summary: finding.evidence.summary, recipients: recipients.size },
        });
      }
    }
    return { lastId: ids[ids.length - 1] ?? null, result };
  });
}

/** One pass over the cases to evaluate, in batches (each its own short transaction). */
export async function sweepCards(ctx: CardSweepContext, options: { batchSize?: number; today?: string } = {}): Promise<CardSweepResult> {
  const stored = await repo.allRules(ctx.db);
  const rules: CardRule[] = stored.map((r) => ({ code: r.code, kind: r.kind, parameters: r.parameters, level: r.level, enabled: r.enabled, version: r.version }));
  const total: CardSweepResult = { cases: 0, cards: 0 };
  if (!rules.some((r) => r.enabled)) return total;
  const names = new Map(stored.map((r) => [r.code, { zh: r.name, en: r.name_en }]));
  const today = options.today ?? cstDate();
  let after = "";
  for (;;) {
    const { lastId, result } = await sweepBatch(ctx, rules, names, after, options.batchSize ?? 200, today);
    total.cases += result.cases;
    total.cards += result.cards;
    if (lastId === null) return total;
    after = lastId;
  }
}

/**
 * The deadline sweep's question (wired in main.ts): the governing-limit cards go to the leaders, so the deadline
 * sweep's warning of the same thing does not go to them as well. Answered from the rules and the cards stored, with
 * the clock counting as the case clock does, so the card the sweep raises is the one promised here.
 */
export const leadersToldByCard: LeadersCardCheck = (tx, caseId, dueDate, warning, warnDays) => repo.governingCarded(tx, caseId, dueDate, warning, warnDays);

/** The sweep loop of one process; `stop()` waits for the pass in progress. */
export function startCardSweeper(ctx: CardSweepContext, intervalMs: number, onError: (e: unknown) => void): BackgroundLoop {
  return startBackgroundLoop(() => sweepCards(ctx), intervalMs, onError, Math.min(intervalMs, 3000));
}
