import type { DepartmentKind, PlatformLevel, Role } from "@tzxm/shared";

/** Response shapes of the server API (interface specification v1 and the platform's own endpoints). */
export interface PlatformInfo {
  name: string;
  level: PlatformLevel;
  regionCode: string;
  regionName: string;
  demoMode: boolean;
  version: string;
}

export type OrganisationKind = DepartmentKind | "project_unit";

export interface SessionUser {
  id: number | string;
  username: string;
  displayName: string;
  role: Role;
  permissions: string[];
  organisation: { id: number | string; name: string; kind: OrganisationKind; regionCode: string; regionName: string };
  secondFactorEnrolled: boolean;
  mustEnrolSecondFactor: boolean;
  /** Not in the contract yet; shown when the server sends it. */
  lastSignInAt?: string | null;
}

export interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface CodeCheck {
  code: string;
  format: "current" | "legacy" | "invalid";
  checkCharacterValid: boolean;
  exists: boolean;
  status?: string;
  projectName?: string;
}

export type DayKind = "workday" | "weekend" | "holiday" | "adjusted_workday";

export interface CalendarDay {
  date: string;
  workingDay: boolean;
  kind: DayKind;
  name?: string;
}

export interface DueDate {
  start: string;
  workingDays: number;
  dueDate: string;
  calendarVersion: string;
}

export interface UserRow {
  id: number | string;
  username: string;
  displayName: string;
  role: Role;
  organisation: { id: number | string; name: string };
  locked: boolean;
  lockedUntil?: string | null;
  disabled: boolean;
  secondFactorEnrolled: boolean;
}

export interface OrganisationRow {
  id: number | string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  regionName: string;
  creditCode?: string | null;
}

export interface AuditRow {
  seq: number;
  occurredAt: string;
  type: string;
  actorLabel: string;
  subject?: string | null;
  payload: unknown;
  requestId?: string | null;
  sealed: boolean;
}

export interface AuditVerification {
  ok: boolean;
  checkedEvents: number;
  sealedThrough?: number;
  problem?: { seq: number; kind: string; message: string; messageEn: string };
}

export interface ReferenceItem {
  code: string;
  name: string;
  level: number | string;
}

export interface Health {
  status: string;
  database: string;
  version: string;
}

export interface OpsOverview {
  uptimeSeconds: number;
  database: { kind: string; ok: boolean };
  auditBacklog: number;
  sessionsActive: number;
  usersByRole: Partial<Record<Role, number>>;
}
