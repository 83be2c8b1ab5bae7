import type { DayInfo } from "../reference/calendar.js";
import { DomainError } from "../../platform/errors.js";

/**
 * The matter clock (办理时限计时, Art. 15 of the regulation; interface specification §6), as a pure function of
 * a case's clock events, the limits it was told and a calendar. Nothing here reads the time or a database: the
 * caller passes `today` (a CST date), so the same inputs always give the same clock, and a newly loaded calendar
 * year simply gives new answers that the caller can compare with the stored ones.
 *
 * The counting rule (spec §6): **a day counts only if the clock ran through all of it.** Hence
 * - counting starts the day after acceptance (行政许可法 第四十二条 counts 「自受理行政许可申请之日起」, and
 *   民法典 第二百零一条: 「开始的当日不计入，自下一日开始计算」);
 * - the day of a pause, of a resumption and of completion never count, so a pause keeps the days that remained
 *   and never catches up on resume (行政许可法 第四十五条: expert review, hearings, public notice … 「所需时间不计算在
 *   本节规定的期限内」);
 * - today counts only once it is over.
 *
 * Limits are in working days (行政许可法 第八十二条: 「以工作日计算，不含法定节假日」), except where a law counts
 * 「日」 (环境影响评价法 第二十二条: 60 and 30 日): such a limit counts calendar days, and when its last day is not a
 * working day the limit ends on the next working day (民法典 第二百零三条: 「期间的最后一日是法定休假日的，以法定
 * 休假日结束的次日为期间的最后一日」).
 *
 * A day in a year without official calendar data is never guessed: the due date is then `null` with the year
 * that is missing (`dueDateUnavailableYear`), and the used days stop where the data stops.
 */

export interface CalendarLike {
  /** Throws DomainError CALENDAR_YEAR_UNAVAILABLE for a year without official data. */
  dayInfo(date: string): DayInfo;
}

export type LimitUnit = "working_day" | "calendar_day";

export type ClockEvent =
  /** 受理: the clock starts (counting from the next day). */
  | { type: "start"; on: string }
  | { type: "pause"; on: string }
  | { type: "resume"; on: string }
  /** 延长: the statutory limit grows by `days` in its own unit (a leader approved it). */
  | { type: "extend"; on: string; days: number }
  /** 办结, 撤回 or 终止: the clock stops for good. */
  | { type: "stop"; on: string };

export interface ClockLimits {
  /** The statutory limit (法定时限) as the law counts it; null when no law sets one. */
  statutory: { days: number; unit: LimitUnit } | null;
  /** The promised limit (承诺时限), always in working days. */
  promisedWorkingDays: number;
}

export type Warning = "none" | "yellow" | "red";

export interface LimitState {
  unit: LimitUnit;
  /** The limit including extensions. */
  limitDays: number;
  usedDays: number;
  /** May be negative once the limit has passed. */
  remainingDays: number;
  /** The day the limit ends if the clock runs on (the day it ended, once passed); null while paused or unknown. */
  dueDate: string | null;
  /** The year whose official calendar is missing, when that is why `dueDate` is null. */
  dueDateUnavailableYear: number | null;
  overdue: boolean;
  warning: Warning;
}

export type ClockPhase = "not_started" | "running" | "paused" | "stopped";

export interface ClockState {
  phase: ClockPhase;
  startedOn: string | null;
  stoppedOn: string | null;
  extendedDays: number;
  /** The limit the platform times and warns on: the statutory one, or the promised one where no law sets one. */
  governing: LimitState | null;
  statutory: LimitState | null;
  promised: LimitState | null;
}

export interface ClockOptions {
  /** Yellow when this many days or fewer remain (default 3, spec §6). */
  warnDays?: number;
}

// --- Date arithmetic on UTC day numbers ----------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const dayNumber = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY;
const dateOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

class MissingYear extends Error {
  constructor(readonly year: number) {
    super(`calendar year ${year} unavailable`);
  }
}

/** dayInfo, with a missing year turned into MissingYear so the clock can stop exactly there. */
function infoOf(calendar: CalendarLike, day: number): DayInfo {
  const date = dateOf(day);
  try {
    return calendar.dayInfo(date);
  } catch (error) {
    if (error instanceof DomainError && error.code === "CALENDAR_YEAR_UNAVAILABLE") throw new MissingYear(+date.slice(0, 4));
    throw error;
  }
}

function counts(info: DayInfo, unit: LimitUnit): boolean {
  return unit === "calendar_day" || info.workingDay;
}

/** A stretch during which the clock ran: from the end of `from` to the start of `to` (exclusive both). */
interface Run {
  from: number;
  /** null: still running. */
  to: number | null;
}

function validate(events: readonly ClockEvent[], today: string): void {
  const bad = (message: string) => new DomainError("VALIDATION_FAILED", { fields: [{ path: "events", message, messageEn: message }] });
  if (!DATE_RE.test(today)) throw bad(`today must be YYYY-MM-DD, got ${today}`);
  let previous = "";
  for (const e of events) {
    if (!DATE_RE.test(e.on)) throw bad(`event date must be YYYY-MM-DD, got ${e.on}`);
    if (e.on < previous) throw bad(`clock events out of order at ${e.on}`);
    previous = e.on;
  }
}

/** The stretches the clock ran, from the events (which the case workflow has already put in a legal order). */
function runsOf(events: readonly ClockEvent[]): { runs: Run[]; phase: ClockPhase; extended: number; startedOn: string | null; stoppedOn: string | null } {
  const runs: Run[] = [];
  let phase: ClockPhase = "not_started";
  let extended = 0;
  let startedOn: string | null = null;
  let stoppedOn: string | null = null;
  const close = (on: string) => {
    const last = runs.at(-1);
    if (last && last.to === null) last.to = dayNumber(on);
  };
  for (const e of events) {
    switch (e.type) {
      case "start":
        if (phase !== "not_started") break;
        runs.push({ from: dayNumber(e.on), to: null });
        phase = "running";
        startedOn = e.on;
        break;
      case "pause":
        if (phase !== "running") break;
        close(e.on);
        phase = "paused";
        break;
      case "resume":
        if (phase !== "paused") break;
        runs.push({ from: dayNumber(e.on), to: null });
        phase = "running";
        break;
      case "extend":
        if (phase === "running" || phase === "paused") extended += e.days;
        break;
      case "stop":
        if (phase === "stopped") break;
        close(e.on);
        if (phase !== "not_started") stoppedOn = e.on;
        phase = "stopped";
        break;
    }
  }
  return { runs, phase, extended, startedOn, stoppedOn };
}

/**
 * One limit over the runs. Walks day by day (limits are weeks, not years, so this stays cheap) and stops at the
 * first day without calendar data.
 */
function limitState(
  calendar: CalendarLike,
  runs: readonly Run[],
  phase: ClockPhase,
  limitDays: number,
  unit: LimitUnit,
  todayDay: number,
  warnDays: number,
): LimitState {
  let used = 0;
  let missingYear: number | null = null;
  let dueDay: number | null = null;
  let overdue = false;
  try {
    runs.forEach((run, index) => {
      const end = run.to ?? todayDay; // exclusive: the end day itself did not run through
      const remainingAtStart = limitDays - used;
      for (let day = run.from + 1; day < end; day++) {
        if (counts(infoOf(calendar, day), unit)) {
          used += 1;
          if (used === limitDays && dueDay === null) dueDay = finalDay(calendar, day, unit);
        }
      }
      // The day this run reaches the limit if it goes on: the due date of an open run. A stopped case keeps the
      // due date it had when it stopped, for the record.
      const last = index === runs.length - 1;
      if (dueDay === null && (run.to === null || (last && phase === "stopped"))) {
        dueDay = advance(calendar, run.from, Math.max(remainingAtStart, 0), unit);
      }
      if (dueDay !== null && (run.to === null ? todayDay > dueDay : run.to > dueDay)) overdue = true;
    });
  } catch (error) {
    if (!(error instanceof MissingYear)) throw error;
    missingYear = error.year;
    if (!overdue) dueDay = null;
  }
  const remaining = limitDays - used;
  let warning: Warning = "none";
  if (overdue) warning = "red";
  else if (phase === "running" && remaining <= warnDays) warning = "yellow";
  // While paused the due date is unknown (it depends on the resumption), unless it has already passed.
  const showDue = phase !== "paused" || overdue;
  return {
    unit,
    limitDays,
    usedDays: used,
    remainingDays: remaining,
    dueDate: showDue && dueDay !== null ? dateOf(dueDay) : null,
    dueDateUnavailableYear: missingYear,
    overdue,
    warning,
  };
}

/** For a calendar-day limit, a last day that is not a working day moves to the next working day (民法典 第203条). */
function finalDay(calendar: CalendarLike, day: number, unit: LimitUnit): number {
  if (unit === "working_day") return day;
  let d = day;
  while (!infoOf(calendar, d).workingDay) d += 1;
  return d;
}

/** The day on which `n` more counted days after `from` end (n = 0: the limit already ended; answers `from`). */
function advance(calendar: CalendarLike, from: number, n: number, unit: LimitUnit): number {
  let day = from;
  let left = n;
  while (left > 0) {
    day += 1;
    if (counts(infoOf(calendar, day), unit)) left -= 1;
  }
  return n === 0 ? day : finalDay(calendar, day, unit);
}

/** The clock of one case on `today`. */
export function computeClock(
  calendar: CalendarLike,
  limits: ClockLimits,
  events: readonly ClockEvent[],
  today: string,
  options: ClockOptions = {},
): ClockState {
  validate(events, today);
  const warnDays = options.warnDays ?? 3;
  const { runs, phase, extended, startedOn, stoppedOn } = runsOf(events);
  if (phase === "not_started" || runs.length === 0) {
    return { phase, startedOn, stoppedOn, extendedDays: extended, governing: null, statutory: null, promised: null };
  }
  const todayDay = dayNumber(today);
  const statutory = limits.statutory
    ? limitState(calendar, runs, phase, limits.statutory.days + extended, limits.statutory.unit, todayDay, warnDays)
    : null;
  const promised = limitState(calendar, runs, phase, limits.promisedWorkingDays, "working_day", todayDay, warnDays);
  return { phase, startedOn, stoppedOn, extendedDays: extended, governing: statutory ?? promised, statutory, promised };
}

// --- Day-by-day explanation (GET …/clock) ---------------------------------------------------------------------

export type DayRole = "start" | "counted" | "not_counted" | "pause_day" | "paused" | "resume_day" | "stop_day" | "today" | "projected" | "unavailable";

export interface ExplainedDay {
  date: string;
  kind: DayInfo["kind"] | null;
  /** Holiday name, or the holiday a make-up working day belongs to. */
  name?: string;
  role: DayRole;
  /** The running count of the governing limit after this day, when the day counted (or will). */
  count?: number;
  due?: true;
}

/**
 * Every day from acceptance to the later of today and the due date (at most `maxDays`), with what the clock did
 * on it and why: which days counted, which were weekends, holidays or 调休 working days, which were paused.
 */
export function explainClock(
  calendar: CalendarLike,
  limits: ClockLimits,
  events: readonly ClockEvent[],
  today: string,
  options: ClockOptions & { maxDays?: number } = {},
): { state: ClockState; days: ExplainedDay[] } {
  const state = computeClock(calendar, limits, events, today, options);
  const governing = state.governing;
  if (!governing || !state.startedOn) return { state, days: [] };
  const unit = governing.unit;
  const marks = new Map<number, DayRole>();
  for (const e of events) {
    const d = dayNumber(e.on);
    if (e.type === "start") marks.set(d, "start");
    else if (e.type === "pause") marks.set(d, "pause_day");
    else if (e.type === "resume") marks.set(d, marks.get(d) === "pause_day" ? "pause_day" : "resume_day");
    else if (e.type === "stop") marks.set(d, "stop_day");
  }
  const { runs } = runsOf(events);
  const todayDay = dayNumber(today);
  const first = dayNumber(state.startedOn);
  const end = state.phase === "stopped" && state.stoppedOn ? dayNumber(state.stoppedOn) : Math.max(todayDay, governing.dueDate ? dayNumber(governing.dueDate) : todayDay);
  const last = Math.min(Math.max(first, end), first + (options.maxDays ?? 400));
  const running = (d: number) => runs.some((r) => d > r.from && (r.to === null ? true : d < r.to));
  const days: ExplainedDay[] = [];
  let count = 0;
  for (let d = first; d <= last; d++) {
    let info: DayInfo | null = null;
    try {
      info = infoOf(calendar, d);
    } catch (error) {
      if (!(error instanceof MissingYear)) throw error;
    }
    const base = { date: dateOf(d), kind: info?.kind ?? null, ...(info?.name ? { name: info.name } : {}) };
    if (!info) {
      days.push({ ...base, role: "unavailable" });
      continue;
    }
    const mark = marks.get(d);
    let role: DayRole;
    if (mark) role = mark;
    else if (!running(d)) role = "paused";
    else if (d === todayDay) role = "today";
    else if (!counts(info, unit)) role = "not_counted";
    else role = d > todayDay ? "projected" : "counted";
    const entry: ExplainedDay = { ...base, role };
    // Today counts once it is over, so a projection includes it.
    const willCount = (role === "projected" || (role === "today" && counts(info, unit))) && count < governing.limitDays;
    if (role === "counted" || willCount) {
      count += 1;
      entry.count = count;
    }
    if (governing.dueDate === entry.date) entry.due = true;
    days.push(entry);
  }
  return { state, days };
}
