import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { cstDate, now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { FileStore } from "../../platform/file-store.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import { type CasesContext, applyStep } from "../cases/cases.service.js";
import { type ClockEvent, computeClock } from "../cases/working-day-clock.js";
import type { AuthUser } from "../identity/request-user.js";
import { checkUpload, decodeFileName } from "../materials/material-rules.js";
import { refuseUpload } from "../materials/materials.service.js";
import { COMMISSION_STATUS_LABELS, type CommissionActor, type CommissionEvent, type CommissionStatus, allowedCommissionEvents, applyCommissionEvent } from "./commission.workflow.js";
import * as repo from "./commissions.repository.js";
import { actingForDepartment } from "./department-actor.js";

/**
 * 中介服务委托 (Art. 16; issue 5 point 5): a department commissions a registered intermediary on the platform for a
 * case it is handling; the case's clock stops while the intermediary works (行政许可法 第四十五条 lets such time
 * fall outside the limit where the matter's laws say so: the matter's pause classes must include `intermediary`);
 * the intermediary accepts (its own promised limit starts, counted in working days like a case) or declines, and
 * delivers its report; the department evaluates it. Each step is one transaction with its audit event, and the
 * case step it causes (pause, resume) is taken in the same transaction through the cases module's `applyStep`.
 * Supervisors read all of it in their region.
 */

export interface CommissionsContext extends CasesContext {
  files: FileStore;
}

const MB = 1024 * 1024;
/** Reports are documents: PDF, OFD or DOCX, at most 50 MB. */
export const REPORT_MAX_BYTES = 50 * MB;
const REPORT_RULE = { formats: ["pdf", "ofd", "docx"], maxSizeMb: 50 };

function visibilityOf(user: AuthUser): repo.CommissionVisibility {
  if (user.role === "intermediary") return { kind: "intermediary", organisationId: user.organisation.id };
  if (user.permissions.includes("commissions:manage")) return { kind: "department", departmentId: user.organisation.id };
  return { kind: "scope", scope: user.scope };
}

function actorOfCommission(user: AuthUser, c: { department_id: number; intermediary_organisation_id: number | null }): CommissionActor | null {
  if (user.role === "intermediary") return c.intermediary_organisation_id === user.organisation.id ? "intermediary" : null;
  if ((user.role === "officer" || user.role === "leader") && user.organisation.id === c.department_id) return "department";
  return null;
}

type ClockSource = { status: CommissionStatus; accepted_at: Date | null; delivered_at: Date | null; cancelled_at: Date | null; promised_working_days: number };

/** The intermediary's own clock: from acceptance to delivery (or cancellation), in working days, like a case's. */
export function commissionClock(ctx: Pick<CasesContext, "calendar" | "warnDays">, k: ClockSource, today = cstDate()) {
  if (!k.accepted_at) return { started: false, running: false, promisedWorkingDays: k.promised_working_days, usedWorkingDays: 0, remainingWorkingDays: k.promised_working_days, dueDate: null, overdue: false, warning: "none" as const };
  const events: ClockEvent[] = [{ type: "start", on: cstDate(k.accepted_at) }];
  const end = k.delivered_at ?? (k.status === "cancelled" ? k.cancelled_at : null);
  if (end) events.push({ type: "stop", on: cstDate(end) });
  const state = computeClock(ctx.calendar, { statutory: null, promisedWorkingDays: k.promised_working_days }, events, today, { warnDays: ctx.warnDays });
  const g = state.promised!;
  return { started: true, running: state.phase === "running", promisedWorkingDays: k.promised_working_days, usedWorkingDays: g.usedDays, remainingWorkingDays: g.remainingDays, dueDate: g.dueDate, overdue: g.overdue, warning: g.warning };
}

function view(ctx: CasesContext, user: AuthUser, k: NonNullable<repo.CommissionRow>) {
  const actor = actorOfCommission(user, k);
  return {
    id: k.id,
    caseId: k.case_id,
    caseStatus: k.case_status,
    projectCode: k.project_code,
    projectName: k.project_name,
    matterCode: k.matter_code,
    matterName: k.matter_name,
    departmentId: k.department_id,
    department: k.department_name,
    intermediaryId: k.intermediary_id,
    intermediary: k.intermediary_name,
    service: k.service,
    requirements: k.requirements,
    promisedWorkingDays: k.promised_working_days,
    status: k.status,
    commissionedBy: k.commissioned_by_name,
    commissionedAt: k.commissioned_at.toISOString(),
    acceptedAt: k.accepted_at?.toISOString() ?? null,
    declinedAt: k.declined_at?.toISOString() ?? null,
    declinedReason: k.declined_reason,
    deliveredAt: k.delivered_at?.toISOString() ?? null,
    report: k.report_sm3 ? { fileName: k.report_file_name ?? "", mediaType: k.report_media_type ?? "", size: Number(k.report_size), sm3: k.report_sm3 } : null,
    evaluation:
      k.evaluation_score !== null
        ? { score: k.evaluation_score, comment: k.evaluation_comment ?? "", evaluatedBy: k.evaluated_by_name ?? "", evaluatedAt: k.evaluated_at?.toISOString() ?? "" }
        : null,
    cancelledAt: k.cancelled_at?.toISOString() ?? null,
    cancelledReason: k.cancelled_reason,
    clock: commissionClock(ctx, k),
    allowedActions: allowedCommissionEvents(k.status, actor),
  };
}
export type CommissionView = ReturnType<typeof view>;

async function load(ctx: CasesContext, db: CasesContext["db"] | Transaction<DB>, user: AuthUser, id: number) {
  const k = await repo.commissionById(db, visibilityOf(user), id);
  if (!k) throw new DomainError("COMMISSION_NOT_FOUND");
  return view(ctx, user, k);
}

// --- Reads ----------------------------------------------------------------------------------------------------

export async function listCommissions(ctx: CasesContext, user: AuthUser, filter: repo.CommissionFilter) {
  const { items, total } = await repo.listCommissions(ctx.db, visibilityOf(user), filter);
  return { items: items.map((k) => view(ctx, user, k)), total, page: filter.page, pageSize: filter.pageSize };
}

export function getCommission(ctx: CasesContext, user: AuthUser, id: number) {
  return load(ctx, ctx.db, user, id);
}

export async function commissionsOfCase(ctx: CasesContext, user: AuthUser, caseId: string) {
  const { items } = await repo.listCommissions(ctx.db, visibilityOf(user), { caseId, page: 1, pageSize: 100 });
  return { caseId, items: items.map((k) => view(ctx, user, k)) };
}

/** The registered intermediaries a department may commission, with their services and promised limits. */
export async function commissionOptions(ctx: CasesContext) {
  const rows = await repo.commissionableIntermediaries(ctx.db);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, services: servicesOf(r.services) })) };
}

type Service = { service: string; promisedWorkingDays: number };
function servicesOf(raw: unknown): Service[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((s) => (s && typeof s.service === "string" && Number.isInteger(s.promisedWorkingDays) ? [{ service: s.service, promisedWorkingDays: s.promisedWorkingDays }] : []));
}

// --- Commissioning --------------------------------------------------------------------------------------------

export interface CommissionInput {
  intermediaryId: number;
  service: string;
  requirements: string;
}

const field = (path: string, message: string, messageEn: string) => ({ fields: [{ path, message, messageEn }] });

/** A department commissions an intermediary for its accepted case; the case's clock pauses in the same transaction. */
export async function commission(ctx: CasesContext, user: AuthUser, caseId: string, input: CommissionInput, audit: AuditActor): Promise<CommissionView> {
  return ctx.db.transaction().execute(async (tx) => {
    const c = await repo.caseForCommission(tx, caseId);
    if (!c || c.department_id !== user.organisation.id) throw new DomainError("CASE_NOT_FOUND");
    if (!c.pause_reason_classes.includes("intermediary")) {
      throw new DomainError("COMMISSION_PAUSE_NOT_ALLOWED", {
        message: `「${c.matter_name}」的办理时限不因中介服务中止（可中止计时的情形：${c.pause_reason_classes.join("、") || "无"}），不能委托中介服务`,
        messageEn: `The clock of ${c.matter_code} does not stop for intermediary services (allowed: ${c.pause_reason_classes.join(", ") || "none"})`,
      });
    }
    if (await repo.openCommissionOfCase(tx, caseId)) throw new DomainError("COMMISSION_ALREADY_OPEN");
    if (c.status !== "accepted") throw new DomainError("COMMISSION_CASE_NOT_ACCEPTED");
    const i = await repo.intermediaryForCommission(tx, input.intermediaryId);
    if (!i || i.status !== "active") throw new DomainError("INTERMEDIARY_NOT_AVAILABLE", field("intermediaryId", "该中介机构未登记或已暂停", "Not registered or suspended"));
    if (i.organisation_id === null) throw new DomainError("INTERMEDIARY_NOT_ON_PLATFORM", field("intermediaryId", "该中介机构尚未开通平台账号", "No platform accounts"));
    const offered = servicesOf(i.services).find((s) => s.service === input.service);
    if (!offered) {
      const list = servicesOf(i.services).map((s) => s.service);
      throw new DomainError("INTERMEDIARY_SERVICE_NOT_OFFERED", field("service", `该机构登记的服务：${list.join("、")}`, `Registered: ${list.join(", ")}`));
    }

    await applyStep(ctx, tx, { kind: "user", user, audit }, caseId, {
      type: "pause",
      reasonClass: "intermediary",
      reason: `委托中介服务：${offered.service}（${i.name}）`,
      expectedWorkingDays: offered.promisedWorkingDays,
    });
    const at = now();
    const id = await repo.insertCommission(tx, {
      case_id: caseId, intermediary_id: i.id, department_id: c.department_id, service: offered.service, requirements: input.requirements,
      promised_working_days: offered.promisedWorkingDays, commissioned_by: user.id, commissioned_at: at,
    });
    await repo.insertMessages(tx, [
      {
        user_id: null, organisation_id: i.organisation_id, kind: "commission.created", subject: String(id),
        title: `新的中介服务委托：${offered.service}`, title_en: `New commission: ${offered.service}`,
        body: `委托部门：${user.organisation.name}；项目 ${c.project_code}（${c.project_name}），事项「${c.matter_name}」；承诺时限 ${offered.promisedWorkingDays} 个工作日，自接受委托次日起计算。`,
        body_en: `From ${user.organisation.name}; project ${c.project_code}, matter ${c.matter_code}; ${offered.promisedWorkingDays} working days from the day after acceptance.`,
        created_at: at,
      },
    ]);
    await recordAudit(tx, {
      type: "commission.created", actor: audit, subject: c.project_code, regionCode: c.region_code,
      payload: { commissionId: id, caseId, intermediaryId: i.id, intermediary: i.name, service: offered.service, promisedWorkingDays: offered.promisedWorkingDays },
    });
    return load(ctx, tx, user, id);
  });
}

// --- Steps on a commission ------------------------------------------------------------------------------------

/** Locks the commission and checks the step against the workflow and who takes it (a stranger gets 404). */
async function lockFor(tx: Transaction<DB>, user: AuthUser, id: number, event: CommissionEvent) {
  const k = await repo.commissionForUpdate(tx, id);
  const actor = k ? actorOfCommission(user, k) : null;
  if (!k || !actor) throw new DomainError("COMMISSION_NOT_FOUND");
  const t = applyCommissionEvent(k.status, event, actor);
  if (!t.ok) {
    if (t.reason === "actor") throw new DomainError("COMMISSION_ACTOR_NOT_ALLOWED");
    throw new DomainError("COMMISSION_STEP_NOT_ALLOWED", {
      message: `委托当前状态为「${COMMISSION_STATUS_LABELS[k.status]}」，该操作仅可在「${t.allowedFrom.map((s) => COMMISSION_STATUS_LABELS[s]).join("、")}」状态下办理`,
      messageEn: `The commission is ${k.status}; this step is allowed only from ${t.allowedFrom.join(", ")}`,
    });
  }
  const c = await repo.caseForCommission(tx, k.case_id);
  if (!c) throw new DomainError("COMMISSION_NOT_FOUND");
  return { k, c, next: t.next, resumesCase: t.resumesCase };
}

/**
 * Starts the case's clock again when the commission ends, if the case is still paused for it (the department
 * may meanwhile have resumed or withdrawn it by hand; then there is nothing to resume and the step says so).
 * The step is the handling department's: the acting officer if the case is still theirs, else (an intermediary
 * acted, or the case was transferred meanwhile) taken in the name of the department now handling it.
 */
async function resumeCase(ctx: CasesContext, tx: Transaction<DB>, k: repo.LockedCommission, actor: { user?: AuthUser; why: string; audit: AuditActor }) {
  const c = await repo.caseStatus(tx, k.case_id);
  if (!c || c.status !== "paused" || (await repo.lastPauseClass(tx, k.case_id)) !== "intermediary") return false;
  const own = actor.user && actor.user.organisation.id === c.department_id ? actor.user : null;
  const stepActor = own ? { kind: "user" as const, user: own, audit: actor.audit } : await actingForDepartment(tx, c.department_id, k.commissioned_by, actor.why, actor.audit);
  await applyStep(ctx, tx, stepActor, k.case_id, { type: "resume" });
  return true;
}

function toDepartment(k: repo.LockedCommission, c: repo.CommissionCase, kind: string, zh: string, en: string, at: Date): repo.MessageRow {
  return {
    user_id: k.commissioned_by, organisation_id: null, kind, subject: String(k.id),
    title: `${k.intermediary_name}${zh}：${k.service}`, title_en: `${en}: ${k.service}`,
    body: `项目 ${c.project_code}（${c.project_name}），事项「${c.matter_name}」`, body_en: `Project ${c.project_code}, matter ${c.matter_code}`, created_at: at,
  };
}

function toIntermediary(k: repo.LockedCommission, c: repo.CommissionCase, kind: string, zh: string, en: string, at: Date): repo.MessageRow {
  return {
    user_id: null, organisation_id: k.intermediary_organisation_id, kind, subject: String(k.id),
    title: `中介服务委托${zh}：${k.service}`, title_en: `Commission ${en}: ${k.service}`,
    body: `项目 ${c.project_code}（${c.project_name}），事项「${c.matter_name}」`, body_en: `Project ${c.project_code}, matter ${c.matter_code}`, created_at: at,
  };
}

export async function accept(ctx: CasesContext, user: AuthUser, id: number, audit: AuditActor): Promise<CommissionView> {
  return ctx.db.transaction().execute(async (tx) => {
    const { k, c, next } = await lockFor(tx, user, id, "accept");
    const at = now();
    await repo.updateCommission(tx, id, { status: next, accepted_by: user.id, accepted_at: at });
    await repo.insertMessages(tx, [toDepartment(k, c, "commission.accepted", "已接受委托", "Accepted", at)]);
    await recordAudit(tx, { type: "commission.accepted", actor: audit, subject: c.project_code, regionCode: c.region_code, payload: { commissionId: id, caseId: k.case_id, intermediaryId: k.intermediary_id } });
    return load(ctx, tx, user, id);
  });
}

export async function decline(ctx: CasesContext, user: AuthUser, id: number, reason: string, audit: AuditActor): Promise<CommissionView> {
  return ctx.db.transaction().execute(async (tx) => {
    const { k, c, next } = await lockFor(tx, user, id, "decline");
    const at = now();
    await repo.updateCommission(tx, id, { status: next, declined_by: user.id, declined_at: at, declined_reason: reason });
    const caseResumed = await resumeCase(ctx, tx, k, { why: "中介机构拒绝委托，恢复计时", audit });
    await repo.insertMessages(tx, [toDepartment(k, c, "commission.declined", "拒绝了委托", "Declined", at)]);
    await recordAudit(tx, { type: "commission.declined", actor: audit, subject: c.project_code, regionCode: c.region_code, payload: { commissionId: id, caseId: k.case_id, intermediaryId: k.intermediary_id, reason, caseResumed } });
    return load(ctx, tx, user, id);
  });
}

export async function cancel(ctx: CasesContext, user: AuthUser, id: number, reason: string, audit: AuditActor): Promise<CommissionView> {
  return ctx.db.transaction().execute(async (tx) => {
    const { k, c, next } = await lockFor(tx, user, id, "cancel");
    const at = now();
    await repo.updateCommission(tx, id, { status: next, cancelled_by: user.id, cancelled_at: at, cancelled_reason: reason });
    const caseResumed = await resumeCase(ctx, tx, k, { user, why: "委托部门撤销中介服务委托，恢复计时", audit });
    await repo.insertMessages(tx, [toIntermediary(k, c, "commission.cancelled", "已撤销", "cancelled", at)]);
    await recordAudit(tx, { type: "commission.cancelled", actor: audit, subject: c.project_code, regionCode: c.region_code, payload: { commissionId: id, caseId: k.case_id, intermediaryId: k.intermediary_id, reason, caseResumed } });
    return load(ctx, tx, user, id);
  });
}

export async function evaluate(ctx: CasesContext, user: AuthUser, id: number, input: { score: number; comment: string }, audit: AuditActor): Promise<CommissionView> {
  return ctx.db.transaction().execute(async (tx) => {
    const { k, c, next } = await lockFor(tx, user, id, "evaluate");
    const at = now();
    await repo.updateCommission(tx, id, { status: next, evaluation_score: input.score, evaluation_comment: input.comment, evaluated_by: user.id, evaluated_at: at });
    await repo.insertMessages(tx, [toIntermediary(k, c, "commission.evaluated", "已评价", "evaluated", at)]);
    await recordAudit(tx, { type: "commission.evaluated", actor: audit, subject: c.project_code, regionCode: c.region_code, payload: { commissionId: id, caseId: k.case_id, intermediaryId: k.intermediary_id, score: input.score, comment: input.comment } });
    return load(ctx, tx, user, id);
  });
}

// --- The report -----------------------------------------------------------------------------------------------

/** The report's own wording for a wrong format; every other upload problem is answered as a material's. */
function checkReport(fileNameHeader: string | string[] | undefined, body: unknown) {
  const fileName = decodeFileName(fileNameHeader);
  if (fileName === null) refuseUpload({ code: "MATERIAL_FILE_NAME_INVALID" });
  if (!Buffer.isBuffer(body)) throw new DomainError("UNSUPPORTED_MEDIA_TYPE");
  const check = checkUpload(REPORT_RULE, fileName, body, REPORT_MAX_BYTES);
  if (check.ok) return { fileName, bytes: body, mediaType: check.mediaType };
  if (check.problem.code === "MATERIAL_FORMAT_NOT_ALLOWED") {
    throw new DomainError(check.problem.code, { message: "报告只接受 PDF、OFD 或 DOCX 格式", messageEn: "A report must be PDF, OFD or DOCX", ...field("file", "只接受 pdf、ofd、docx", "Only pdf, ofd, docx") });
  }
  refuseUpload(check.problem);
}

/**
 * The intermediary delivers its report: the bytes are stored first (content-addressed, a retry stores nothing
 * twice), then one transaction records the delivery, stops its clock, resumes the case's and writes the event
 * with the report's SM3 digest.
 */
export async function deliver(ctx: CommissionsContext, user: AuthUser, id: number, upload: { fileNameHeader: string | string[] | undefined; body: unknown }, audit: AuditActor): Promise<CommissionView> {
  const report = checkReport(upload.fileNameHeader, upload.body);
  // A stranger learns nothing from the check above; refuse before storing its bytes.
  const visible = await repo.commissionById(ctx.db, visibilityOf(user), id);
  if (!visible || actorOfCommission(user, visible) !== "intermediary") throw new DomainError("COMMISSION_NOT_FOUND");
  const stored = await ctx.files.put(report.bytes);
  return ctx.db.transaction().execute(async (tx) => {
    const { k, c, next } = await lockFor(tx, user, id, "deliver");
    const at = now();
    await repo.updateCommission(tx, id, {
      status: next, delivered_by: user.id, delivered_at: at, report_key: stored.key, report_file_name: report.fileName,
      report_media_type: report.mediaType, report_size: stored.size, report_sm3: stored.sm3,
    });
    const clock = commissionClock(ctx, { ...k, status: next, delivered_at: at });
    const caseResumed = await resumeCase(ctx, tx, k, { why: "中介服务报告已交付，恢复计时", audit });
    await repo.insertMessages(tx, [toDepartment(k, c, "commission.delivered", "已交付报告", "Report delivered", at)]);
    await recordAudit(tx, {
      type: "commission.delivered", actor: audit, subject: c.project_code, regionCode: c.region_code,
      payload: { commissionId: id, caseId: k.case_id, intermediaryId: k.intermediary_id, fileName: report.fileName, size: stored.size, sm3: stored.sm3, usedWorkingDays: clock.usedWorkingDays, overdue: clock.overdue, caseResumed },
    });
    return load(ctx, tx, user, id);
  });
}

/** The report for download, re-checked against its recorded digest before a byte goes out. */
export async function downloadReport(ctx: CommissionsContext, user: AuthUser, id: number, audit: AuditActor, log: (msg: string) => void) {
  const k = await repo.commissionById(ctx.db, visibilityOf(user), id);
  if (!k || !k.report_key || !k.report_sm3) throw new DomainError("COMMISSION_NOT_FOUND");
  const opened = k.report_key === k.report_sm3 ? await ctx.files.open(k.report_key) : null;
  const bytes = opened && opened.size === Number(k.report_size) ? await buffer(opened.stream) : null;
  if (opened && !bytes) opened.stream.destroy();
  const digest = bytes ? createHash("sm3").update(bytes).digest("hex") : null;
  if (!bytes || digest !== k.report_sm3) {
    log(`commission ${k.id}: report bytes missing or not matching (key ${k.report_key}, recorded ${k.report_sm3}, found ${digest ?? "none"})`);
    throw new DomainError("MATERIAL_FILE_CORRUPT");
  }
  await ctx.db.transaction().execute((tx) =>
    recordAudit(tx, { type: "commission.report_downloaded", actor: audit, subject: k.project_code, regionCode: k.region_code, payload: { commissionId: k.id, caseId: k.case_id, sm3: k.report_sm3! } }),
  );
  return { fileName: k.report_file_name ?? "report", mediaType: k.report_media_type ?? "application/octet-stream", sm3: k.report_sm3, bytes };
}
