import { type MonitoringCalendar, addDays, addMonths, firstDayWithAtMost, onOrNextWorkingDay, orUnavailable } from "./periods.js";

/**
 * When progress reports (建设进度, 《全国投资项目在线审批监管平台运行管理暂行办法》第十四条(五); 令2018年第14号 第六条
 * asks units to report start, progress and completion through the platform) fall due. Pure.
 *
 * The frequency is set per region (Art. 24: regional rules are configuration), default quarterly. Periods follow
 * the calendar (months, quarters, halves, years). The report for a period is the progress report whose `on`
 * (the date the figures stand at) lies in it; it is due on day `dueDay` (default 10) of the month after the
 * period, moved to the next working day when that is a rest day (民法典 第二百零三条). Periods are due from the one
 * holding the start of construction; a period during all of which works were suspended is not due; once
 * completed, the completion report stands for the period it falls in.
 *
 * Reminders: "due soon" from the first day on which `remindWorkingDays` (default 5) or fewer working days remain
 * up to and including the due date; "overdue" from the day after it.
 */
export const REPORT_FREQUENCIES = ["monthly", "quarterly", "half_yearly", "yearly"] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];
export const DEFAULT_FREQUENCY: ReportFrequency = "quarterly";
export const DEFAULT_DUE_DAY = 10;
export const DEFAULT_REMIND_WORKING_DAYS = 5;

const MONTHS: Record<ReportFrequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

export type PeriodState = "covered" | "open" | "upcoming" | "due_soon" | "overdue" | "unknown";

export interface ReportPeriod {
  from: string;
  to: string;
  dueDate: string | null;
  remindFrom: string | null;
  unavailableYear: number | null;
  state: PeriodState;
}

export interface ScheduleInput {
  frequency: ReportFrequency;
  startedOn: string;
  completedOn: string | null;
  /** Works suspended from `from` (停工) until `to` (复工), or still. */
  suspensions: { from: string; to: string | null }[];
  /** The `on` of every progress report. */
  reportedOn: string[];
  today: string;
  dueDay?: number;
  remindWorkingDays?: number;
}

/** The period of the given frequency that holds `date`. */
export function periodOf(date: string, frequency: ReportFrequency): { from: string; to: string } {
  const size = MONTHS[frequency];
  const month = +date.slice(5, 7) - 1;
  const first = month - (month % size);
  const from = `${date.slice(0, 4)}-${String(first + 1).padStart(2, "0")}-01`;
  return { from, to: addDays(addMonths(from, size), -1) };
}

/** The due date of the report for the period ending on `to`, moved off rest days. */
export function dueDateOf(calendar: MonitoringCalendar, to: string, dueDay = DEFAULT_DUE_DAY): string {
  const next = addDays(to, 1);
  return onOrNextWorkingDay(calendar, `${next.slice(0, 8)}${String(dueDay).padStart(2, "0")}`);
}

function suspendedThroughout(p: { from: string; to: string }, suspensions: ScheduleInput["suspensions"]): boolean {
  return suspensions.some((s) => s.from <= p.from && (s.to === null || s.to > p.to));
}

/** Every period due so far (and the one in progress), oldest first. */
export function progressSchedule(calendar: MonitoringCalendar, input: ScheduleInput): ReportPeriod[] {
  const dueDay = input.dueDay ?? DEFAULT_DUE_DAY;
  const remind = input.remindWorkingDays ?? DEFAULT_REMIND_WORKING_DAYS;
  const periods: ReportPeriod[] = [];
  let p = periodOf(input.startedOn, input.frequency);
  while (p.from <= input.today) {
    if (input.completedOn !== null && p.to >= input.completedOn) break;
    if (!suspendedThroughout(p, input.suspensions)) {
      const covered = input.reportedOn.some((on) => on >= p.from && on <= p.to);
      const due = orUnavailable(calendar, (c) => {
        const dueDate = dueDateOf(c, p.to, dueDay);
        return { dueDate, remindFrom: firstDayWithAtMost(c, dueDate, remind) };
      });
      let state: PeriodState;
      if (covered) state = "covered";
      else if (due.value === null) state = input.today <= p.to ? "open" : "unknown";
      else if (input.today > due.value.dueDate) state = "overdue";
      else if (input.today >= due.value.remindFrom) state = "due_soon";
      else state = input.today <= p.to ? "open" : "upcoming";
      periods.push({ ...p, dueDate: due.value?.dueDate ?? null, remindFrom: due.value?.remindFrom ?? null, unavailableYear: due.unavailableYear, state });
    }
    p = periodOf(addDays(p.to, 1), input.frequency);
  }
  return periods;
}
