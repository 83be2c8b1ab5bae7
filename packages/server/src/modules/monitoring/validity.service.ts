import { cstDate, now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { dormancyState } from "./filing-dormancy.js";
import * as repo from "./monitoring.repository.js";
import type { ReportFrequency } from "./report-schedule.js";
import { type MonitoringContext, extensionRecord, projectOr404 } from "./reports.service.js";
import { checkExtensionApplication, validityOf } from "./validity-rules.js";

const NOT_APPLICABLE = () => new DomainError("VALIDITY_EXTENSION_NOT_APPLICABLE");

/**
 * 申请延期开工 (条例 第十二条): the unit of an unstarted 核准 project applies, at least 30 working days before the
 * decision's validity ends, once, for at most 12 months; the department that took the decision is told and must
 * decide within 20 working days.
 */
export async function applyForExtension(ctx: MonitoringContext, user: AuthUser, code: string, input: { months: number; reason: string }, actor: AuditActor) {
  const found = await projectOr404(ctx, user, code);
  if (found.approval_category !== "verification" || !found.decision_on) throw NOT_APPLICABLE();
  return ctx.db.transaction().execute(async (tx) => {
    const p = await repo.lockProject(tx, found.id);
    if (!["in_approval", "approved", "suspended"].includes(p.status) || !p.decision_on) throw NOT_APPLICABLE();
    const started = (await repo.reportsOf(tx, p.id)).some((r) => r.kind === "start");
    const previous = extensionRecord(await repo.extensionOf(tx, p.id));
    const today = cstDate();
    const check = checkExtensionApplication(ctx.calendar, { decisionOn: p.decision_on, appliedOn: today, months: input.months, started, previous });
    if (!check.ok) {
      switch (check.reason) {
        case "started":
          throw NOT_APPLICABLE();
        case "already_applied":
          throw new DomainError("VALIDITY_EXTENSION_ALREADY_APPLIED");
        case "months_out_of_range":
          throw new DomainError("VALIDATION_FAILED", { fields: [{ path: "months", message: "延期期限为1至12个月（最长不超过1年）", messageEn: "1 to 12 months (at most 1 year)" }] });
        case "too_late":
          throw new DomainError("VALIDITY_EXTENSION_TOO_LATE", {
            fields: [{ path: "appliedOn", message: `最迟应于 ${check.validity.extensionApplyBy} 申请（有效期至 ${check.validity.expiresOn}）`, messageEn: `The last day to apply was ${check.validity.extensionApplyBy} (valid until ${check.validity.expiresOn})` }],
          });
        case "calendar_unavailable":
          throw new DomainError("CALENDAR_YEAR_UNAVAILABLE", {
            fields: [{ path: "appliedOn", message: `${check.unavailableYear}年尚无国务院办公厅节假日安排数据，暂不能计算申请期限`, messageEn: `No official holiday arrangement is loaded for ${check.unavailableYear}; the window cannot be computed yet` }],
          });
      }
    }
    const department = await repo.decidingDepartment(tx, p.id);
    if (!department) throw NOT_APPLICABLE();
    const at = now();
    const inserted = await repo.insertExtension(tx, {
      project_id: p.id, department_id: department.department_id, months: input.months, reason: input.reason, applied_on: today, applied_by: user.id,
      applied_at: at, decision_due_on: check.decisionDueOn, status: "pending",
    });
    if (!inserted) throw new DomainError("VALIDITY_EXTENSION_ALREADY_APPLIED");
    const handlers = (await repo.departmentHandlers(tx, department.department_id)).map((u) => u.id);
    await repo.messageUsers(tx, handlers, {
      kind: "project.extension_applied",
      subject: p.code,
      title: `延期开工申请：${p.name}`,
      title_en: `Extension of the start applied for: ${p.code}`,
      body: `项目 ${p.code} 申请延期开工 ${input.months} 个月，请于 ${check.decisionDueOn} 前作出决定。理由：${input.reason}`,
      body_en: `Project ${p.code} applies to postpone its start by ${input.months} months; decide by ${check.decisionDueOn}.`,
      created_at: at,
    });
    await recordAudit(tx, {
      type: "project.extension_applied",
      actor,
      subject: p.code,
      regionCode: p.region_code,
      payload: { code: p.code, extensionId: inserted.id, months: input.months, appliedOn: today, decisionDueOn: check.decisionDueOn, expiresOn: check.validity.expiresOn ?? "" },
    });
    return { id: inserted.id, status: "pending" as const, months: input.months, appliedOn: today, decisionDueOn: check.decisionDueOn };
  });
}

/** The deciding department approves (possibly fewer months) or refuses; a decision after the 20 working days is recorded as late. */
export async function decideExtension(
  ctx: MonitoringContext,
  user: AuthUser,
  code: string,
  input: { decision: "approve" | "refuse"; opinion: string; months?: number | undefined },
  actor: AuditActor,
) {
  const found = await projectOr404(ctx, user, code);
  return ctx.db.transaction().execute(async (tx) => {
    const p = await repo.lockProject(tx, found.id);
    const ext = await repo.extensionOf(tx, p.id);
    if (!ext || ext.status !== "pending") throw new DomainError("VALIDITY_EXTENSION_NOT_PENDING");
    if (ext.department_id !== user.organisation.id) throw new DomainError("VALIDITY_EXTENSION_NOT_DECIDER");
    const months = input.decision === "approve" ? (input.months ?? ext.months) : ext.months;
    if (months > ext.months) {
      throw new DomainError("VALIDATION_FAILED", { fields: [{ path: "months", message: `不得超过申请的 ${ext.months} 个月`, messageEn: `At most the ${ext.months} months applied for` }] });
    }
    const today = cstDate();
    const at = now();
    const status: "approved" | "refused" = input.decision === "approve" ? "approved" : "refused";
    await repo.decideExtension(tx, ext.id, { status, months, decided_on: today, decided_by: user.id, decided_at: at, opinion: input.opinion });
    const validity = validityOf(ctx.calendar, p.decision_on ?? ext.applied_on, { status, months, appliedOn: ext.applied_on, decidedOn: today });
    const until = validity.expiresOn ?? validity.nominalExpiresOn;
    await repo.messageUnit(tx, {
      organisation_id: p.unit_organisation_id,
      kind: `project.extension_${status}`,
      subject: p.code,
      title: status === "approved" ? `延期开工申请已同意：${p.name}` : `延期开工申请未获同意：${p.name}`,
      title_en: status === "approved" ? `Extension granted: ${p.code}` : `Extension refused: ${p.code}`,
      body: status === "approved" ? `同意延期 ${months} 个月，核准文件有效期至 ${until}。意见：${input.opinion}` : `意见：${input.opinion}`,
      body_en: status === "approved" ? `Extended by ${months} months; valid until ${until}.` : `Opinion: ${input.opinion}`,
      created_at: at,
    });
    await recordAudit(tx, {
      type: "project.extension_decided",
      actor,
      subject: p.code,
      regionCode: p.region_code,
      payload: { code: p.code, extensionId: ext.id, decision: input.decision, months, decidedOn: today, late: today > ext.decision_due_on, expiresOn: validity.expiresOn },
    });
    return { id: ext.id, status, months, decidedOn: today, expiresOn: validity.expiresOn, nominalExpiresOn: validity.nominalExpiresOn };
  });
}

/** `GET /monitoring/extensions`: the caller department's 延期开工 applications, with whether each decision is late. */
export async function listDepartmentExtensions(ctx: MonitoringContext, user: AuthUser, status: "pending" | "approved" | "refused" | undefined) {
  const today = cstDate();
  const rows = await repo.extensionsOfDepartment(ctx.db, user.organisation.id, status);
  return {
    items: rows.map((r) => ({
      id: r.id, projectCode: r.code, projectName: r.name, decisionOn: r.decision_on, status: r.status, months: r.months, reason: r.reason,
      appliedOn: r.applied_on, decisionDueOn: r.decision_due_on, decidedOn: r.decided_on, opinion: r.opinion,
      overdue: r.status === "pending" ? today > r.decision_due_on : (r.decided_on ?? "") > r.decision_due_on,
    })),
  };
}

/** 令2018年第14号 第十五条: the unit of a filed project that neither started nor progressed in 2 years explains online. */
export async function explainDormancy(ctx: MonitoringContext, user: AuthUser, code: string, input: { explanation: string }, actor: AuditActor) {
  const found = await projectOr404(ctx, user, code);
  if (found.approval_category !== "filing") throw new DomainError("DORMANCY_EXPLANATION_NOT_DUE");
  return ctx.db.transaction().execute(async (tx) => {
    const p = await repo.lockProject(tx, found.id);
    if (p.status !== "filed") throw new DomainError("DORMANCY_EXPLANATION_NOT_DUE");
    const today = cstDate();
    const reminder = (await repo.remindersOf(tx, p.id)).find((r) => r.kind === "dormancy_reminder");
    const state = dormancyState(ctx.calendar, {
      filedOn: cstDate(p.declared_at),
      firstActivityOn: await repo.firstActivityOn(tx, p.id),
      explainedOn: (await repo.explanationOf(tx, p.id))?.explained_on ?? null,
      remindedOn: reminder?.raised_on ?? null,
      today,
      graceWorkingDays: ctx.graceWorkingDays,
    });
    if (!["explanation_due", "reminded", "delisting_due"].includes(state.phase) || !state.periodEndsOn) throw new DomainError("DORMANCY_EXPLANATION_NOT_DUE");
    const at = now();
    const inserted = await repo.insertExplanation(tx, { project_id: p.id, period_ends_on: state.periodEndsOn, explanation: input.explanation, explained_on: today, explained_by: user.id, explained_at: at });
    if (!inserted) throw new DomainError("DORMANCY_EXPLANATION_NOT_DUE");
    await recordAudit(tx, { type: "project.dormancy_explained", actor, subject: p.code, regionCode: p.region_code, payload: { code: p.code, periodEndsOn: state.periodEndsOn, explainedOn: today } });
    return { code: p.code, periodEndsOn: state.periodEndsOn, explainedOn: today };
  });
}

/** 进度报送频次 per region (Art. 24), set by the comprehensive management department. */
export async function setFrequency(ctx: MonitoringContext, user: AuthUser, regionCode: string, input: { frequency: ReportFrequency; dueDay: number }, actor: AuditActor) {
  if (user.organisation.kind !== "comprehensive") throw new DomainError("REPORT_FREQUENCY_NOT_ALLOWED");
  if (!regionCode.startsWith(user.scope.regionPrefix)) throw new DomainError("REPORT_FREQUENCY_NOT_ALLOWED");
  return ctx.db.transaction().execute(async (tx) => {
    await repo.upsertFrequency(tx, { region_code: regionCode, frequency: input.frequency, due_day: input.dueDay, updated_by: user.id, updated_at: now() });
    await recordAudit(tx, { type: "monitoring.frequency_set", actor, regionCode, payload: { regionCode, frequency: input.frequency, dueDay: input.dueDay } });
    return { regionCode, frequency: input.frequency, dueDay: input.dueDay };
  });
}

export async function listFrequencies(ctx: MonitoringContext) {
  const rows = await repo.listFrequencies(ctx.db);
  return { items: rows.map((r) => ({ regionCode: r.region_code, frequency: r.frequency, dueDay: r.due_day, updatedAt: r.updated_at.toISOString() })) };
}
