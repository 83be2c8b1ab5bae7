import { PROJECT_STATUS_LABELS, type ProjectStatus, REPORT_KIND_LABELS, type ReportKind, applyReport, reportKindsFor } from "@tzxm/shared";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { cstDate, now } from "../../platform/clock.js";
import { DomainError, type FieldProblem } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { bytesMatch } from "../materials/material-rules.js";
import { resolveCode } from "../projects/code-param.js";
import type { WorkingDayCalendar } from "../reference/calendar.js";
import type { FileStore } from "../../platform/file-store.js";
import { dormancyState } from "./filing-dormancy.js";
import * as repo from "./monitoring.repository.js";
import { DEFAULT_DUE_DAY, DEFAULT_FREQUENCY, type ReportFrequency, progressSchedule } from "./report-schedule.js";
import { type ExtensionRecord, lapseState, validityOf } from "./validity-rules.js";

export interface MonitoringContext {
  db: Kysely<DB>;
  calendar: WorkingDayCalendar;
  /** Working days between the dormancy reminder and removal from the public record. */
  graceWorkingDays: number;
  /** Progress reports are "due soon" this many working days before their due date. */
  remindWorkingDays: number;
  /** Where report photos live (the routes give it; the sweep does not need it). */
  files?: FileStore;
}

/** Largest photo of construction progress (形象进度照片). */
export const REPORT_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** A photo for a report (JPEG or PNG, checked by its first bytes), stored by SM3 until a report names it. */
export async function uploadReportImage(ctx: MonitoringContext, user: AuthUser, code: string, bytes: Buffer) {
  const p = await projectOr404(ctx, user, code);
  if (p.unit_organisation_id !== user.organisation.id || !ctx.files) throw new DomainError("NOT_FOUND");
  if (!(bytesMatch("jpg", bytes) || bytesMatch("png", bytes))) {
    throw new DomainError("VALIDATION_FAILED", { fields: [{ path: "file", message: "照片应为 JPG 或 PNG 格式", messageEn: "A photo must be a JPEG or PNG image" }] });
  }
  const stored = await ctx.files.put(bytes);
  return { key: stored.key, size: stored.size };
}

/** A photo one of the project's reports names, for whoever may read the project. */
export async function reportImage(ctx: MonitoringContext, user: AuthUser, code: string, key: string) {
  const p = await projectOr404(ctx, user, code);
  const named = (await repo.reportsOf(ctx.db, p.id)).some((r) => Array.isArray(r.images) && (r.images as string[]).includes(key));
  const file = named ? await ctx.files?.open(key) : null;
  if (!file) throw new DomainError("NOT_FOUND");
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return { bytes, mediaType: bytesMatch("png", bytes) ? "image/png" : "image/jpeg" };
}

/** Every photo a report names must be in the file store already. */
async function checkImages(ctx: MonitoringContext, images: string[] | undefined) {
  if (!images?.length) return;
  const missing: FieldProblem[] = [];
  for (const [i, key] of images.entries()) {
    const file = await ctx.files?.open(key);
    if (!file) missing.push({ path: `images.${i}`, message: "照片不存在，请重新上传", messageEn: "No such photo; upload it again" });
    else file.stream.destroy();
  }
  if (missing.length) throw new DomainError("VALIDATION_FAILED", { fields: missing });
}

export interface ReportInput {
  kind: ReportKind;
  on: string;
  investmentCompleted?: string | undefined;
  progressPercent?: number | undefined;
  note?: string | undefined;
  images?: string[] | undefined;
}

export function reportView(r: repo.ReportRow) {
  return {
    id: r.id,
    kind: r.kind,
    on: r.on_date,
    ...(r.investment_completed !== null ? { investmentCompleted: Number(r.investment_completed).toFixed(2) } : {}),
    ...(r.progress_percent !== null ? { progressPercent: r.progress_percent } : {}),
    ...(r.note !== null ? { note: r.note } : {}),
    ...(Array.isArray(r.images) && r.images.length ? { images: r.images as string[] } : {}),
    statusBefore: r.status_before,
    statusAfter: r.status_after,
    reportedAt: r.reported_at.toISOString(),
  };
}

/** The project under a code as typed (lower case, spaces, a legacy number), as every other module resolves it. */
export async function projectOr404(ctx: MonitoringContext, user: AuthUser, code: string) {
  const p = await repo.projectInScope(ctx.db, user.scope, await resolveCode(ctx.db, code));
  if (!p) throw new DomainError("NOT_FOUND");
  return p;
}

/** Works stopped by a suspension report and not yet resumed (a change application's 中止 is another thing). */
function worksSuspended(reports: repo.ReportRow[]): boolean {
  const moving = reports.filter((r) => r.kind === "suspension" || r.kind === "resumption");
  return moving.at(-1)?.kind === "suspension";
}

/** The day a project's decision counts from: the 核准/审批 decision, or 备案 on the declaration's day (条例 第十四条). */
export function decisionDayOf(p: repo.MonitoredProject): string | null {
  if (p.approval_category === "filing") return cstDate(p.declared_at);
  return p.decision_on;
}

function checkFigures(input: ReportInput, previous: repo.ReportRow[]) {
  const fields: FieldProblem[] = [];
  const need = (path: string, zh: string) => fields.push({ path, message: `${zh}为必填项`, messageEn: `${path} is required for a ${input.kind} report` });
  if (input.kind === "progress") {
    if (input.investmentCompleted === undefined) need("investmentCompleted", "累计完成投资");
    if (input.progressPercent === undefined) need("progressPercent", "形象进度");
  }
  if ((input.kind === "delay" || input.kind === "suspension") && !input.note) need("note", input.kind === "delay" ? "延期开工原因" : "停工原因");
  if (input.kind === "completion" && input.progressPercent !== undefined && input.progressPercent !== 100) {
    fields.push({ path: "progressPercent", message: "竣工时形象进度应为100", messageEn: "A completion report's progress is 100" });
  }
  if (fields.length) throw new DomainError("VALIDATION_FAILED", { fields });
  const lastInvestment = previous.filter((r) => r.investment_completed !== null).at(-1)?.investment_completed;
  const lastPercent = previous.filter((r) => r.progress_percent !== null).at(-1)?.progress_percent;
  const decreased: FieldProblem[] = [];
  if (input.investmentCompleted !== undefined && lastInvestment != null && Number(input.investmentCompleted) < Number(lastInvestment)) {
    decreased.push({ path: "investmentCompleted", message: `上次报告累计完成投资 ${Number(lastInvestment).toFixed(2)} 万元`, messageEn: `The previous report stated ${Number(lastInvestment).toFixed(2)}` });
  }
  if (input.progressPercent !== undefined && lastPercent != null && input.progressPercent < lastPercent) {
    decreased.push({ path: "progressPercent", message: `上次报告形象进度 ${lastPercent}%`, messageEn: `The previous report stated ${lastPercent}%` });
  }
  if (decreased.length) throw new DomainError("REPORT_FIGURES_DECREASED", { fields: decreased });
}

/**
 * `POST /projects/{code}/reports` (spec §7): the unit reports 开工, 进度, 竣工, 延期开工, 停工 or 复工; a start moves
 * the project to under_construction, a completion to completed, a suspension of works to suspended and a
 * resumption back. The report, the status and the audit event are one transaction.
 */
export async function fileReport(ctx: MonitoringContext, user: AuthUser, code: string, input: ReportInput, actor: AuditActor) {
  const found = await projectOr404(ctx, user, code);
  const today = cstDate();
  const dateField = (message: string, messageEn: string) => new DomainError("REPORT_DATE_INVALID", { fields: [{ path: "on", message, messageEn }] });
  if (input.on > today) throw dateField("报告日期不得晚于今天", "Not in the future");
  await checkImages(ctx, input.images);

  return ctx.db.transaction().execute(async (tx) => {
    const p = await repo.lockProject(tx, found.id);
    const reports = await repo.reportsOf(tx, p.id);
    const transition = applyReport(p.status as ProjectStatus, input.kind, worksSuspended(reports));
    if (!transition.ok) {
      throw new DomainError("REPORT_NOT_ALLOWED", {
        message: `项目当前状态为「${PROJECT_STATUS_LABELS[p.status]}」，不能报送${REPORT_KIND_LABELS[input.kind]}信息`,
        messageEn: `A project in status '${p.status}' cannot take a ${input.kind} report; allowed from: ${transition.allowedFrom.join(", ")}`,
      });
    }
    const since = decisionDayOf(p);
    if (since && input.on < since) throw dateField(`报告日期不得早于项目决定（备案）日期 ${since}`, `Not before the decision (filing) date ${since}`);
    const last = reports.at(-1);
    if (last && input.on < last.on_date) throw dateField(`报告日期不得早于上一次报告日期 ${last.on_date}`, `Not before the previous report's date ${last.on_date}`);
    checkFigures(input, reports);
    if (input.kind === "start" && p.approval_category === "verification" && p.decision_on) {
      // A start on a day the 核准 decision no longer held is no start under it (条例 第十二条; 令2017年第2号 第三十八条).
      const extension = extensionRecord(await repo.extensionOf(tx, p.id));
      const lapse = lapseState(ctx.calendar, { decisionOn: p.decision_on, started: false, extension, today: input.on });
      if (lapse.lapsed) {
        throw new DomainError("REPORT_NOT_ALLOWED", {
          message: `核准文件已于 ${lapse.lapsesOn} 失效，不能据此开工`,
          messageEn: `The 核准 decision lapsed on ${lapse.lapsesOn}; no start under it`,
          fields: [{ path: "on", message: `核准文件自 ${lapse.lapsesOn} 起失效`, messageEn: `Lapsed from ${lapse.lapsesOn}` }],
        });
      }
    }

    const at = now();
    const stored = await repo.insertReport(tx, {
      project_id: p.id,
      kind: input.kind,
      on_date: input.on,
      investment_completed: input.investmentCompleted ?? null,
      progress_percent: input.progressPercent ?? null,
      note: input.note ?? null,
      images: input.images?.length ? JSON.stringify(input.images) : null,
      status_before: p.status,
      status_after: transition.next,
      reported_by: user.id,
      reported_at: at,
    });
    if (transition.next !== p.status) await repo.setProject(tx, p.id, { status: transition.next, updated_at: at });
    await recordAudit(tx, {
      type: "project.report_filed",
      actor,
      subject: p.code,
      regionCode: p.region_code,
      payload: { code: p.code, reportId: stored.id, kind: input.kind, on: input.on, statusBefore: p.status, statusAfter: transition.next, investmentCompleted: input.investmentCompleted ?? null, progressPercent: input.progressPercent ?? null },
    });
    return reportView(stored);
  });
}

export async function listReports(ctx: MonitoringContext, user: AuthUser, code: string) {
  const p = await projectOr404(ctx, user, code);
  const reports = await repo.reportsOf(ctx.db, p.id);
  return { code: p.code, status: p.status, items: reports.map(reportView).reverse() };
}

/** The region's progress-report frequency; `db` is the caller's transaction when inside one (PGlite has one connection). */
export async function frequencyOf(db: Kysely<DB> | Transaction<DB>, regionCode: string): Promise<{ frequency: ReportFrequency; dueDay: number; regionCode: string | null }> {
  const rule = await repo.frequencyFor(db, regionCode);
  return rule ? { frequency: rule.frequency, dueDay: rule.due_day, regionCode: rule.region_code } : { frequency: DEFAULT_FREQUENCY, dueDay: DEFAULT_DUE_DAY, regionCode: null };
}

export function extensionRecord(e: repo.ExtensionRow | undefined): ExtensionRecord | null {
  return e ? { status: e.status, appliedOn: e.applied_on, months: e.months, decidedOn: e.decided_on } : null;
}

/** The progress schedule of a started project (also the sweep's). */
export function scheduleOf(ctx: MonitoringContext, reports: repo.ReportRow[], frequency: { frequency: ReportFrequency; dueDay: number }, today: string) {
  const start = reports.find((r) => r.kind === "start");
  if (!start) return [];
  const suspensions: { from: string; to: string | null }[] = [];
  for (const r of reports) {
    if (r.kind === "suspension") suspensions.push({ from: r.on_date, to: null });
    const open = suspensions.at(-1);
    if (r.kind === "resumption" && open && open.to === null) open.to = r.on_date;
  }
  return progressSchedule(ctx.calendar, {
    frequency: frequency.frequency,
    dueDay: frequency.dueDay,
    remindWorkingDays: ctx.remindWorkingDays,
    startedOn: start.on_date,
    completedOn: reports.find((r) => r.kind === "completion")?.on_date ?? null,
    suspensions,
    reportedOn: reports.filter((r) => r.kind === "progress").map((r) => r.on_date),
    today,
  });
}

/**
 * `GET /projects/{code}/obligations`: what is due for the unit now: the reports it may make, the next progress
 * report and any overdue, the 核准 validity with its extension window, the filed project's 2-year explanation.
 */
export async function obligations(ctx: MonitoringContext, user: AuthUser, code: string) {
  const p = await projectOr404(ctx, user, code);
  const today = cstDate();
  const reports = await repo.reportsOf(ctx.db, p.id);
  const frequency = await frequencyOf(ctx.db, p.region_code);
  const schedule = scheduleOf(ctx, reports, frequency, today);
  const pending = schedule.filter((s) => s.state !== "covered");
  const started = reports.some((r) => r.kind === "start");

  let validity = null;
  if (p.approval_category === "verification" && p.decision_on) {
    const ext = await repo.extensionOf(ctx.db, p.id);
    const record = extensionRecord(ext);
    const v = validityOf(ctx.calendar, p.decision_on, record);
    const lapse = lapseState(ctx.calendar, { decisionOn: p.decision_on, started, extension: record, today });
    const live = !started && !["lapsed", "withdrawn", "superseded"].includes(p.status);
    const department = await repo.decidingDepartment(ctx.db, p.id);
    validity = {
      decisionOn: p.decision_on,
      nominalExpiresOn: v.nominalExpiresOn,
      expiresOn: v.expiresOn,
      unavailableYear: v.unavailableYear,
      extensionApplyBy: v.extensionApplyBy,
      canApplyForExtension: live && record === null && v.extensionApplyBy !== null && today <= v.extensionApplyBy,
      lapsesOn: lapse.lapsesOn,
      ...(department ? { department: department.department } : {}),
      ...(ext
        ? {
            extension: {
              id: ext.id,
              status: ext.status,
              months: ext.months,
              reason: ext.reason,
              appliedOn: ext.applied_on,
              decisionDueOn: ext.decision_due_on,
              decidedOn: ext.decided_on,
              opinion: ext.opinion,
              canDecide: ext.status === "pending" && user.organisation.id === ext.department_id && user.permissions.includes("cases:handle"),
            },
          }
        : {}),
    };
  }

  let dormancy = null;
  if (p.approval_category === "filing" && !started) {
    const explanation = await repo.explanationOf(ctx.db, p.id);
    const reminder = (await repo.remindersOf(ctx.db, p.id)).find((r) => r.kind === "dormancy_reminder");
    const d = dormancyState(ctx.calendar, {
      filedOn: cstDate(p.declared_at),
      firstActivityOn: await repo.firstActivityOn(ctx.db, p.id),
      explainedOn: explanation?.explained_on ?? null,
      remindedOn: reminder?.raised_on ?? null,
      today,
      graceWorkingDays: ctx.graceWorkingDays,
    });
    dormancy = {
      ...d,
      delisted: p.delisted_at !== null,
      canExplain: p.status === "filed" && (d.phase === "explanation_due" || d.phase === "reminded" || d.phase === "delisting_due"),
      ...(explanation ? { explanation: { text: explanation.explanation, explainedOn: explanation.explained_on } } : {}),
    };
  }

  return {
    code: p.code,
    status: p.status,
    approvalCategory: p.approval_category,
    today,
    allowedReports: p.unit_organisation_id === user.organisation.id ? reportKindsFor(p.status as ProjectStatus, worksSuspended(reports)) : [],
    reportFrequency: frequency.frequency,
    progress: pending.map((s) => ({ from: s.from, to: s.to, dueDate: s.dueDate, remindFrom: s.remindFrom, state: s.state, unavailableYear: s.unavailableYear })),
    validity,
    dormancy,
  };
}
