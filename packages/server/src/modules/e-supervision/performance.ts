import type { DepartmentPerformance } from "@tzxm/shared";
import { clockEventsOf } from "../cases/case-clock.js";
import { type CalendarLike, type ClockLimits, computeClock } from "../cases/working-day-clock.js";

/**
 * 绩效 (Art. 7: the comprehensive management department's performance management) as a pure computation from rows:
 * per department and month,
 * - on-time rate = cases completed within their governing limit ÷ cases completed (办结) in the month;
 * - average working days used = the mean of each completed case's working days on the clock (pauses excluded),
 *   one decimal;
 * - yellow and red cards raised in the month; rectification orders the department closed in the month;
 * and a monthly ranking: on-time rate (higher first), red cards, yellow cards (fewer first), average days used
 * (fewer first), rectifications closed (more first). Departments equal on every key share a rank.
 */

export interface StepRow {
  type: string;
  on_date: string;
  status_after: string;
  body: unknown;
}

export interface CompletedCase {
  caseId: string;
  departmentId: number;
  department: string;
  limits: ClockLimits;
  steps: readonly StepRow[];
}

export interface PerformanceInput {
  /** YYYY-MM */
  month: string;
  /** Cases with a completion step dated in the month. */
  completed: readonly CompletedCase[];
  /** Acceptances dated in the month, per department. */
  accepted: readonly { departmentId: number; department: string; count: number }[];
  /** Cards raised in the month. */
  cards: readonly { departmentId: number; department: string; level: "yellow" | "red" }[];
  /** Rectification orders closed in the month by the issuing department. */
  rectificationsClosed: readonly { departmentId: number; department: string; count: number }[];
}

export interface CompletedCaseFigures {
  caseId: string;
  completedOn: string;
  workingDaysUsed: number;
  onTime: boolean;
}

/** One completed case measured by the case clock on its completion day. */
export function measureCompleted(calendar: CalendarLike, c: CompletedCase): CompletedCaseFigures | null {
  const completion = c.steps.find((s) => s.type === "complete");
  if (!completion) return null;
  const clock = computeClock(calendar, c.limits, clockEventsOf(c.steps), completion.on_date);
  if (!clock.governing || !clock.promised) return { caseId: c.caseId, completedOn: completion.on_date, workingDaysUsed: 0, onTime: true };
  return { caseId: c.caseId, completedOn: completion.on_date, workingDaysUsed: clock.promised.usedDays, onTime: !clock.governing.overdue };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function computePerformance(calendar: CalendarLike, input: PerformanceInput): DepartmentPerformance[] {
  const rows = new Map<number, Omit<DepartmentPerformance, "onTimeRate" | "averageWorkingDaysUsed" | "rank"> & { daysUsed: number }>();
  const row = (id: number, name: string) => {
    let r = rows.get(id);
    if (!r) {
      r = { departmentId: id, department: name, accepted: 0, completed: 0, onTime: 0, yellowCards: 0, redCards: 0, rectificationsClosed: 0, daysUsed: 0 };
      rows.set(id, r);
    }
    return r;
  };
  for (const c of input.completed) {
    const figures = measureCompleted(calendar, c);
    if (!figures || !figures.completedOn.startsWith(input.month)) continue;
    const r = row(c.departmentId, c.department);
    r.completed += 1;
    r.daysUsed += figures.workingDaysUsed;
    if (figures.onTime) r.onTime += 1;
  }
  for (const a of input.accepted) row(a.departmentId, a.department).accepted += a.count;
  for (const k of input.cards) {
    const r = row(k.departmentId, k.department);
    if (k.level === "red") r.redCards += 1;
    else r.yellowCards += 1;
  }
  for (const x of input.rectificationsClosed) row(x.departmentId, x.department).rectificationsClosed += x.count;

  const figures = [...rows.values()].map(({ daysUsed, ...r }) => ({
    ...r,
    onTimeRate: r.completed > 0 ? round(r.onTime / r.completed, 4) : null,
    averageWorkingDaysUsed: r.completed > 0 ? round(daysUsed / r.completed, 1) : null,
    rank: 0,
  }));
  const key = (d: (typeof figures)[number]) => [-(d.onTimeRate ?? -1), d.redCards, d.yellowCards, d.averageWorkingDaysUsed ?? Number.MAX_SAFE_INTEGER, -d.rectificationsClosed];
  const compare = (a: (typeof figures)[number], b: (typeof figures)[number]) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  };
  figures.sort((a, b) => compare(a, b) || a.department.localeCompare(b.department, "zh") || a.departmentId - b.departmentId);
  figures.forEach((d, i) => {
    const previous = figures[i - 1];
    d.rank = previous && compare(previous, d) === 0 ? previous.rank : i + 1;
  });
  return figures;
}

/** The month's first day and the next month's first day (CST dates), for range conditions. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { from: `${month}-01`, to: `${next}-01` };
}
