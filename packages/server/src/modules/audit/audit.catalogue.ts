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
  /** A draft guide version thrown away before submission (only drafts are ever deleted). */
  "guide.discarded": z.object({ matterCode: z.string(), version: z.number().int(), guideId: z.number().int() }),
  /** 事项主数据 changed by the comprehensive management department: a new matter_version, the old one kept. */
  "matter.changed": z.object({ matterCode: z.string(), fromVersion: z.number().int(), toVersion: z.number().int(), changedFields: z.array(z.string()), reason: z.string() }),
  "rule.saved": z.object({ matterCode: z.string(), regionCode: z.string(), ruleId: z.number().int(), replacedRuleId: z.number().int().optional(), condition: z.unknown(), reason: z.string() }),
  "rule.deactivated": z.object({ matterCode: z.string(), regionCode: z.string(), ruleId: z.number().int(), reason: z.string() }),
  /** 重新评估应办事项: the explicit act that changes what a project was told, with what changed and why. */
  "project.matters_reevaluated": z.object({
    code: z.string(),
    reason: z.string(),
    added: z.array(z.object({ matterCode: z.string(), caseId: z.string(), matterVersion: z.number().int(), guideVersion: z.number().int().nullable() })),
    withdrawn: z.array(z.object({ matterCode: z.string(), caseId: z.string() })),
    keptNotRequired: z.array(z.object({ matterCode: z.string(), caseId: z.string(), status: z.string() })),
  }),
  "policy.drafted": z.object({ policyId: z.number().int(), title: z.string() }),
  "policy.saved": z.object({ policyId: z.number().int(), title: z.string() }),
  /** `sm3` is the digest of the stored bytes (also their file-store key): the file can be re-checked later. */
  "policy.attachment_added": z.object({ policyId: z.number().int(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), sm3: z.string() }),
  "policy.attachment_removed": z.object({ policyId: z.number().int(), fileName: z.string(), sm3: z.string() }),
  "policy.published": z.object({ policyId: z.number().int(), title: z.string() }),
  "policy.withdrawn": z.object({ policyId: z.number().int(), title: z.string(), reason: z.string() }),
  "intermediary.registered": z.object({ intermediaryId: z.number().int(), name: z.string(), creditCode: z.string() }),
  "intermediary.updated": z.object({ intermediaryId: z.number().int(), name: z.string(), changed: z.array(z.string()) }),
  "intermediary.suspended": z.object({ intermediaryId: z.number().int(), name: z.string(), reason: z.string() }),
  "intermediary.reactivated": z.object({ intermediaryId: z.number().int(), name: z.string() }),
  "portal_content.seeded": z.object({ policies: z.number().int(), intermediaries: z.number().int() }),
  /** A 申请材料 file stored for a matter case; `replacedFileId` is the earlier upload it replaces (kept). */
  "material.uploaded": z.object({
    caseId: z.string(),
    materialCode: z.string(),
    fileId: z.number().int(),
    fileName: z.string(),
    size: z.number().int(),
    sm3: z.string(),
    replacedFileId: z.number().int().optional(),
  }),
  "material.downloaded": z.object({ caseId: z.string(), materialCode: z.string(), fileId: z.number().int(), sm3: z.string() }),
  /** A step of a matter case (spec §6); `at` is when it happened, `reportedLate` when a department's system reported it afterwards. */
  "case.step_taken": z.object({
    caseId: z.string(),
    matterCode: z.string(),
    step: z.string(),
    statusBefore: z.string(),
    statusAfter: z.string(),
    at: z.string(),
    reportedLate: z.boolean(),
    details: z.record(z.string(), z.unknown()),
  }),
  "case.deadline_changed": z.object({ caseId: z.string(), oldDueDate: z.string().nullable(), newDueDate: z.string().nullable(), calendar: z.string() }),
  "case.warning_raised": z.object({ caseId: z.string(), level: z.enum(["yellow", "red"]), dueDate: z.string(), remainingDays: z.number().int() }),
  "case.sign_off_requested": z.object({ caseId: z.string(), mode: z.enum(["all", "any"]), signerIds: z.array(z.number().int()), documentNumber: z.string() }),
  "case.signed": z.object({ caseId: z.string(), decision: z.enum(["approve", "reject"]), outcome: z.enum(["open", "approved", "rejected"]) }),
  "case.document_attached": z.object({ caseId: z.string(), fileName: z.string(), size: z.number().int(), sm3: z.string(), replaced: z.string().nullable() }),
  "project.approved": z.object({ code: z.string(), matters: z.number().int() }),
  /** 中介服务委托 (Art. 16): `caseResumed` says whether the step started the case's clock again (it was still paused for it). */
  "commission.created": z.object({ commissionId: z.number().int(), caseId: z.string(), intermediaryId: z.number().int(), intermediary: z.string(), service: z.string(), promisedWorkingDays: z.number().int() }),
  "commission.accepted": z.object({ commissionId: z.number().int(), caseId: z.string(), intermediaryId: z.number().int() }),
  "commission.declined": z.object({ commissionId: z.number().int(), caseId: z.string(), intermediaryId: z.number().int(), reason: z.string(), caseResumed: z.boolean() }),
  /** `sm3` is the digest of the delivered report (also its file-store key). */
  "commission.delivered": z.object({
    commissionId: z.number().int(), caseId: z.string(), intermediaryId: z.number().int(), fileName: z.string(), size: z.number().int(), sm3: z.string(),
    usedWorkingDays: z.number().int(), overdue: z.boolean(), caseResumed: z.boolean(),
  }),
  "commission.evaluated": z.object({ commissionId: z.number().int(), caseId: z.string(), intermediaryId: z.number().int(), score: z.number().int(), comment: z.string() }),
  "commission.cancelled": z.object({ commissionId: z.number().int(), caseId: z.string(), intermediaryId: z.number().int(), reason: z.string(), caseResumed: z.boolean() }),
  "commission.report_downloaded": z.object({ commissionId: z.number().int(), caseId: z.string(), sm3: z.string() }),
  /** 监管 (issue 6 point 3): subject is the project code, so the project's timeline shows each of them. */
  "supervision.inspection_recorded": z.object({ inspectionId: z.number().int(), mode: z.enum(["on_site", "online"]), inspectedOn: z.string(), findings: z.array(z.object({ category: z.string(), severity: z.enum(["minor", "major", "serious"]) })) }),
  "supervision.inspection_closed": z.object({ inspectionId: z.number().int() }),
  "supervision.rectification_ordered": z.object({ orderId: z.number().int(), inspectionId: z.number().int().nullable(), findingId: z.number().int().nullable(), documentNumber: z.string().nullable(), issuedOn: z.string(), deadline: z.string() }),
  "supervision.rectification_reported": z.object({ orderId: z.number().int(), seq: z.number().int(), overdue: z.boolean(), attachment: z.object({ fileName: z.string(), size: z.number().int(), sm3: z.string() }).optional() }),
  "supervision.rectification_returned": z.object({ orderId: z.number().int(), reason: z.string() }),
  "supervision.rectification_closed": z.object({ orderId: z.number().int(), closedOn: z.string(), overdue: z.boolean(), comment: z.string().optional() }),
  "supervision.rectification_attachment_downloaded": z.object({ orderId: z.number().int(), seq: z.number().int(), sm3: z.string() }),
  "supervision.penalty_decided": z.object({ penaltyId: z.number().int(), documentNumber: z.string(), decidedOn: z.string(), penalty: z.string(), amount: z.string().nullable(), public: z.boolean() }),
  "supervision.abnormal_listed": z.object({ listingId: z.number().int(), unitOrganisationId: z.number().int(), reason: z.string(), listedOn: z.string() }),
  "supervision.abnormal_removed": z.object({ listingId: z.number().int(), reason: z.string(), removedOn: z.string() }),
  "project.completion_notice_downloaded": z.object({ code: z.string() }),
  /** 信息公开 (Art. 18): what was published and when (the item's row holds the text); a take-down with its reason. */
  "disclosure.published": z.object({ itemId: z.number().int(), kind: z.enum(["approval", "supervision", "penalty"]), source: z.string(), sourceId: z.string(), title: z.string(), result: z.string().nullable(), documentNumber: z.string().nullable() }),
  "disclosure.withdrawn": z.object({ itemId: z.number().int(), kind: z.enum(["approval", "supervision", "penalty"]), reason: z.string() }),
  /** 实施情况报告 (spec §7) and the validity rules (条例 第十二条; 令2017年第2号 第三十八条; 令2018年第14号 第十五条). */
  "project.report_filed": z.object({
    code: z.string(), reportId: z.number().int(), kind: z.enum(["start", "progress", "completion", "delay", "suspension", "resumption"]), on: z.string(),
    statusBefore: z.string(), statusAfter: z.string(), investmentCompleted: z.string().nullable(), progressPercent: z.number().int().nullable(),
  }),
  "project.extension_applied": z.object({ code: z.string(), extensionId: z.number().int(), months: z.number().int(), appliedOn: z.string(), decisionDueOn: z.string(), expiresOn: z.string() }),
  "project.extension_decided": z.object({ code: z.string(), extensionId: z.number().int(), decision: z.enum(["approve", "refuse"]), months: z.number().int(), decidedOn: z.string(), late: z.boolean(), expiresOn: z.string().nullable() }),
  "project.lapsed": z.object({ code: z.string(), decisionOn: z.string(), expiresOn: z.string(), lapsedOn: z.string(), extension: z.enum(["pending", "approved", "refused"]).nullable() }),
  "project.dormancy_explained": z.object({ code: z.string(), periodEndsOn: z.string(), explainedOn: z.string() }),
  "project.delisted": z.object({ code: z.string(), filedOn: z.string(), periodEndsOn: z.string(), remindedOn: z.string() }),
  "monitoring.reminder_sent": z.object({ code: z.string(), kind: z.string(), dueDate: z.string() }),
  "monitoring.frequency_set": z.object({ regionCode: z.string(), frequency: z.enum(["monthly", "quarterly", "half_yearly", "yearly"]), dueDay: z.number().int() }),
  /** 电子监察 (Art. 4): a card raised by the sweep, the department's explanation, a supervisor's closing, a rule changed; a fee charged. */
  "esupervision.card_raised": z.object({ cardId: z.number().int(), ruleCode: z.string(), ruleVersion: z.number().int(), caseId: z.string(), level: z.enum(["yellow", "red"]), departmentId: z.number().int(), summary: z.string(), recipients: z.number().int() }),
  "esupervision.card_acknowledged": z.object({ cardId: z.number().int(), caseId: z.string(), ruleCode: z.string(), level: z.enum(["yellow", "red"]), explanation: z.string() }),
  "esupervision.card_closed": z.object({ cardId: z.number().int(), caseId: z.string(), ruleCode: z.string(), level: z.enum(["yellow", "red"]), note: z.string() }),
  "esupervision.rule_changed": z.object({ ruleCode: z.string(), fromVersion: z.number().int(), toVersion: z.number().int(), before: z.object({ enabled: z.boolean(), level: z.enum(["yellow", "red"]), parameters: z.unknown() }), after: z.object({ enabled: z.boolean(), level: z.enum(["yellow", "red"]), parameters: z.unknown() }), reason: z.string() }),
  "case.fee_recorded": z.object({ caseId: z.string(), feeId: z.number().int(), amount: z.string(), item: z.string(), at: z.string(), feeFree: z.boolean() }),
  "user.email_changed": z.object({ cleared: z.boolean() }),
  "api_key.created": z.object({ keyId: z.number().int(), name: z.string(), organisationId: z.number().int(), scopes: z.array(z.string()) }),
  "api_key.revoked": z.object({ keyId: z.number().int(), name: z.string() }),
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
