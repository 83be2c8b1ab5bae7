import { describe, expect, it } from "vitest";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { type CompletedCase, computePerformance, measureCompleted, monthRange } from "./performance.js";

const calendar = WorkingDayCalendar.load();
const limits = { statutory: { days: 20, unit: "working_day" as const }, promisedWorkingDays: 10 };
const done = (caseId: string, departmentId: number, accepted: string, completed: string): CompletedCase => ({
  caseId,
  departmentId,
  department: `部门${departmentId}`,
  limits,
  steps: [
    { type: "accept", on_date: accepted, status_after: "accepted", body: {} },
    { type: "complete", on_date: completed, status_after: "completed", body: {} },
  ],
});

describe("绩效 computed from rows", () => {
  it("measures a completed case by the case clock: working days used, on time against the governing limit", () => {
    // Accepted Thu 27 Aug: 28 Aug-22 Sep are 19 working days (Sun 20 Sep counts); due Wed 23 Sep.
    expect(measureCompleted(calendar, done("a", 1, "2026-08-27", "2026-09-23"))).toEqual({ caseId: "a", completedOn: "2026-09-23", workingDaysUsed: 19, onTime: true });
    expect(measureCompleted(calendar, done("b", 1, "2026-08-27", "2026-09-24"))).toMatchObject({ workingDaysUsed: 20, onTime: false });
  });

  it("ranks by on-time rate, then fewer red and yellow cards, fewer days, more rectifications; equals share a rank", () => {
    const items = computePerformance(calendar, {
      month: "2026-09",
      completed: [done("a", 1, "2026-08-27", "2026-09-23"), done("b", 1, "2026-08-27", "2026-09-24"), done("c", 2, "2026-09-01", "2026-09-03"), done("d", 3, "2026-09-01", "2026-09-03"), done("x", 4, "2026-08-03", "2026-08-05")],
      accepted: [{ departmentId: 5, department: "部门5", count: 2 }],
      cards: [{ departmentId: 1, department: "部门1", level: "red" }],
      rectificationsClosed: [],
    });
    expect(items.map((d) => [d.departmentId, d.rank, d.onTimeRate, d.averageWorkingDaysUsed])).toEqual([
      [2, 1, 1, 1],
      [3, 1, 1, 1],
      [1, 3, 0.5, 19.5],
      [5, 4, null, null],
    ]);
    expect(items.find((d) => d.departmentId === 1)).toMatchObject({ completed: 2, onTime: 1, redCards: 1, yellowCards: 0 });
  });

  it("knows a month's bounds, December included", () => {
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01", to: "2027-01-01" });
    expect(monthRange("2026-09")).toEqual({ from: "2026-09-01", to: "2026-10-01" });
  });
});
