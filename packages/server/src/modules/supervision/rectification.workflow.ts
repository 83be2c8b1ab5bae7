/**
 * The follow-up of a rectification order (整改通知, Art. 14(5): departments have problems rectified) as a pure state
 * machine. The issuing department's staff (or a supervisor whose region holds the project) follow it up; the
 * project unit answers it. The unit reports its rectification (open → submitted); the department accepts it
 * (submitted → closed) or returns it with a reason (submitted → open), and the unit reports again. Overdue is not a
 * status: an order still open or submitted after its deadline is overdue, computed when read (`isOverdue`).
 */
export const RECTIFICATION_STATUSES = ["open", "submitted", "closed"] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = { open: "待整改", submitted: "已报送整改情况", closed: "已销号" };

export const RECTIFICATION_EVENTS = ["report", "accept", "return"] as const;
export type RectificationEvent = (typeof RECTIFICATION_EVENTS)[number];

/** `department`: whoever follows the order up for the department; `unit`: the project unit's own staff. */
export type RectificationActor = "department" | "unit";

interface Rule {
  from: readonly RectificationStatus[];
  to: RectificationStatus;
  actor: RectificationActor;
}

const RULES: Record<RectificationEvent, Rule> = {
  report: { from: ["open"], to: "submitted", actor: "unit" },
  accept: { from: ["submitted"], to: "closed", actor: "department" },
  return: { from: ["submitted"], to: "open", actor: "department" },
};

export type RectificationTransition =
  | { ok: true; next: RectificationStatus }
  | { ok: false; reason: "actor"; allowedActor: RectificationActor }
  | { ok: false; reason: "status"; allowedFrom: readonly RectificationStatus[] };

export function applyRectificationEvent(current: RectificationStatus, event: RectificationEvent, actor: RectificationActor): RectificationTransition {
  const rule = RULES[event];
  if (rule.actor !== actor) return { ok: false, reason: "actor", allowedActor: rule.actor };
  if (!rule.from.includes(current)) return { ok: false, reason: "status", allowedFrom: rule.from };
  return { ok: true, next: rule.to };
}

/** The events `actor` may apply now (the buttons the web shows). */
export function allowedRectificationEvents(current: RectificationStatus, actor: RectificationActor | null): RectificationEvent[] {
  if (actor === null) return [];
  return RECTIFICATION_EVENTS.filter((e) => applyRectificationEvent(current, e, actor).ok);
}

/** Past its deadline and not closed. `today` and `deadline` are CST dates (YYYY-MM-DD): the deadline day itself is in time. */
export function isOverdue(status: RectificationStatus, deadline: string, today: string): boolean {
  return status !== "closed" && today > deadline;
}
