import { CASE_STATUS_LABELS, type CaseActor, type CaseEventType, type CaseStatus, allowedCaseEvents, applyCaseEvent } from "@tzxm/shared";
import type { Kysely, Transaction } from "kysely";
import type { DataScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { cstDate, now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { verifyCode } from "../projects/verification.service.js";
import type { WorkingDayCalendar } from "../reference/calendar.js";
import { clockOf, explainCaseClock, limitsOf, presentClock } from "./case-clock.js";
import { messagesForStep } from "./case-messages.js";
import * as repo from "./cases.repository.js";

export interface CasesContext {
  db: Kysely<DB>;
  calendar: WorkingDayCalendar;
  warnDays: number;
  /**
   * When a step counts as recorded (`recorded_at`, what 电子监察 judges a late report by): now, except for the demo's
   * sample history (src/demo), whose backdated steps stand for reports made at the time.
   */
  recordedAt?: (stepAt: Date) => Date;
}

/** Who takes a step: a signed-in user, or a department's business system holding an API key. */
export type StepActor =
  | { kind: "user"; user: AuthUser; audit: AuditActor }
  | { kind: "api_key"; keyId: number; name: string; organisationId: number; audit: AuditActor };

export type StepInput =
  | { type: "submit" | "receive" | "accept" | "resume"; at?: string | undefined }
  | { type: "refuse" | "send_back" | "withdraw"; reason: string; at?: string | undefined }
  | { type: "transfer"; reason: string; toDepartmentId?: number | undefined; toOfficerId?: number | undefined; at?: string | undefined }
  | { type: "pause"; reasonClass: string; reason: string; expectedWorkingDays?: number | undefined; at?: string | undefined }
  | { type: "extend"; workingDays: number; reason: string; at?: string | undefined }
  | { type: "complete"; result: "granted" | "denied"; opinion: string; documentNumber: string; documentTitle: string; at?: string | undefined };

/** Acceptance inputs whose project code was verified by takeStep just before its transaction. */
const verifiedFor = new WeakSet<StepInput>();

/** Completions decided by a sign-off round (会签/或签), which a matter that asks for one requires. */
const signedOff = new WeakSet<StepInput>();
export function markSignedOff<T extends StepInput>(input: T): T {
  signedOff.add(input);
  return input;
}

/** A reported step may be a little ahead of our clock (another system's clock); more than this is refused. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** The role a step is taken in on this case, or null when the actor has nothing to do with it. */
function caseActorOf(actor: StepActor, c: repo.CaseRow): CaseActor | null {
  if (actor.kind === "api_key") return actor.organisationId === c.department_id ? "department_system" : null;
  return userRoleOnCase(actor.user, c);
}

/** The part a signed-in user plays on a case: its unit, its handling department's officer or leader, or none. */
export function userRoleOnCase(u: AuthUser, c: Pick<repo.CaseRow, "unit_organisation_id" | "department_id">): CaseActor | null {
  if (u.role === "project_unit") return u.organisation.id === c.unit_organisation_id ? "unit" : null;
  if ((u.role === "officer" || u.role === "leader") && u.organisation.id === c.department_id) return u.role;
  return null;
}

function stepTime(input: StepInput, previous: Date | null): Date {
  const at = input.at ? new Date(input.at) : now();
  const field = [{ path: "at", message: "环节发生时间不得晚于当前时间，也不得早于上一环节", messageEn: "Neither in the future nor before the previous step" }];
  if (Number.isNaN(at.getTime())) throw new DomainError("VALIDATION_FAILED", { fields: field });
  if (at.getTime() > now().getTime() + CLOCK_SKEW_MS || (previous && at < previous)) throw new DomainError("CASE_STEP_TIME_INVALID", { fields: field });
  return at;
}

const CODE_REASON_ZH: Record<string, string> = {
  PROJECT_SUPERSEDED: "该代码已因重大变更被新代码取代",
  PROJECT_WITHDRAWN: "项目已撤回",
  PROJECT_LAPSED: "项目已失效",
  PROJECT_NOT_FOUND: "代码不存在",
  PROJECT_CODE_INVALID: "代码格式或校验位错误",
};

/** Acceptance first verifies the project code (Art. 14(2)); the verification is recorded even when it fails. */
async function verifyForAcceptance(ctx: CasesContext, actor: StepActor, c: repo.CaseRow) {
  const user = actor.kind === "user" ? actor.user : undefined;
  const result = await verifyCode(ctx.db, user, { code: c.project_code, purpose: "acceptance" }, actor.audit);
  if (!result.valid) {
    const reason = result.reason ?? "PROJECT_CODE_INVALID";
    throw new DomainError("PROJECT_CODE_INVALID", {
      message: `项目代码核验未通过，不予受理：${CODE_REASON_ZH[reason] ?? reason}`,
      messageEn: `The project code failed verification (${reason}); the case cannot be accepted`,
      fields: [{ path: "projectCode", message: CODE_REASON_ZH[reason] ?? reason, messageEn: reason }],
    });
  }
}

async function requireMaterials(tx: Transaction<DB>, c: repo.CaseRow) {
  if (c.guide_id === null) return;
  const guide = await repo.guideMaterials(tx, c.guide_id);
  const materials = (guide?.materials ?? []) as { code: string; name: string; required: boolean; heldByPlatform: boolean }[];
  const have = new Set((await repo.currentMaterialCodes(tx, c.id)).map((r) => r.material_code));
  const missing = materials.filter((m) => m.required && !m.heldByPlatform && !have.has(m.code));
  if (missing.length > 0) {
    throw new DomainError("MATERIALS_INCOMPLETE", {
      fields: missing.map((m) => ({ path: `materials.${m.code}`, message: `缺少：${m.name}`, messageEn: `Missing: ${m.code}` })),
    });
  }
}

/** Fields the step sets on the case besides its status; guards that need the database. */
async function effectsOf(tx: Transaction<DB>, input: StepInput, c: repo.CaseRow, actor: StepActor, at: Date) {
  const set: Parameters<typeof repo.updateCase>[2] = {};
  const details: Record<string, unknown> = {};
  switch (input.type) {
    case "submit":
      await requireMaterials(tx, c);
      set.submitted_at = at;
      break;
    case "receive":
      set.submitted_at = at;
      break;
    case "accept": {
      const limits = limitsOf(c);
      set.accepted_at = at;
      set.statutory_days = limits.statutory?.days ?? null;
      set.statutory_unit = limits.statutory?.unit ?? null;
      set.promised_days = limits.promisedWorkingDays;
      if (actor.kind === "user" && actor.user.role === "officer") set.officer_id = actor.user.id;
      break;
    }
    case "refuse":
      set.closed_at = at;
      details.reason = input.reason;
      break;
    case "withdraw": {
      set.closed_at = at;
      details.reason = input.reason;
      const cancelled = await repo.cancelOpenCommissions(tx, c.id, actor.kind === "user" ? actor.user.id : null, at, `办件已撤回：${input.reason}`);
      if (cancelled.length > 0) details.cancelledCommissions = cancelled.map((k) => k.id);
      break;
    }
    case "send_back":
      set.submitted_at = null;
      details.reason = input.reason;
      break;
    case "transfer": {
      details.reason = input.reason;
      if (input.toDepartmentId !== undefined) {
        const org = await repo.organisationById(tx, input.toDepartmentId);
        if (!org || !["comprehensive", "application"].includes(org.kind)) {
          throw new DomainError("VALIDATION_FAILED", { fields: [{ path: "toDepartmentId", message: "应为审批部门", messageEn: "Must be an approving department" }] });
        }
        set.department_id = org.id;
        set.officer_id = null;
        details.toDepartment = org.name;
      } else if (input.toOfficerId !== undefined) {
        const officer = await repo.userInOrganisation(tx, input.toOfficerId, c.department_id);
        if (!officer || (officer.role !== "officer" && officer.role !== "leader")) {
          throw new DomainError("VALIDATION_FAILED", { fields: [{ path: "toOfficerId", message: "应为本部门经办人", messageEn: "Must be an officer of the handling department" }] });
        }
        set.officer_id = officer.id;
        details.toOfficer = officer.display_name;
      } else {
        throw new DomainError("VALIDATION_FAILED", { fields: [{ path: "toDepartmentId", message: "请指定转办部门或经办人", messageEn: "Name the department or officer" }] });
      }
      break;
    }
    case "pause":
      if (!c.pause_reason_classes.includes(input.reasonClass)) {
        throw new DomainError("PAUSE_REASON_NOT_ALLOWED", {
          fields: [{ path: "reasonClass", message: `本事项可中止计时的情形：${c.pause_reason_classes.join("、")}`, messageEn: `Allowed: ${c.pause_reason_classes.join(", ")}` }],
        });
      }
      Object.assign(details, { reasonClass: input.reasonClass, reason: input.reason, ...(input.expectedWorkingDays ? { expectedWorkingDays: input.expectedWorkingDays } : {}) });
      break;
    case "extend": {
      const allowed = c.extendable_working_days ?? 0;
      if (c.extended_days + input.workingDays > allowed) {
        throw new DomainError("EXTENSION_NOT_ALLOWED", {
          fields: [{ path: "workingDays", message: `本事项法定最多可延长${allowed}个工作日，已延长${c.extended_days}个`, messageEn: `At most ${allowed} in all; ${c.extended_days} already` }],
        });
      }
      set.extended_days = c.extended_days + input.workingDays;
      Object.assign(details, { workingDays: input.workingDays, reason: input.reason });
      break;
    }
    case "complete":
      // A department's own system reports its own sign-off; on the platform the sign-off round decides.
      if (c.sign_off_mode !== "none" && actor.kind === "user" && !signedOff.has(input)) throw new DomainError("SIGN_OFF_REQUIRED");
      Object.assign(set, { closed_at: at, result: input.result, opinion: input.opinion, document_number: input.documentNumber, document_title: input.documentTitle });
      Object.assign(details, { result: input.result, opinion: input.opinion, documentNumber: input.documentNumber, documentTitle: input.documentTitle });
      break;
    case "resume":
      // A pause for an intermediary ends with its report, its refusal or the commission's cancellation.
      if (await repo.openCommissionOf(tx, c.id)) throw new DomainError("COMMISSION_OPEN");
      break;
  }
  return { set, details };
}

/** When every matter the project was told of is done, the project is approved (Art. 14: 办结告知). */
async function approveIfAllDone(tx: Transaction<DB>, c: repo.CaseRow, at: Date, actor: AuditActor) {
  const cases = await repo.statusesOfProjectCases(tx, c.project_id);
  const allDone = cases.every((x) => x.status === "completed" || x.status === "withdrawn") && cases.some((x) => x.status === "completed");
  if (!allDone || !["declared", "in_approval", "filed"].includes(c.project_status)) return false;
  await repo.setProjectStatus(tx, c.project_id, "approved", at);
  const completed = cases.filter((x) => x.status === "completed").length;
  await repo.insertMessages(tx, [
    {
      user_id: null,
      organisation_id: c.unit_organisation_id,
      kind: "project.approved",
      subject: c.project_code,
      title: `项目全部审批事项已办结：${c.project_name}`,
      title_en: `All matters of the project are complete: ${c.project_code}`,
      body: `项目代码 ${c.project_code} 的 ${completed} 项应办事项已全部办结，可下载办结告知书。`,
      body_en: `All ${completed} matters of ${c.project_code} are complete; the completion notice can be downloaded.`,
      created_at: at,
    },
  ]);
  await recordAudit(tx, { type: "project.approved", actor, subject: c.project_code, regionCode: c.region_code, payload: { code: c.project_code, matters: completed } });
  return true;
}

/**
 * Takes one step of a case (spec §6 `POST /cases/{caseId}/events`; the workbench and the unit's pages call the
 * same): checks who may take it and when, records it, recomputes the clock, tells the unit (Art. 14(3)) and
 * writes the audit event, all in one transaction.
 */
export async function takeStep(ctx: CasesContext, actor: StepActor, caseId: string, input: StepInput) {
  const preview = await repo.findCase(ctx.db, caseId);
  if (!preview || caseActorOf(actor, preview) === null) throw new DomainError("CASE_NOT_FOUND");
  if (input.type === "accept" && preview.status === "submitted") {
    await verifyForAcceptance(ctx, actor, preview);
    verifiedFor.add(input);
  }

  return ctx.db.transaction().execute((tx) => applyStep(ctx, tx, actor, caseId, input));
}

/**
 * The step inside the caller's transaction, for use cases that take a step as part of their own change (a
 * commission to an intermediary pauses the case in the same transaction). Acceptance must go through
 * `takeStep`, which verifies the project code first.
 */
export async function applyStep(ctx: CasesContext, tx: Transaction<DB>, actor: StepActor, caseId: string, input: StepInput) {
  const c = await repo.findCaseForUpdate(tx, caseId);
  if (!c) throw new DomainError("CASE_NOT_FOUND");
  if (input.type === "accept" && c.status === "submitted" && !verifiedFor.has(input)) throw new Error("acceptance must go through takeStep (code verification)");
  const role = caseActorOf(actor, c);
  if (role === null) throw new DomainError("CASE_NOT_FOUND");
  const before = c.status as CaseStatus;
  const transition = applyCaseEvent(before, input.type, role);
  if (!transition.ok) {
    if (transition.reason === "actor") throw new DomainError("CASE_ACTOR_NOT_ALLOWED");
    throw new DomainError("CASE_STEP_NOT_ALLOWED", {
      message: `办件当前状态为「${CASE_STATUS_LABELS[before].zh}」，该环节仅可在「${transition.allowedFrom.map((s) => CASE_STATUS_LABELS[s].zh).join("、")}」状态下办理`,
      messageEn: `The case is ${before}; this step is allowed only from ${transition.allowedFrom.join(", ")}`,
    });
  }
  const at = stepTime(input, c.last_step_at);
  const { set, details } = await effectsOf(tx, input, c, actor, at);
  const events = await repo.eventsOfCase(tx, caseId);
  const recordedAt = ctx.recordedAt?.(at) ?? now();
  const actorLabel = actor.kind === "user" ? actor.user.displayName : `接口:${actor.name}`;
  const newEvent = { case_id: caseId, seq: events.length + 1, type: input.type, at, on_date: cstDate(at), recorded_at: recordedAt, actor_kind: role, actor_user_id: actor.kind === "user" ? actor.user.id : null, api_key_id: actor.kind === "api_key" ? actor.keyId : null, actor_label: actorLabel, status_after: transition.next, body: details };
  await repo.insertEvent(tx, newEvent);

  const updated = { ...c, ...set, status: transition.next };
  const clock = clockOf(ctx.calendar, updated as repo.CaseRow, [...events, newEvent], cstDate(), ctx.warnDays);
  await repo.updateCase(tx, caseId, {
    ...set,
    status: transition.next,
    last_step_at: at,
    due_date: clock.governing?.dueDate ?? null,
    remaining_days: clock.governing?.remainingDays ?? null,
    warning: clock.governing?.warning ?? "none",
    calendar_version: ctx.calendar.version,
  });
  if (input.type === "accept" && c.project_status === "declared") await repo.setProjectStatus(tx, c.project_id, "in_approval", at);
  await repo.insertMessages(tx, messagesForStep(input.type, updated as repo.CaseRow, details, recordedAt, role === "unit"));
  await recordAudit(tx, {
    type: "case.step_taken",
    actor: actor.audit,
    subject: c.project_code,
    regionCode: c.region_code,
    payload: { caseId, matterCode: c.matter_code, step: input.type, statusBefore: before, statusAfter: transition.next, at: at.toISOString(), reportedLate: input.at !== undefined && recordedAt.getTime() - at.getTime() > CLOCK_SKEW_MS, details },
  });
  if (input.type === "complete" && input.result === "granted" && c.decides_project) await repo.setProjectDecisionOn(tx, c.project_id, newEvent.on_date);
  if (input.type === "complete" || input.type === "withdraw") await approveIfAllDone(tx, { ...c, status: transition.next }, at, actor.audit);
  return caseView(ctx, tx, caseId, role);
}

/** Whether the viewer may see the case: the owning unit, the handling department, anyone whose scope holds the project. */
function visible(c: repo.CaseRow, scope: DataScope | null, departmentId: number | null): boolean {
  if (departmentId !== null && departmentId === c.department_id) return true;
  if (!scope) return false;
  if (scope.organisationId !== undefined && scope.organisationId !== c.unit_organisation_id) return false;
  return c.region_code.startsWith(scope.regionPrefix);
}

export async function caseView(ctx: CasesContext, db: Kysely<DB> | Transaction<DB>, caseId: string, viewerRole: CaseActor | null) {
  const c = await repo.findCase(db, caseId);
  if (!c) throw new DomainError("CASE_NOT_FOUND");
  return presentCase(ctx, c, await repo.eventsOfCase(db, caseId), viewerRole);
}

function presentCase(ctx: CasesContext, c: repo.CaseRow, events: repo.CaseEventRow[], viewerRole: CaseActor | null) {
  const state = clockOf(ctx.calendar, c, events, cstDate(), ctx.warnDays);
  const accepted = events.find((e) => e.type === "accept");
  const completed = events.find((e) => e.type === "complete");
  return {
    caseId: c.id,
    projectCode: c.project_code,
    projectName: c.project_name,
    matterCode: c.matter_code,
    matterName: c.matter_name,
    stage: c.stage,
    department: c.department,
    departmentId: c.department_id,
    status: c.status,
    ...(accepted ? { acceptedOn: accepted.on_date } : {}),
    ...(completed ? { completedOn: completed.on_date } : {}),
    ...(c.result ? { result: c.result } : {}),
    ...(c.document_number ? { documentNumber: c.document_number } : {}),
    ...(c.document_title ? { documentTitle: c.document_title } : {}),
    ...(c.opinion ? { opinion: c.opinion } : {}),
    ...(c.document_sm3 && c.document_file_name ? { document: { fileName: c.document_file_name, size: c.document_size, sm3: c.document_sm3 } } : {}),
    pauseReasonClasses: c.pause_reason_classes,
    /** 会签 (all) / 或签 (any) needed before completion, or none. */
    signOffMode: c.sign_off_mode,
    clock: presentClock(state, limitsOf(c)),
    events: events.map((e) => ({ seq: e.seq, type: e.type, at: e.at.toISOString(), on: e.on_date, actor: e.actor_label, actorKind: e.actor_kind, statusAfter: e.status_after, details: e.body as Record<string, unknown> })),
    allowedSteps: viewerRole ? allowedCaseEvents(c.status as CaseStatus, viewerRole) : [],
  };
}
export type CaseView = ReturnType<typeof presentCase>;

/** The case if the viewer may see it (CASE_NOT_FOUND otherwise, so that nothing tells it exists). */
async function visibleCase(ctx: CasesContext, viewer: StepActor, caseId: string) {
  const c = await repo.findCase(ctx.db, caseId);
  const scope = viewer.kind === "user" ? viewer.user.scope : null;
  const department = viewer.kind === "user" ? viewer.user.organisation.id : viewer.organisationId;
  if (!c || !visible(c, scope, department)) throw new DomainError("CASE_NOT_FOUND");
  return c;
}

/** `GET /cases/{caseId}` for a user (scope) or a department's system (its department only). */
export async function getCase(ctx: CasesContext, viewer: StepActor, caseId: string) {
  const c = await visibleCase(ctx, viewer, caseId);
  return presentCase(ctx, c, await repo.eventsOfCase(ctx.db, caseId), caseActorOf(viewer, c));
}

/** `GET /cases/{caseId}/clock`: the deadline explained day by day. */
export async function explainCase(ctx: CasesContext, viewer: StepActor, caseId: string) {
  const c = await visibleCase(ctx, viewer, caseId);
  const events = await repo.eventsOfCase(ctx.db, caseId);
  const today = cstDate();
  const { state, days } = explainCaseClock(ctx.calendar, c, events, today, ctx.warnDays);
  return { caseId, calendarVersion: ctx.calendar.version, today, clock: presentClock(state, limitsOf(c)), days };
}

export type { CaseEventType };
