import { ROLES } from "@tzxm/shared";
import { z } from "zod";

/**
 * The audit event catalogue (痕迹管理, Art. 4; 等保三级 安全审计): one zod payload per event type. A use case
 * writes its event with `recordAudit(tx, event)` in the same transaction as its change; the payload is
 * checked against this catalogue before it is stored, so the trail never holds an event nobody can read.
 */
export const AUDIT_EVENTS = {
  "auth.login_succeeded": z.object({ secondFactor: z.boolean(), sessionId: z.string() }),
  "auth.login_failed": z.object({
    username: z.string(),
    reason: z.enum(["unknown_user", "bad_password", "bad_second_factor", "locked", "disabled"]),
  }),
  "auth.account_locked": z.object({ username: z.string(), failures: z.number().int(), lockedUntil: z.string() }),
  "auth.logout": z.object({ sessionId: z.string() }),
  "auth.session_expired": z.object({ sessionId: z.string(), reason: z.enum(["idle_timeout", "absolute_lifetime"]) }),
  "auth.password_changed": z.object({ byAdministrator: z.boolean() }),
  "auth.second_factor_enrolled": z.object({}),
  "access.denied": z.object({
    method: z.string(),
    url: z.string(),
    required: z.string(),
    reason: z.enum(["permission", "csrf", "second_factor_enrolment"]),
  }),
  "user.created": z.object({ userId: z.number().int(), username: z.string(), role: z.enum(ROLES), organisationId: z.number().int() }),
  "user.unlocked": z.object({ userId: z.number().int(), username: z.string() }),
  "organisation.created": z.object({ organisationId: z.number().int(), kind: z.string(), name: z.string() }),
  "demo.seeded": z.object({ organisations: z.number().int(), users: z.number().int() }),
  "project.declared": z.object({
    code: z.string(),
    name: z.string(),
    approvalCategory: z.enum(["approval", "verification", "filing"]),
    status: z.string(),
    version: z.number().int(),
    predecessorCode: z.string().optional(),
  }),
  "project.changed": z.object({
    code: z.string(),
    kind: z.enum(["adjustment", "extension", "suspension", "withdrawal", "major_change"]),
    reason: z.string(),
    reasons: z.array(z.string()),
    newStatus: z.string(),
    version: z.number().int().optional(),
    successorCode: z.string().optional(),
  }),
  "project.matters_notified": z.object({
    code: z.string(),
    matters: z.array(z.object({ matterCode: z.string(), caseId: z.string(), guideVersion: z.number().int().nullable() })),
  }),
  "catalogue.seeded": z.object({ matters: z.number().int(), rules: z.number().int(), source: z.string() }),
  "code.verified": z.object({
    purpose: z.enum(["acceptance", "funding", "bidding", "disclosure"]),
    valid: z.boolean(),
    reason: z.string().optional(),
  }),
  "project.exported": z.object({ rows: z.number().int(), filters: z.record(z.string(), z.string()) }),
  "project.certificate_downloaded": z.object({ code: z.string() }),
  /** A project with an older number brought in by `npm run import` (Art. 12); `row` is its row in the file. */
  "project.imported": z.object({ code: z.string(), legacyCode: z.string(), row: z.number().int() }),
  "project.draft_saved": z.object({ draftId: z.string(), step: z.number().int() }),
  "project.draft_deleted": z.object({ draftId: z.string() }),
  "guide.drafted": z.object({ matterCode: z.string(), version: z.number().int(), guideId: z.number().int() }),
  "guide.saved": z.object({ matterCode: z.string(), version: z.number().int(), guideId: z.number().int() }),
  "guide.submitted": z.object({ matterCode: z.string(), version: z.number().int(), guideId: z.number().int() }),
  "guide.returned": z.object({ matterCode: z.string(), version: z.number().int(), guideId: z.number().int(), reason: z.string() }),
  "guide.published": z.object({ matterCode: z.string(), version: z.number().int(), guideId: z.number().int(), supersededVersion: z.number().int().optional() }),
  "audit.chain_verified": z.object({ ok: z.boolean(), checkedEvents: z.number().int(), problemSeq: z.number().int().optional() }),
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENTS;
export type AuditPayload<T extends AuditEventType> = z.input<(typeof AUDIT_EVENTS)[T]>;

/** Who did it and where: filled from the request by the route, or `systemActor` for jobs and CLIs. */
export interface AuditActor {
  userId?: number | undefined;
  label: string;
  organisationId?: number | undefined;
  regionCode?: string | undefined;
  requestId?: string | undefined;
  ip?: string | undefined;
}

export type AuditEvent = {
  [T in AuditEventType]: {
    type: T;
    actor: AuditActor;
    payload: AuditPayload<T>;
    /** What the event is about (a username, later a project code); searchable. */
    subject?: string | undefined;
    /** Region the event belongs to, for data-scoped reading; defaults to the actor's. */
    regionCode?: string | undefined;
  };
}[AuditEventType];

export const systemActor = (label = "system"): AuditActor => ({ label });
