import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { cstDate, now } from "../../platform/clock.js";
import { systemActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import { dormancyState } from "./filing-dormancy.js";
import * as repo from "./monitoring.repository.js";
import { firstDayWithAtMost, orUnavailable } from "./periods.js";
import { type MonitoringContext, extensionRecord, frequencyOf, scheduleOf } from "./reports.service.js";
import { lapseState, validityOf } from "./validity-rules.js";
import { type BackgroundLoop, startBackgroundLoop } from "../../platform/background-loop.js";

/**
 * The monitoring sweep, run by every app process in a loop:
 * - 核准 decisions of unstarted projects lapse on the day after their validity ends (令2017年第2号 第三十八条), and
 *   the unit is reminded before its window for 延期开工 closes (条例 第十二条);
 * - filed projects without start or procedure for 2 years are reminded, then removed from the public record
 *   (令2018年第14号 第十五条);
 * - progress reports are reminded before and after they fall due.
 *
 * Safe with several processes on one PostgreSQL, as the deadline sweep: each batch of projects is claimed with
 * FOR UPDATE SKIP LOCKED, and each reminder, lapse or removal is a unique (project, kind, due date) row, so it is
 * done once whoever gets there first. Days in a year without official calendar data decide nothing.
 */
export interface MonitoringSweepResult {
  projects: number;
  reminders: number;
  lapsed: number;
  delisted: number;
}

/** The unit is reminded of its extension window this many working days before it closes. */
const EXTENSION_WINDOW_REMIND_WORKING_DAYS = 10;
const actor = systemActor("monitoring-sweep");

type Project = repo.MonitoredProject;

async function remind(tx: Transaction<DB>, p: Project, kind: DB["monitoring_reminder"]["kind"], dueDate: string, today: string, text: { title: string; titleEn: string; body: string; bodyEn: string }): Promise<boolean> {
  const at = now();
  if (!(await repo.raiseReminder(tx, { project_id: p.id, kind, due_date: dueDate, raised_at: at, raised_on: today }))) return false;
  await repo.messageUnit(tx, { organisation_id: p.unit_organisation_id, kind: `monitoring.${kind}`, subject: p.code, title: text.title, title_en: text.titleEn, body: text.body, body_en: text.bodyEn, created_at: at });
  await recordAudit(tx, { type: "monitoring.reminder_sent", actor, subject: p.code, regionCode: p.region_code, payload: { code: p.code, kind, dueDate } });
  return true;
}

async function sweepValidity(ctx: MonitoringContext, tx: Transaction<DB>, p: Project, reports: repo.ReportRow[], today: string, result: MonitoringSweepResult) {
  if (p.approval_category !== "verification" || !p.decision_on || !["in_approval", "approved", "suspended"].includes(p.status)) return;
  const started = reports.some((r) => r.kind === "start");
  if (started) return;
  const extension = extensionRecord(await repo.extensionOf(tx, p.id));
  const lapse = lapseState(ctx.calendar, { decisionOn: p.decision_on, started, extension, today });
  if (lapse.lapsed && lapse.lapsesOn) {
    if (!(await repo.raiseReminder(tx, { project_id: p.id, kind: "validity_lapsed", due_date: lapse.lapsesOn, raised_at: now(), raised_on: today }))) return;
    const at = now();
    const validity = validityOf(ctx.calendar, p.decision_on, extension);
    await repo.setProject(tx, p.id, { status: "lapsed", updated_at: at });
    await repo.messageUnit(tx, {
      organisation_id: p.unit_organisation_id, kind: "project.lapsed", subject: p.code, created_at: at,
      title: `核准文件已失效：${p.name}`, title_en: `The 核准 decision has lapsed: ${p.code}`,
      body: `项目 ${p.code} 自核准决定之日起至 ${validity.expiresOn} 未开工建设${extension?.status === "approved" ? "（已延期）" : "，也未按规定申请延期"}，核准文件自 ${lapse.lapsesOn} 起失效（《企业投资项目核准和备案管理办法》第三十八条）。`,
      body_en: `Project ${p.code} did not start by ${validity.expiresOn}; its 核准 decision lapsed on ${lapse.lapsesOn}.`,
    });
    await recordAudit(tx, { type: "project.lapsed", actor, subject: p.code, regionCode: p.region_code, payload: { code: p.code, decisionOn: p.decision_on, expiresOn: validity.expiresOn ?? "", lapsedOn: lapse.lapsesOn, extension: extension?.status ?? null } });
    result.lapsed += 1;
    return;
  }
  if (extension !== null) return;
  const validity = validityOf(ctx.calendar, p.decision_on, null);
  const applyBy = validity.extensionApplyBy;
  if (!applyBy || today > applyBy) return;
  const from = orUnavailable(ctx.calendar, (c) => firstDayWithAtMost(c, applyBy, EXTENSION_WINDOW_REMIND_WORKING_DAYS));
  if (from.value === null || today < from.value) return;
  const sent = await remind(tx, p, "extension_window", applyBy, today, {
    title: `核准文件即将到期：${p.name}`,
    titleEn: `The 核准 decision ends soon: ${p.code}`,
    body: `项目 ${p.code} 的核准文件有效期至 ${validity.expiresOn}。如需延期开工，请于 ${applyBy} 前在线申请（只能延期一次，最长1年）。`,
    bodyEn: `The 核准 decision of ${p.code} is valid until ${validity.expiresOn}; apply for an extension by ${applyBy} (once, at most 1 year).`,
  });
  if (sent) result.reminders += 1;
}

async function sweepDormancy(ctx: MonitoringContext, tx: Transaction<DB>, p: Project, today: string, result: MonitoringSweepResult) {
  if (p.approval_category !== "filing" || p.status !== "filed") return;
  const reminder = (await repo.remindersOf(tx, p.id)).find((r) => r.kind === "dormancy_reminder");
  const filedOn = cstDate(p.declared_at);
  const state = dormancyState(ctx.calendar, {
    filedOn,
    firstActivityOn: await repo.firstActivityOn(tx, p.id),
    explainedOn: (await repo.explanationOf(tx, p.id))?.explained_on ?? null,
    remindedOn: reminder?.raised_on ?? null,
    today,
    graceWorkingDays: ctx.graceWorkingDays,
  });
  if (!state.periodEndsOn) return;
  if (state.phase === "explanation_due") {
    const sent = await remind(tx, p, "dormancy_reminder", state.periodEndsOn, today, {
      title: `备案项目满2年未开工，请作出说明：${p.name}`,
      titleEn: `Filed 2 years ago without start: explain or withdraw (${p.code})`,
      body: `项目 ${p.code} 自 ${filedOn} 备案后2年内未开工建设，也未办理其他手续。如继续实施，请在线作出说明；如不再实施，请撤回备案信息。逾期未处理的，将移除已公示的备案信息，备案证明自动失效（《企业投资项目事中事后监管办法》第十五条）。`,
      bodyEn: `Project ${p.code}, filed on ${filedOn}, neither started nor went through any procedure in 2 years: explain online or withdraw the filing, else it is removed from the public record.`,
    });
    if (sent) result.reminders += 1;
  } else if (state.phase === "delisting_due") {
    if (!(await repo.raiseReminder(tx, { project_id: p.id, kind: "dormancy_delisted", due_date: state.periodEndsOn, raised_at: now(), raised_on: today }))) return;
    const at = now();
    await repo.setProject(tx, p.id, { status: "lapsed", delisted_at: at, updated_at: at });
    await repo.messageUnit(tx, {
      organisation_id: p.unit_organisation_id, kind: "project.delisted", subject: p.code, created_at: at,
      title: `备案信息已移除公示：${p.name}`, title_en: `Filing removed from the public record: ${p.code}`,
      body: `项目 ${p.code} 经提醒后仍未作出说明或撤回，已移除公示的备案信息，备案证明自动失效（《企业投资项目事中事后监管办法》第十五条）。`,
      body_en: `Project ${p.code} neither explained nor withdrew after the reminder: its filing is removed from the public record and the filing certificate has lapsed.`,
    });
    await recordAudit(tx, { type: "project.delisted", actor, subject: p.code, regionCode: p.region_code, payload: { code: p.code, filedOn, periodEndsOn: state.periodEndsOn, remindedOn: reminder?.raised_on ?? "" } });
    result.delisted += 1;
  }
}

type Frequencies = (regionCode: string) => ReturnType<typeof frequencyOf>;

async function sweepReports(ctx: MonitoringContext, frequencies: Frequencies, p: Project, reports: repo.ReportRow[], tx: Transaction<DB>, today: string, result: MonitoringSweepResult) {
  if (p.status !== "under_construction" && p.status !== "suspended") return;
  const schedule = scheduleOf(ctx, reports, await frequencies(p.region_code), today);
  const soon = schedule.filter((s) => s.state === "due_soon");
  // Only the latest overdue period: a long silence is one reminder, not one per missed quarter.
  const overdue = schedule.filter((s) => s.state === "overdue").slice(-1);
  for (const s of soon) {
    if (!s.dueDate) continue;
    const sent = await remind(tx, p, "progress_due_soon", s.dueDate, today, {
      title: `请按时报送建设进度：${p.name}`, titleEn: `Progress report due ${s.dueDate}: ${p.code}`,
      body: `项目 ${p.code} ${s.from} 至 ${s.to} 的建设进度（累计完成投资、形象进度）应于 ${s.dueDate} 前报送。`,
      bodyEn: `The progress of ${p.code} for ${s.from} to ${s.to} is due by ${s.dueDate}.`,
    });
    if (sent) result.reminders += 1;
  }
  for (const s of overdue) {
    if (!s.dueDate) continue;
    const sent = await remind(tx, p, "progress_overdue", s.dueDate, today, {
      title: `建设进度逾期未报：${p.name}`, titleEn: `Progress report overdue: ${p.code}`,
      body: `项目 ${p.code} ${s.from} 至 ${s.to} 的建设进度应于 ${s.dueDate} 前报送，至今未报，请尽快报送。`,
      bodyEn: `The progress of ${p.code} for ${s.from} to ${s.to} was due by ${s.dueDate} and has not been reported.`,
    });
    if (sent) result.reminders += 1;
  }
}

async function sweepBatch(ctx: MonitoringContext, afterId: number, batchSize: number, today: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const claimed = await repo.claimProjects(tx, afterId, batchSize);
    const result: MonitoringSweepResult = { projects: 0, reminders: 0, lapsed: 0, delisted: 0 };
    // One lookup per region and batch: most projects of a batch share a handful of regions.
    const known = new Map<string, ReturnType<typeof frequencyOf>>();
    const frequencies: Frequencies = (region) => {
      if (!known.has(region)) known.set(region, frequencyOf(tx, region));
      return known.get(region)!;
    };
    for (const p of claimed) {
      result.projects += 1;
      const reports = await repo.reportsOf(tx, p.id);
      await sweepValidity(ctx, tx, p, reports, today, result);
      await sweepDormancy(ctx, tx, p, today, result);
      await sweepReports(ctx, frequencies, p, reports, tx, today, result);
    }
    return { lastId: claimed.at(-1)?.id ?? null, result };
  });
}

/** One pass over every live project, in batches (each its own short transaction). */
export async function sweepMonitoring(ctx: MonitoringContext, options: { batchSize?: number; today?: string } = {}): Promise<MonitoringSweepResult> {
  const total: MonitoringSweepResult = { projects: 0, reminders: 0, lapsed: 0, delisted: 0 };
  const today = options.today ?? cstDate();
  let after = 0;
  for (;;) {
    const { lastId, result } = await sweepBatch(ctx, after, options.batchSize ?? 50, today);
    total.projects += result.projects;
    total.reminders += result.reminders;
    total.lapsed += result.lapsed;
    total.delisted += result.delisted;
    if (lastId === null) return total;
    after = lastId;
  }
}

/** The sweep loop of one process; `stop()` waits for the pass in progress. */
export function startMonitoringSweeper(ctx: MonitoringContext, intervalMs: number, onError: (e: unknown) => void): BackgroundLoop {
  return startBackgroundLoop(() => sweepMonitoring(ctx), intervalMs, onError, Math.min(intervalMs, 5000));
}
