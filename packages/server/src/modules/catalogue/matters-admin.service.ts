import type { Kysely } from "kysely";
import { z } from "zod";
import { regionInScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { DomainError, type FieldProblem } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import * as repo from "./catalogue-admin.repository.js";
import { MATTER_KINDS, MATTER_STAGES, type MatterKind, type MatterStage, NO_STATUTORY_LIMIT, PAUSE_REASON_CLASSES, type PauseReasonClass } from "./catalogue-seed.js";

/**
 * 事项主数据管理 (versioned master data, issue 4): the comprehensive management department (综合管理部门) keeps the
 * matters' master data. Every change is a new matter_version with a reason; the versions before are kept, and a
 * project keeps the version it was told (matter_case.matter_version).
 */

/** The catalogue is kept by the comprehensive management department only (the permission alone is not enough). */
export function requireCatalogueManager(user: AuthUser): void {
  if (!keepsCatalogue(user)) throw new DomainError("CATALOGUE_NOT_COMPREHENSIVE");
}

const text = z.string().trim().min(1).max(500);
const days = z.number().int().positive().max(3650);

export const matterBodySchema = z.object({
  name: z.string().trim().min(1).max(200),
  departmentId: z.number().int().positive(),
  kind: z.enum(Object.keys(MATTER_KINDS) as [MatterKind, ...MatterKind[]]),
  stage: z.enum(Object.keys(MATTER_STAGES) as [MatterStage, ...MatterStage[]]),
  statutoryWorkingDays: days.nullable(),
  statutoryCalendarDays: days.nullable(),
  statutorySource: text,
  extendableWorkingDays: days.nullable(),
  extensionSource: text.nullable(),
  promisedWorkingDays: days,
  promisedSource: text,
  pauseReasonClasses: z.array(z.enum(Object.keys(PAUSE_REASON_CLASSES) as [PauseReasonClass, ...PauseReasonClass[]])).max(7),
  /** 会签 (all) / 或签 (any) before completion, as the guide asks; none by default. */
  signOffMode: z.enum(["none", "all", "any"]).default("none"),
  reason: text,
});
export type MatterBody = z.output<typeof matterBodySchema>;

/** The checks across fields, with the words for the unit of the form (the seed file is checked alike). */
export function masterProblems(b: MatterBody): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (b.statutoryWorkingDays !== null && b.statutoryCalendarDays !== null) {
    p.push({ path: "statutoryCalendarDays", message: "法定时限只能用一种单位（工作日或日）", messageEn: "Give the statutory limit in one unit only" });
  }
  if (b.statutoryWorkingDays === null && b.statutoryCalendarDays === null && !b.statutorySource.startsWith(NO_STATUTORY_LIMIT)) {
    p.push({ path: "statutorySource", message: `没有法定时限时，依据应以“${NO_STATUTORY_LIMIT}”开头`, messageEn: `Without a statutory limit the source starts with "${NO_STATUTORY_LIMIT}"` });
  }
  if (b.statutoryWorkingDays !== null && b.promisedWorkingDays > b.statutoryWorkingDays) {
    p.push({ path: "promisedWorkingDays", message: "承诺时限不得超过法定时限", messageEn: "The promised limit may not exceed the statutory one" });
  }
  if (b.statutoryCalendarDays !== null && b.promisedWorkingDays > Math.floor((b.statutoryCalendarDays * 5) / 7)) {
    p.push({ path: "promisedWorkingDays", message: "承诺时限可能超过以日计的法定时限", messageEn: "The promised limit may exceed the statutory calendar days" });
  }
  if ((b.extendableWorkingDays === null) !== (b.extensionSource === null)) {
    p.push({ path: "extensionSource", message: "延长时限与其依据须同时填写", messageEn: "An extension and its source come together" });
  }
  if (new Set(b.pauseReasonClasses).size !== b.pauseReasonClasses.length) {
    p.push({ path: "pauseReasonClasses", message: "暂停计时情形重复", messageEn: "A pause class is listed twice" });
  }
  return p;
}

const FIELD_NAMES: Record<repo.MasterColumn, string> = {
  name: "name",
  department_id: "departmentId",
  kind: "kind",
  stage: "stage",
  statutory_working_days: "statutoryWorkingDays",
  statutory_calendar_days: "statutoryCalendarDays",
  statutory_source: "statutorySource",
  extendable_working_days: "extendableWorkingDays",
  extension_source: "extensionSource",
  promised_working_days: "promisedWorkingDays",
  promised_source: "promisedSource",
  pause_reason_classes: "pauseReasonClasses",
  sign_off_mode: "signOffMode",
};

function columnsOf(b: MatterBody): repo.MasterData {
  return {
    name: b.name,
    department_id: b.departmentId,
    kind: b.kind,
    stage: b.stage,
    statutory_working_days: b.statutoryWorkingDays,
    statutory_calendar_days: b.statutoryCalendarDays,
    statutory_source: b.statutorySource,
    extendable_working_days: b.extendableWorkingDays,
    extension_source: b.extensionSource,
    promised_working_days: b.promisedWorkingDays,
    promised_source: b.promisedSource,
    pause_reason_classes: b.pauseReasonClasses,
    sign_off_mode: b.signOffMode,
  };
}

function masterView(r: repo.MasterData) {
  return {
    name: r.name,
    departmentId: Number(r.department_id),
    kind: r.kind,
    stage: r.stage,
    statutoryWorkingDays: r.statutory_working_days,
    statutoryCalendarDays: r.statutory_calendar_days,
    statutorySource: r.statutory_source,
    extendableWorkingDays: r.extendable_working_days,
    extensionSource: r.extension_source,
    promisedWorkingDays: r.promised_working_days,
    promisedSource: r.promised_source,
    pauseReasonClasses: r.pause_reason_classes,
    signOffMode: r.sign_off_mode,
  };
}
export type MatterMaster = ReturnType<typeof masterView>;

/** Whether the user's organisation keeps the catalogue; other holders of `catalogue:manage` only read it. */
export function keepsCatalogue(user: AuthUser): boolean {
  return user.organisation.kind === "comprehensive";
}

/** Read by any holder of `catalogue:manage`: an approving department sees the master data of the matters it handles. */
export async function listMatters(db: Kysely<DB>, user: AuthUser) {
  const [rows, departments] = await Promise.all([repo.allMatters(db), repo.departments(db, user.scope.regionPrefix)]);
  return {
    items: rows.map((r) => ({
      code: r.code,
      version: r.version,
      ...masterView(r),
      department: r.department,
      guideVersion: r.guide_version,
      activeRules: Number(r.active_rules ?? 0),
      updatedAt: r.updated_at.toISOString(),
      /** Within the caller's region: the master data of a matter of a department above it is not the caller's. */
      editable: keepsCatalogue(user) && regionInScope(user.scope, r.department_region),
    })),
    departments: departments.map((d) => ({ id: Number(d.id), name: d.name, kind: d.kind, regionCode: d.region_code })),
  };
}

export async function listMatterVersions(db: Kysely<DB>, _user: AuthUser, code: string) {
  const rows = await repo.matterVersions(db, code);
  if (rows.length === 0) throw new DomainError("NOT_FOUND");
  return {
    code,
    items: rows.map((r) => ({ version: r.version, changedAt: r.changed_at.toISOString(), changedBy: r.changed_by, reason: r.reason, department: r.department, ...masterView(r) })),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function changeMatter(db: Kysely<DB>, user: AuthUser, code: string, body: MatterBody, actor: AuditActor) {
  requireCatalogueManager(user);
  const problems = masterProblems(body);
  const department = await repo.organisationById(db, body.departmentId);
  if (!department || (department.kind !== "comprehensive" && department.kind !== "application")) {
    problems.push({ path: "departmentId", message: "办理部门应为本平台的审批部门或综合管理部门", messageEn: "The department must be an approving or comprehensive management department" });
  } else if (!regionInScope(user.scope, department.region_code)) {
    problems.push({ path: "departmentId", message: "办理部门不在本部门所辖地区内", messageEn: "The department lies outside your region" });
  }
  if (problems.length) throw new DomainError("VALIDATION_FAILED", { fields: problems });
  const at = now();
  return db.transaction().execute(async (tx) => {
    const current = await repo.matterForUpdate(tx, code);
    if (!current || !regionInScope(user.scope, current.department_region)) throw new DomainError("NOT_FOUND");
    const next = columnsOf(body);
    const changed = repo.MASTER_COLUMNS.filter((c) => !same(c === "department_id" ? Number(current[c]) : current[c], next[c]));
    if (changed.length === 0) throw new DomainError("CATALOGUE_UNCHANGED");
    const version = current.version + 1;
    await repo.saveMatterVersion(tx, code, version, next, user.id, at, body.reason);
    const changedFields = changed.map((c) => FIELD_NAMES[c]);
    await recordAudit(tx, {
      type: "matter.changed",
      actor,
      subject: code,
      payload: { matterCode: code, fromVersion: current.version, toVersion: version, changedFields, reason: body.reason },
    });
    return { code, version, changedFields };
  });
}
