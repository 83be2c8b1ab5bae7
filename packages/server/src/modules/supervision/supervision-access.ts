import type { Kysely, Transaction } from "kysely";
import { regionInScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { cstDate } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuthUser } from "../identity/request-user.js";
import { resolveCode } from "../projects/code-param.js";
import * as repo from "./supervision.repository.js";

/**
 * Who may supervise which project (监管范围). A department supervises the projects in its region and the ones it
 * approved (it handles a matter of them) wherever they lie; a supervisor everything in its region scope; a project
 * unit reads its own projects' supervision and answers their rectification orders. Region and owner conditions
 * come from `inScope` (db/data-scope.ts) in the repository; a project outside every rule does not exist for the
 * caller (404, nothing learnt).
 */

export function isSupervisor(user: AuthUser): boolean {
  return user.permissions.includes("supervision:manage");
}

/** The project as the caller may read it (units: their own; staff: region, or approved by their department). */
export async function readableProject(db: Kysely<DB>, user: AuthUser, code: string): Promise<repo.SupervisedProject> {
  const resolved = await resolveCode(db, code);
  const p = (await repo.projectInScope(db, user.scope, resolved)) ?? (isSupervisor(user) && user.role !== "supervisor" ? await repo.projectHandledBy(db, user.organisation.id, resolved) : undefined);
  if (!p) throw new DomainError("SUPERVISION_PROJECT_NOT_FOUND");
  return p;
}

/** The project for a supervision act by staff holding `supervision:manage`. */
export async function supervisedProject(db: Kysely<DB>, user: AuthUser, code: string): Promise<repo.SupervisedProject> {
  if (!isSupervisor(user)) throw new DomainError("SUPERVISION_PROJECT_NOT_FOUND");
  return readableProject(db, user, code);
}

/** Penalty decisions and the abnormal list are decided by a department's leader or a supervisor, not an officer. */
export function requireDecisionMaker(user: AuthUser) {
  if (!isSupervisor(user) || (user.role !== "leader" && user.role !== "supervisor")) throw new DomainError("SUPERVISION_DECISION_NOT_ALLOWED");
}

/**
 * Whether the user acts for the department on a record a department made: its own staff, or a supervisor whose
 * region holds the project (a supervisor follows up every department's orders in its region).
 */
export function actsForDepartment(user: AuthUser, record: { organisation_id: number; region_code: string }): boolean {
  if (!isSupervisor(user)) return false;
  if (user.organisation.id === record.organisation_id) return true;
  return user.role === "supervisor" && regionInScope(user.scope, record.region_code);
}

/** Reads in the viewer's scope; the issuing department also reads what it issued outside its region. */
export function canRead(user: AuthUser, record: { organisation_id: number; region_code: string; unit_organisation_id: number }): boolean {
  if (user.scope.organisationId !== undefined) return user.scope.organisationId === record.unit_organisation_id;
  return regionInScope(user.scope, record.region_code) || (isSupervisor(user) && user.organisation.id === record.organisation_id);
}

const dateField = (path: string, message: string, messageEn: string) => new DomainError("SUPERVISION_DATE_INVALID", { fields: [{ path, message, messageEn }] });

/** A business date that has happened (CST): not after today. */
export function notAfterToday(path: string, date: string) {
  if (date > cstDate()) throw dateField(path, "日期不得晚于今天", "May not be after today");
}

export function notBefore(path: string, date: string, earliest: string, zh: string, en: string) {
  if (date < earliest) throw dateField(path, zh, en);
}

export type Tx = Transaction<DB>;
