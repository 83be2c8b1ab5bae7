import { type Kysely, type Transaction, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { type BackgroundLoop, startBackgroundLoop } from "../../platform/background-loop.js";
import { cstDate, now } from "../../platform/clock.js";
import { systemActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { WorkingDayCalendar } from "../reference/calendar.js";
import { queueMails } from "../messages/email-outbox.js";
import { clockOf } from "./case-clock.js";
import * as repo from "./cases.repository.js";

/**
 * The deadline sweep (Art. 15: 「对审批时限进行提醒、预警」), run by every app process in a loop:
 * - recomputes each open case's clock from its steps and today's calendar, storing the answer the queues sort by;
 * - when the calendar changed (a newly announced year loaded), records every due date that moved;
 * - raises a yellow warning at ≤ N working days left and a red one once overdue, each once per case, level and
 *   due date (an extension or a calendar change gives a new due date and so re-arms them), to the handling
 *   officer and the department's leaders (to the leaders only when no 电子监察 card tells them the same).
 *
 * Safe with several processes on one PostgreSQL: a batch is claimed with FOR UPDATE SKIP LOCKED, so two
 * processes never work on the same case at once, and the unique (case, level, due date) row decides who raised a
 * warning should they meet one after the other.
 */
export interface SweepContext {
  db: Kysely<DB>;
  calendar: WorkingDayCalendar;
  warnDays: number;
  /** Also mail the warnings (SMTP configured): queued in the outbox in the same transaction. */
  mail?: boolean;
  /** 电子监察's answer (a later module, wired in main.ts): see {@link LeadersCardCheck}. */
  leadersCarded?: LeadersCardCheck;
}

/**
 * Whether 电子监察 tells the department's leaders of this case's approaching (yellow) or passed (red) due date with
 * a card. Leaders hear of one thing once: the officer always gets the deadline warning (it is the officer who
 * acts); the leaders get it only when no card tells them the same — the card is what they must answer for, and it
 * says the same (limit, days used, due date). Answered from the rules (and a card raised for an earlier due date,
 * which is not raised again), not from whether today's card is stored yet, so it does not depend on which sweep
 * runs first that day.
 */
export type LeadersCardCheck = (tx: Transaction<DB>, caseId: string, dueDate: string, level: "yellow" | "red", warnDays: number) => Promise<boolean>;

export interface SweepResult {
  cases: number;
  warnings: number;
  deadlineChanges: number;
}

const LEVEL_TEXT = {
  yellow: { zh: "即将超期（黄色预警）", en: "due soon (yellow warning)" },
  red: { zh: "已超期（红色预警）", en: "overdue (red warning)" },
} as const;

async function sweepBatch(ctx: SweepContext, afterId: string, batchSize: number, today: string): Promise<{ lastId: string | null; result: SweepResult }> {
  return ctx.db.transaction().execute(async (tx) => {
    const claimed = await tx
      .selectFrom("matter_case")
      .select("id")
      .where("status", "in", ["accepted", "paused"])
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    const result: SweepResult = { cases: 0, warnings: 0, deadlineChanges: 0 };
    if (claimed.length === 0) return { lastId: null, result };
    const ids = claimed.map((c) => c.id);
    const cases = await tx
      .selectFrom("matter_case as c")
      .innerJoin("project as p", "p.id", "c.project_id")
      .innerJoin("matter as m", "m.code", "c.matter_code")
      .select([
        "c.id", "c.status", "c.department_id", "c.officer_id", "c.statutory_days", "c.statutory_unit", "c.promised_days",
        "c.due_date", "c.remaining_days", "c.warning", "c.calendar_version", "c.matter_code", "m.name as matter_name",
        "m.statutory_working_days", "m.statutory_calendar_days", "m.promised_working_days", "p.code as project_code",
        "p.region_code",
      ])
      .where("c.id", "in", ids)
      .execute();
    const events = await tx
      .selectFrom("case_event")
      .select(["case_id", "type", "on_date", "status_after", "body"])
      .where("case_id", "in", ids)
      .orderBy("case_id")
      .orderBy("seq")
      .execute();
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    const at = now();
    const leaders = new Map<number, number[]>();

    for (const c of cases) {
      result.cases += 1;
      const clock = clockOf(ctx.calendar, c, byCase.get(c.id) ?? [], today, ctx.warnDays).governing;
      const dueDate = clock?.dueDate ?? null;
      const warning = clock?.warning ?? "none";
      const remaining = clock?.remainingDays ?? null;
      const calendarChanged = c.calendar_version !== null && c.calendar_version !== ctx.calendar.version;
      if (calendarChanged && c.due_date !== dueDate && c.status === "accepted") {
        result.deadlineChanges += 1;
        await tx.insertInto("case_deadline_change").values({ case_id: c.id, old_due_date: c.due_date, new_due_date: dueDate, old_calendar: c.calendar_version, new_calendar: ctx.calendar.version, changed_at: at }).execute();
        await recordAudit(tx, { type: "case.deadline_changed", actor: systemActor("deadline-sweep"), subject: c.project_code, regionCode: c.region_code, payload: { caseId: c.id, oldDueDate: c.due_date, newDueDate: dueDate, calendar: ctx.calendar.version } });
      }
      if (c.due_date !== dueDate || c.warning !== warning || c.remaining_days !== remaining || c.calendar_version !== ctx.calendar.version) {
        await repo.updateCase(tx, c.id, { due_date: dueDate, warning, remaining_days: remaining, calendar_version: ctx.calendar.version });
      }
      if ((warning === "yellow" || warning === "red") && dueDate) {
        const raised = await tx
          .insertInto("case_warning")
          .values({ case_id: c.id, level: warning, due_date: dueDate, remaining_days: remaining ?? 0, raised_at: at })
          .onConflict((oc) => oc.columns(["case_id", "level", "due_date"]).doNothing())
          .returning("id")
          .executeTakeFirst();
        if (!raised) continue;
        result.warnings += 1;
        if (!leaders.has(c.department_id)) leaders.set(c.department_id, (await repo.leadersOf(tx, c.department_id)).map((l) => l.id));
        const leadersCarded = ctx.leadersCarded !== undefined && (await ctx.leadersCarded(tx, c.id, dueDate, warning, ctx.warnDays));
        const recipients = new Set([...(c.officer_id ? [c.officer_id] : []), ...(leadersCarded ? [] : (leaders.get(c.department_id) ?? []))]);
        const text = LEVEL_TEXT[warning];
        await repo.insertMessages(
          tx,
          [...recipients].map((userId) => ({
            user_id: userId,
            organisation_id: null,
            kind: `case.warning_${warning}`,
            subject: c.id,
            title: `${c.matter_name}${text.zh}`,
            title_en: `${c.matter_code} ${text.en}`,
            body: `项目 ${c.project_code}：办理期限 ${dueDate}，剩余 ${remaining} 个工作日`,
            body_en: `Project ${c.project_code}: due ${dueDate}, ${remaining} working days left`,
            created_at: at,
          })),
        );
        if (ctx.mail) {
          await queueMails(
            tx,
            [...recipients].map((userId) => ({
              userId,
              kind: `case.warning_${warning}`,
              subject: `【${text.zh}】${c.matter_name}（项目 ${c.project_code}）`,
              body: `${c.matter_name}\n项目代码：${c.project_code}\n办理期限：${dueDate}\n剩余工作日：${remaining}\n\n${c.matter_code} ${text.en}: project ${c.project_code}, due ${dueDate}, ${remaining} working days left.\n\n请登录审批监管系统处理。`,
            })),
            at,
          );
        }
        await recordAudit(tx, { type: "case.warning_raised", actor: systemActor("deadline-sweep"), subject: c.project_code, regionCode: c.region_code, payload: { caseId: c.id, level: warning, dueDate, remainingDays: remaining ?? 0 } });
      }
    }
    return { lastId: ids[ids.length - 1] ?? null, result };
  });
}

/** The calendar with its answers kept for one pass: a pass asks about the same few hundred days again and again. */
function memoised(calendar: WorkingDayCalendar): WorkingDayCalendar {
  const seen = new Map<string, ReturnType<WorkingDayCalendar["dayInfo"]>>();
  return Object.assign(Object.create(calendar) as WorkingDayCalendar, {
    dayInfo(date: string) {
      let info = seen.get(date);
      if (!info) {
        info = calendar.dayInfo(date);
        seen.set(date, info);
      }
      return info;
    },
  });
}

/** One pass over every open case, in batches (each its own short transaction). */
export async function sweepOpenCases(given: SweepContext, options: { batchSize?: number; today?: string } = {}): Promise<SweepResult> {
  const ctx = { ...given, calendar: memoised(given.calendar) };
  const total: SweepResult = { cases: 0, warnings: 0, deadlineChanges: 0 };
  const today = options.today ?? cstDate();
  let after = "";
  for (;;) {
    const { lastId, result } = await sweepBatch(ctx, after, options.batchSize ?? 500, today);
    total.cases += result.cases;
    total.warnings += result.warnings;
    total.deadlineChanges += result.deadlineChanges;
    if (lastId === null) return total;
    after = lastId;
  }
}

/** The sweep loop of one process; `stop()` waits for the pass in progress. */
export function startDeadlineSweeper(ctx: SweepContext, intervalMs: number, onError: (e: unknown) => void): BackgroundLoop {
  return startBackgroundLoop(() => sweepOpenCases(ctx), intervalMs, onError);
}

/** Open cases with a red warning (for the operations overview). */
export function countOverdue(db: Kysely<DB>) {
  return db.selectFrom("matter_case").select(sql<number>`count(*)`.as("n")).where("warning", "=", "red").where("status", "in", ["accepted", "paused"]).executeTakeFirstOrThrow();
}
