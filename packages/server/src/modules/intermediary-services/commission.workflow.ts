/**
 * The life of a commission to an intermediary (中介服务委托, Art. 16) as a pure state machine. The commissioning
 * department (its officers and leaders) commissions, may cancel before the report arrives, and evaluates the
 * delivered report; the intermediary's own staff accept or decline and deliver. While a commission is open
 * (commissioned or accepted) the case's clock stands still; the steps that close it without a report or with
 * one (decline, cancel, deliver) start the case's clock again.
 */
export const COMMISSION_STATUSES = ["commissioned", "accepted", "declined", "delivered", "evaluated", "cancelled"] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];
export const COMMISSION_STATUS_LABELS: Record<CommissionStatus, string> = {
  commissioned: "待接受",
  accepted: "服务中",
  declined: "已拒绝",
  delivered: "已交付报告",
  evaluated: "已评价",
  cancelled: "已撤销",
};

export const COMMISSION_EVENTS = ["accept", "decline", "deliver", "evaluate", "cancel"] as const;
export type CommissionEvent = (typeof COMMISSION_EVENTS)[number];

/** `department`: an officer or leader of the commissioning department; `intermediary`: a user of the commissioned organisation. */
export type CommissionActor = "department" | "intermediary";

interface Rule {
  from: readonly CommissionStatus[];
  to: CommissionStatus;
  actor: CommissionActor;
}

const RULES: Record<CommissionEvent, Rule> = {
  accept: { from: ["commissioned"], to: "accepted", actor: "intermediary" },
  decline: { from: ["commissioned"], to: "declined", actor: "intermediary" },
  deliver: { from: ["accepted"], to: "delivered", actor: "intermediary" },
  evaluate: { from: ["delivered"], to: "evaluated", actor: "department" },
  // Once the report is in, the work is done: it is evaluated, not cancelled.
  cancel: { from: ["commissioned", "accepted"], to: "cancelled", actor: "department" },
};

export type CommissionTransition =
  | { ok: true; next: CommissionStatus; /** the case's clock starts again in the same transaction */ resumesCase: boolean }
  | { ok: false; reason: "actor"; allowedActor: CommissionActor }
  | { ok: false; reason: "status"; allowedFrom: readonly CommissionStatus[] };

export function applyCommissionEvent(current: CommissionStatus, event: CommissionEvent, actor: CommissionActor): CommissionTransition {
  const rule = RULES[event];
  if (rule.actor !== actor) return { ok: false, reason: "actor", allowedActor: rule.actor };
  if (!rule.from.includes(current)) return { ok: false, reason: "status", allowedFrom: rule.from };
  return { ok: true, next: rule.to, resumesCase: event === "decline" || event === "deliver" || event === "cancel" };
}

/** The events `actor` may apply now (the buttons the web shows). */
export function allowedCommissionEvents(current: CommissionStatus, actor: CommissionActor | null): CommissionEvent[] {
  if (actor === null) return [];
  return COMMISSION_EVENTS.filter((e) => applyCommissionEvent(current, e, actor).ok);
}

/** Open commissions hold the case's clock. */
export function isCommissionOpen(status: CommissionStatus): boolean {
  return status === "commissioned" || status === "accepted";
}

/** Whether the intermediary's own clock has started (it runs from acceptance to delivery). */
export function intermediaryClockStarted(status: CommissionStatus): boolean {
  return status === "accepted" || status === "delivered" || status === "evaluated";
}
