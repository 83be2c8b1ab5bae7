import { type MonitoringCalendar, addDays, addMonths, onOrNextWorkingDay, orUnavailable } from "./periods.js";

/**
 * 备案项目 2 年未开工 (pure). 《企业投资项目事中事后监管办法》(国家发展改革委令2018年第14号) 第十五条: a filed
 * project that within 2 years of filing has neither started construction nor gone through any other procedure
 * must, if it goes on, explain online; if not, withdraw its filing. Neither done → the filing authority reminds
 * it; still nothing after the reminder → the filing information shown to the public is removed (移除公示) and the
 * filing certificate lapses by itself.
 *
 * Decisions taken here:
 * - 备案之日 is the day the platform received the complete information (条例 第十四条: 收到全部信息即为备案), i.e.
 *   the declaration's date; the 2 years are counted per 民法典 第二百零一条至第二百零三条 (periods.ts);
 * - "any other procedure" is any step of any of the project's matter cases, any implementation report or any
 *   change of its information on or after the filing day and on or before the period's last day; one is enough;
 * - the explanation is due once the period has ended; one explanation settles the obligation;
 * - the regulation sets no time between reminder and removal: the platform waits `graceWorkingDays` working days
 *   after the day of the reminder (configurable, MONITORING_DORMANCY_GRACE_WORKING_DAYS, default 20) and removes
 *   the information on the next day.
 */
export const DORMANCY_MONTHS = 24;

export type DormancyPhase =
  /** Within the 2 years. */
  | "running"
  /** Started or another procedure within the 2 years: the rule is met. */
  | "progressed"
  | "explained"
  /** The 2 years ended without either: the unit must explain or withdraw; the reminder is due. */
  | "explanation_due"
  | "reminded"
  /** Reminded and the grace has passed: the information is to be removed. */
  | "delisting_due"
  /** The period's end falls in a year without official calendar data. */
  | "unknown";

export interface DormancyState {
  phase: DormancyPhase;
  filedOn: string;
  periodEndsOn: string | null;
  /** The first day on which the filing is delisted if nothing happens (after a reminder). */
  delistOn: string | null;
  unavailableYear: number | null;
}

export interface DormancyInput {
  filedOn: string;
  /** The earliest start, procedure, report or change on or after the filing day, if any. */
  firstActivityOn: string | null;
  explainedOn: string | null;
  remindedOn: string | null;
  today: string;
  graceWorkingDays: number;
}

export function dormancyState(calendar: MonitoringCalendar, input: DormancyInput): DormancyState {
  const base = { filedOn: input.filedOn, delistOn: null as string | null };
  const nominal = addMonths(input.filedOn, DORMANCY_MONTHS);
  const end = orUnavailable(calendar, (c) => onOrNextWorkingDay(c, nominal));
  if (end.value === null) {
    // The end is at or after the nominal day: before it the period surely runs, after it nothing is known.
    return { ...base, phase: input.today <= nominal ? "running" : "unknown", periodEndsOn: null, unavailableYear: end.unavailableYear };
  }
  const periodEndsOn = end.value;
  const known = { ...base, periodEndsOn, unavailableYear: null };
  if (input.firstActivityOn !== null && input.firstActivityOn >= input.filedOn && input.firstActivityOn <= periodEndsOn) return { ...known, phase: "progressed" };
  if (input.today <= periodEndsOn) return { ...known, phase: "running" };
  if (input.explainedOn !== null) return { ...known, phase: "explained" };
  if (input.remindedOn === null) return { ...known, phase: "explanation_due" };
  const reminded = input.remindedOn;
  const grace = orUnavailable(calendar, (c) => {
    let day = reminded;
    let left = input.graceWorkingDays;
    while (left > 0) {
      day = addDays(day, 1);
      if (c.dayInfo(day).workingDay) left -= 1;
    }
    return day;
  });
  if (grace.value === null) return { ...known, phase: "reminded", unavailableYear: grace.unavailableYear };
  const delistOn = addDays(grace.value, 1);
  return { ...known, delistOn, phase: input.today >= delistOn ? "delisting_due" : "reminded" };
}
