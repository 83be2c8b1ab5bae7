import { type MonitoringCalendar, addDays, addMonths, firstDayWithAtMost, onOrNextWorkingDay, orUnavailable } from "./periods.js";

/**
 * 核准文件有效期 and 延期开工 (pure; the caller passes the calendar and today).
 *
 * 《企业投资项目核准和备案管理条例》(国务院令第673号) 第十二条: a project not started within 2 years of the
 * 核准 decision that needs to start later applies to the 核准机关 for an extension 30 working days before the
 * 2 years end; the 核准机关 decides within 20 working days of accepting the application; construction may be
 * postponed only once, by at most 1 year.
 * 《企业投资项目核准和备案管理办法》(国家发展改革委令2017年第2号) 第三十八条: not started within the 2 years and no
 * extension applied for as required → the 核准 document lapses by itself (自动失效).
 *
 * Decisions taken here (the regulation leaves them open), so that every boundary is one rule:
 * - the 2 years and the extension are periods in months counted per 民法典 第二百零一条至第二百零三条
 *   (periods.ts): from the day after the decision to the corresponding day, moved to the next working day when
 *   that is a rest day;
 * - an extension of m months lengthens the nominal 2-year period: it ends on the corresponding day 24 + m
 *   months after the decision (then moved off rest days);
 * - "30 working days before the end": an application is in time when at least 30 working days remain after the
 *   day it is made up to and including the last day of validity (the day of application not counted, 第二百零一条);
 * - the application is accepted on the day it is made (online, the platform receives it); the 20 working days of
 *   the decision count from the next day, as the calendar's dueDate counts;
 * - a project does not lapse while its timely application awaits the decision; after a refusal it lapses the day
 *   after the later of the end of validity and the refusal.
 */
export const VALIDITY_MONTHS = 24;
export const EXTENSION_NOTICE_WORKING_DAYS = 30;
export const EXTENSION_DECISION_WORKING_DAYS = 20;
export const EXTENSION_MAX_MONTHS = 12;

export interface ExtensionRecord {
  status: "pending" | "approved" | "refused";
  appliedOn: string;
  months: number;
  decidedOn?: string | null;
}

export interface Validity {
  decisionOn: string;
  /** The corresponding day, before moving off a rest day (known without a calendar). */
  nominalExpiresOn: string;
  /** The last day of validity; null when the calendar of its year is not loaded yet. */
  expiresOn: string | null;
  /** The last day on which an extension may be applied for; null when unknown or already used. */
  extensionApplyBy: string | null;
  unavailableYear: number | null;
  extended: boolean;
}

/** The validity of a 核准 decision, with an approved extension if any. */
export function validityOf(calendar: MonitoringCalendar, decisionOn: string, extension: ExtensionRecord | null = null): Validity {
  const extended = extension?.status === "approved";
  const months = VALIDITY_MONTHS + (extended ? extension.months : 0);
  const nominalExpiresOn = addMonths(decisionOn, months);
  const expiry = orUnavailable(calendar, (c) => onOrNextWorkingDay(c, nominalExpiresOn));
  // The window belongs to the original 2 years only (an extension is granted once, 第十二条). The first day with
  // at most 29 working days left is the 30th counted back; the day before it still leaves 30.
  const applyBy =
    extension === null && expiry.value !== null
      ? orUnavailable(calendar, (c) => addDays(firstDayWithAtMost(c, expiry.value as string, EXTENSION_NOTICE_WORKING_DAYS - 1), -1))
      : { value: null, unavailableYear: null };
  return {
    decisionOn,
    nominalExpiresOn,
    expiresOn: expiry.value,
    extensionApplyBy: applyBy.value,
    unavailableYear: expiry.unavailableYear ?? applyBy.unavailableYear,
    extended,
  };
}

export type ExtensionRefusal = "started" | "already_applied" | "months_out_of_range" | "too_late" | "calendar_unavailable";

export type ExtensionCheck =
  | { ok: true; decisionDueOn: string; validity: Validity }
  | { ok: false; reason: ExtensionRefusal; validity: Validity; unavailableYear?: number };

/** Whether an application for 延期开工 made on `appliedOn` may be taken (第十二条), and when it must be decided. */
export function checkExtensionApplication(
  calendar: MonitoringCalendar,
  input: { decisionOn: string; appliedOn: string; months: number; started: boolean; previous: ExtensionRecord | null },
): ExtensionCheck {
  const validity = validityOf(calendar, input.decisionOn);
  if (input.started) return { ok: false, reason: "started", validity };
  if (input.previous) return { ok: false, reason: "already_applied", validity };
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > EXTENSION_MAX_MONTHS) return { ok: false, reason: "months_out_of_range", validity };
  if (validity.extensionApplyBy === null) {
    // Without the official calendar of the last day's year the window is unknown: refuse rather than guess.
    return { ok: false, reason: "calendar_unavailable", validity, ...(validity.unavailableYear ? { unavailableYear: validity.unavailableYear } : {}) };
  }
  if (input.appliedOn > validity.extensionApplyBy) return { ok: false, reason: "too_late", validity };
  const due = orUnavailable(calendar, (c) => decisionDue(c, input.appliedOn));
  if (due.value === null) return { ok: false, reason: "calendar_unavailable", validity, unavailableYear: due.unavailableYear };
  return { ok: true, decisionDueOn: due.value, validity };
}

/** The last day for the department's decision: 20 working days from the day after acceptance (第十二条). */
function decisionDue(calendar: MonitoringCalendar, appliedOn: string): string {
  let day = appliedOn;
  let left = EXTENSION_DECISION_WORKING_DAYS;
  while (left > 0) {
    day = addDays(day, 1);
    if (calendar.dayInfo(day).workingDay) left -= 1;
  }
  return day;
}

export function extensionDecisionDueOn(calendar: MonitoringCalendar, appliedOn: string): string {
  return decisionDue(calendar, appliedOn);
}

export interface LapseState {
  /** The first day on which the 核准 document no longer holds; null when it cannot lapse (started, awaiting a decision) or is unknown. */
  lapsesOn: string | null;
  lapsed: boolean;
  unavailableYear: number | null;
  /** Why it does not lapse (yet). */
  holding: "started" | "awaiting_extension_decision" | "valid" | "unknown" | null;
}

/** Whether an unstarted project's 核准 document has lapsed on `today` (令2017年第2号 第三十八条). */
export function lapseState(
  calendar: MonitoringCalendar,
  input: { decisionOn: string; started: boolean; extension: ExtensionRecord | null; today: string },
): LapseState {
  if (input.started) return { lapsesOn: null, lapsed: false, unavailableYear: null, holding: "started" };
  if (input.extension?.status === "pending") return { lapsesOn: null, lapsed: false, unavailableYear: null, holding: "awaiting_extension_decision" };
  const validity = validityOf(calendar, input.decisionOn, input.extension);
  if (validity.expiresOn === null) return { lapsesOn: null, lapsed: false, unavailableYear: validity.unavailableYear, holding: "unknown" };
  let last = validity.expiresOn;
  const refusedOn = input.extension?.status === "refused" ? input.extension.decidedOn : null;
  if (refusedOn && refusedOn > last) last = refusedOn;
  const lapsesOn = addDays(last, 1);
  const lapsed = input.today >= lapsesOn;
  return { lapsesOn, lapsed, unavailableYear: null, holding: lapsed ? null : "valid" };
}
