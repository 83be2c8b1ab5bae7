import { type CaseEventType, type CaseStatus, clockEffectOf } from "@tzxm/shared";
import type { CaseEventRow, CaseRow } from "./cases.repository.js";
import { type CalendarLike, type ClockEvent, type ClockLimits, type ClockState, computeClock, explainClock } from "./working-day-clock.js";

/**
 * The bridge between a stored case (its recorded steps and the limits fixed at acceptance) and the pure clock.
 * Every answer about time — the case view, the queue's stored due date, the warning sweep, a calendar reload —
 * comes from here, so they can never disagree.
 */

type Limits = Pick<CaseRow, "statutory_days" | "statutory_unit" | "promised_days" | "statutory_working_days" | "statutory_calendar_days" | "promised_working_days">;

/** The limits the case is timed against: fixed at acceptance; before that, the matter's current ones. */
export function limitsOf(c: Limits): ClockLimits {
  if (c.promised_days !== null) {
    return {
      statutory: c.statutory_days !== null && c.statutory_unit ? { days: c.statutory_days, unit: c.statutory_unit } : null,
      promisedWorkingDays: c.promised_days,
    };
  }
  return {
    statutory:
      c.statutory_working_days !== null
        ? { days: c.statutory_working_days, unit: "working_day" }
        : c.statutory_calendar_days !== null
          ? { days: c.statutory_calendar_days, unit: "calendar_day" }
          : null,
    promisedWorkingDays: c.promised_working_days,
  };
}

/** The clock's view of the recorded steps (status before each step comes from the step before it). */
export function clockEventsOf(events: readonly Pick<CaseEventRow, "type" | "on_date" | "status_after" | "body">[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  let before: CaseStatus = "notified";
  for (const e of events) {
    const effect = clockEffectOf(e.type as CaseEventType, before);
    if (effect === "extend") {
      const days = Number((e.body as { workingDays?: number }).workingDays ?? 0);
      out.push({ type: "extend", on: e.on_date, days });
    } else if (effect) out.push({ type: effect, on: e.on_date });
    before = e.status_after as CaseStatus;
  }
  return out;
}

export function clockOf(calendar: CalendarLike, c: Limits, events: Parameters<typeof clockEventsOf>[0], today: string, warnDays: number): ClockState {
  return computeClock(calendar, limitsOf(c), clockEventsOf(events), today, { warnDays });
}

export function explainCaseClock(calendar: CalendarLike, c: Limits, events: Parameters<typeof clockEventsOf>[0], today: string, warnDays: number) {
  return explainClock(calendar, limitsOf(c), clockEventsOf(events), today, { warnDays });
}

/** The `clock` object of spec §6, plus the unit of the limit, the promised limit and why a due date is missing. */
export function presentClock(state: ClockState, limits: ClockLimits) {
  const g = state.governing;
  const statutoryInWorkingDays = limits.statutory?.unit === "working_day" ? limits.statutory.days : null;
  return {
    statutoryWorkingDays: statutoryInWorkingDays,
    statutoryCalendarDays: limits.statutory?.unit === "calendar_day" ? limits.statutory.days : null,
    promisedWorkingDays: limits.promisedWorkingDays,
    extendedWorkingDays: state.extendedDays,
    limitUnit: g?.unit ?? limits.statutory?.unit ?? "working_day",
    usedWorkingDays: g?.usedDays ?? 0,
    remainingWorkingDays: g?.remainingDays ?? limits.statutory?.days ?? limits.promisedWorkingDays,
    dueDate: g?.dueDate ?? null,
    dueDateUnavailableYear: g?.dueDateUnavailableYear ?? null,
    running: state.phase === "running",
    phase: state.phase,
    warning: g?.warning ?? "none",
    overdue: g?.overdue ?? false,
    promised: state.promised
      ? { usedWorkingDays: state.promised.usedDays, remainingWorkingDays: state.promised.remainingDays, dueDate: state.promised.dueDate, warning: state.promised.warning, overdue: state.promised.overdue }
      : null,
  };
}
export type ClockView = ReturnType<typeof presentClock>;
