import type { Role } from "@tzxm/shared";

/**
 * The life of a policy document (政策信息) as a pure state machine: a department's officer or leader drafts and
 * edits it (attachments included), a leader publishes it to the portal, and a leader may withdraw it later with a
 * reason. Withdrawing keeps the row (what was once public stays on record); only drafts are ever edited.
 */
export type PolicyStatus = "draft" | "published" | "withdrawn";
export type PolicyEvent = "edit" | "publish" | "withdraw";

const FROM: Record<PolicyEvent, PolicyStatus> = { edit: "draft", publish: "draft", withdraw: "published" };
const TO: Record<PolicyEvent, PolicyStatus> = { edit: "draft", publish: "published", withdraw: "withdrawn" };
const WHO: Record<PolicyEvent, readonly Role[]> = {
  edit: ["officer", "leader"],
  publish: ["leader"],
  withdraw: ["leader"],
};

export type PolicyTransition =
  | { ok: true; next: PolicyStatus }
  | { ok: false; reason: "role"; allowedRoles: readonly Role[] }
  | { ok: false; reason: "state"; allowedFrom: PolicyStatus };

export function applyPolicyEvent(current: PolicyStatus, event: PolicyEvent, role: Role): PolicyTransition {
  if (!WHO[event].includes(role)) return { ok: false, reason: "role", allowedRoles: WHO[event] };
  if (current !== FROM[event]) return { ok: false, reason: "state", allowedFrom: FROM[event] };
  return { ok: true, next: TO[event] };
}

/** The events a role may apply to a document in its state (the web offers only these buttons). */
export function policyEventsFor(current: PolicyStatus, role: Role): PolicyEvent[] {
  return (Object.keys(FROM) as PolicyEvent[]).filter((e) => applyPolicyEvent(current, e, role).ok);
}

/** Only a published document is shown on the portal; drafts and withdrawn ones do not exist for the public. */
export function isPublic(status: PolicyStatus): boolean {
  return status === "published";
}
