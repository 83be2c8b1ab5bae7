import type { CaseClock, ClockExplanation } from "./types.js";

/** Pure display rules of the case clock, shared by the queue, the parallel view and the clock explanation. */

export type Light = "green" | "yellow" | "red" | "grey";
export type Day = ClockExplanation["days"][number];
type Translate = (key: "caseClosedClock" | "caseNotStarted" | "caseCalendarDays" | "caseWorkingDays" | "caseOverdueBy" | "caseDaysLeft" | "casePausedClock" | "caseDueUnavailable" | "caseDue", vars?: Record<string, string | number>) => string;

/** 红黄绿灯 (Art. 15): grey while the clock does not run (before acceptance, paused, closed). */
export function lightOf(clock: CaseClock): Light {
  if (!clock.running) return "grey";
  if (clock.overdue || clock.warning === "red") return "red";
  return clock.warning === "yellow" ? "yellow" : "green";
}

/** 剩余天数 and 到期日 as one short text: what an officer or the unit most needs to know of the clock. */
export function daysLeftText(clock: CaseClock, t: Translate, status: string): string {
  if (status === "completed" || status === "refused" || status === "withdrawn") return t("caseClosedClock", { used: clock.usedWorkingDays });
  const unit = clock.limitUnit === "calendar_day" ? t("caseCalendarDays") : t("caseWorkingDays");
  if (clock.phase === "not_started") return t("caseNotStarted", { days: clock.remainingWorkingDays, unit });
  const left = clock.remainingWorkingDays < 0 ? t("caseOverdueBy", { n: -clock.remainingWorkingDays, unit }) : t("caseDaysLeft", { n: clock.remainingWorkingDays, unit });
  if (clock.phase === "paused") return `${t("casePausedClock")} · ${left}`;
  const due = clock.dueDate ?? (clock.dueDateUnavailableYear ? t("caseDueUnavailable", { year: clock.dueDateUnavailableYear }) : "—");
  return `${left} · ${t("caseDue", { date: due })}`;
}

/** The legend entry a day is drawn as. */
export function legendOf(d: Day): string {
  switch (d.role) {
    case "start":
    case "stop_day":
    case "unavailable":
      return d.role;
    case "paused":
    case "pause_day":
    case "resume_day":
      return "paused";
    case "not_counted":
      return d.kind === "holiday" ? "holiday" : "weekend";
    default:
      if (d.kind === "adjusted_workday") return "adjusted_workday";
      // Today counts once it is over; until then it is drawn as what the calendar says it is.
      if (d.role === "today") return d.kind === "holiday" ? "holiday" : d.kind === "weekend" ? "weekend" : "counted";
      return d.role === "projected" ? "projected" : "counted";
  }
}


/**
 * A step's 发生时间 as the server wants it (RFC 3339): the picked wall-clock time is Beijing time, whatever zone
 * the browser is in, because the platform's business days and deadlines are Beijing's.
 */
export function beijingRfc3339(wallClock: { format(template: string): string }): string {
  return `${wallClock.format("YYYY-MM-DDTHH:mm:ss")}+08:00`;
}

/** A digest short enough for a line of text; the whole is shown on hover. */
export function shortDigest(hex: string): string {
  return hex.length > 16 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex;
}
