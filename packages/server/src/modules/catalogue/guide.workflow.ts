import type { Role } from "@tzxm/shared";

/**
 * The life of a service guide version (办事指南版本) as a pure state machine: a department drafts and edits a
 * version, submits it, and a leader either returns it (with a reason) or publishes it; publishing supersedes the
 * version published before it. Only a draft is ever edited, so what a project was told never changes.
 */
export type GuideStatus = "draft" | "submitted" | "published" | "superseded";
export type GuideEvent = "edit" | "submit" | "return" | "publish";

const FROM: Record<GuideEvent, GuideStatus> = { edit: "draft", submit: "draft", return: "submitted", publish: "submitted" };
const TO: Record<GuideEvent, GuideStatus> = { edit: "draft", submit: "submitted", return: "draft", publish: "published" };
const WHO: Record<GuideEvent, readonly Role[]> = {
  edit: ["officer", "leader"],
  submit: ["officer", "leader"],
  return: ["leader"],
  publish: ["leader"],
};

export type GuideTransition =
  | { ok: true; next: GuideStatus; /** the version published before becomes superseded in the same step */ supersedesPublished: boolean }
  | { ok: false; reason: "role"; allowedRoles: readonly Role[] }
  | { ok: false; reason: "state"; allowedFrom: GuideStatus };

export function applyGuideEvent(current: GuideStatus, event: GuideEvent, role: Role): GuideTransition {
  if (!WHO[event].includes(role)) return { ok: false, reason: "role", allowedRoles: WHO[event] };
  if (current !== FROM[event]) return { ok: false, reason: "state", allowedFrom: FROM[event] };
  return { ok: true, next: TO[event], supersedesPublished: event === "publish" };
}

/** The events a role may apply to a version in its state (the web offers only these buttons). */
export function guideEventsFor(current: GuideStatus, role: Role): GuideEvent[] {
  return (Object.keys(FROM) as GuideEvent[]).filter((e) => applyGuideEvent(current, e, role).ok);
}

/** A new draft may be opened only when no version of the matter is still being worked on. */
export function canOpenDraft(statuses: readonly GuideStatus[]): boolean {
  return !statuses.some((s) => s === "draft" || s === "submitted");
}
