import { DomainError } from "../../platform/errors.js";
import type { DayInfo } from "../reference/calendar.js";

/**
 * Periods counted in years and months, as 民法典 counts them, and the working-day arithmetic the validity rules
 * need. Pure: the caller passes the calendar; a year without official data throws CALENDAR_YEAR_UNAVAILABLE
 * (never a guess), which callers turn into "unknown yet".
 *
 * - 第二百零一条: the day a period starts is not counted; it runs from the next day.
 * - 第二百零二条: a period in years or months ends on the corresponding day (对应日) of its last month; without
 *   one (29 Feb, the 31st), on that month's last day.
 * - 第二百零三条: when the last day is a statutory rest day (法定休假日), the period ends on the day after the rest
 *   ends. As the case clock does (working-day-clock.ts), weekends count as rest days and a make-up working day
 *   (调休上班) as a working day: the period ends on the next working day.
 */
export interface MonitoringCalendar {
  /** Throws DomainError CALENDAR_YEAR_UNAVAILABLE for a year without official data. */
  dayInfo(date: string): DayInfo;
}

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / MS_PER_DAY;
}
export function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
export function addDays(date: string, n: number): string {
  return dateOf(dayNumber(date) + n);
}

/** The nominal last day of a period of `months` months starting on `start` (第二百零一条、第二百零二条). */
export function addMonths(start: string, months: number): string {
  const y = +start.slice(0, 4);
  const m = +start.slice(5, 7) - 1 + months;
  const d = +start.slice(8, 10);
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dateOf(Date.UTC(year, month, Math.min(d, last)) / MS_PER_DAY);
}

/** `date` itself when a working day, else the next working day (第二百零三条). */
export function onOrNextWorkingDay(calendar: MonitoringCalendar, date: string): string {
  let d = dayNumber(date);
  while (!calendar.dayInfo(dateOf(d)).workingDay) d += 1;
  return dateOf(d);
}

/**
 * The first day from which at most `n` working days remain up to and including `end` (the day itself not
 * counted, 第二百零一条): the (n+1)-th working day counted back from `end` inclusive. With n = 30 the day before it
 * is the last day that still leaves 30 working days.
 */
export function firstDayWithAtMost(calendar: MonitoringCalendar, end: string, n: number): string {
  let d = dayNumber(end);
  let count = 0;
  for (;;) {
    if (calendar.dayInfo(dateOf(d)).workingDay) count += 1;
    if (count === n + 1) return dateOf(d);
    d -= 1;
  }
}

/**
 * `f` over the calendar, or null with the year whose official data is missing when `f` needs a day in it: the
 * rules then say "not known yet" rather than guess.
 */
export function orUnavailable<T>(
  calendar: MonitoringCalendar,
  f: (calendar: MonitoringCalendar) => T,
): { value: T; unavailableYear: null } | { value: null; unavailableYear: number } {
  let missing: number | null = null;
  const watched: MonitoringCalendar = {
    dayInfo(date) {
      try {
        return calendar.dayInfo(date);
      } catch (error) {
        if (error instanceof DomainError && error.code === "CALENDAR_YEAR_UNAVAILABLE") missing = +date.slice(0, 4);
        throw error;
      }
    },
  };
  try {
    return { value: f(watched), unavailableYear: null };
  } catch (error) {
    if (missing !== null) return { value: null, unavailableYear: missing };
    throw error;
  }
}
