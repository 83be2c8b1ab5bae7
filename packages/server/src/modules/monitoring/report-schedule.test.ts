import { describe, expect, it } from "vitest";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { type ScheduleInput, dueDateOf, periodOf, progressSchedule } from "./report-schedule.js";

/** 2026 notice (国办发明电〔2025〕7号): 劳动节 5月1日—5日, 5月9日(六) 上班; 国庆 10月1日—7日, 10月10日(六) 上班. */
const calendar = WorkingDayCalendar.load();
const base: ScheduleInput = { frequency: "quarterly", startedOn: "2026-02-10", completedOn: null, suspensions: [], reportedOn: [], today: "2026-06-01" };

describe("periods and due dates", () => {
  it("calendar periods of each frequency", () => {
    expect(periodOf("2026-02-10", "monthly")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodOf("2026-02-10", "quarterly")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodOf("2026-08-10", "half_yearly")).toEqual({ from: "2026-07-01", to: "2026-12-31" });
    expect(periodOf("2026-08-10", "yearly")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("due on the 10th of the next month, moved off rest days: Sun 10 May → Mon 11 May; Sat 10 Oct is a make-up working day", () => {
    expect(dueDateOf(calendar, "2026-03-31")).toBe("2026-04-10");
    expect(dueDateOf(calendar, "2026-04-30")).toBe("2026-05-11");
    expect(dueDateOf(calendar, "2026-09-30")).toBe("2026-10-10");
    expect(() => dueDateOf(calendar, "2026-12-31")).toThrow();
  });
});

describe("reminders before and after a report falls due (quarterly, started 10 Feb 2026)", () => {
  // Q2 is due Fri 10 Jul; 5 working days remain from Fri 3 Jul (6-10 Jul), 6 on Thu 2 Jul.
  const q2 = (today: string, reportedOn: string[] = []) => progressSchedule(calendar, { ...base, today, reportedOn }).find((p) => p.from === "2026-04-01");

  it("the first period is the one holding the start; its report is due 10 Apr", () => {
    const periods = progressSchedule(calendar, { ...base, today: "2026-04-11" });
    expect(periods.map((p) => [p.from, p.dueDate, p.state])).toEqual([
      ["2026-01-01", "2026-04-10", "overdue"],
      ["2026-04-01", "2026-07-10", "open"],
    ]);
  });

  it("upcoming the day before the reminder day, due soon on it, overdue the day after the due date", () => {
    expect(q2("2026-07-02")).toMatchObject({ state: "upcoming", remindFrom: "2026-07-03" });
    expect(q2("2026-07-03")?.state).toBe("due_soon");
    expect(q2("2026-07-10")?.state).toBe("due_soon");
    expect(q2("2026-07-11")?.state).toBe("overdue");
  });

  it("a report whose figures stand at a day of the period covers it", () => {
    expect(q2("2026-07-11", ["2026-06-30"])?.state).toBe("covered");
    expect(q2("2026-07-11", ["2026-07-01"])?.state).toBe("overdue");
  });

  it("Q3 is due on the make-up Saturday 10 Oct; 5 working days remain from Mon 28 Sep (29, 30 Sep, 8, 9, 10 Oct)", () => {
    const q3 = progressSchedule(calendar, { ...base, today: "2026-09-28" }).find((p) => p.from === "2026-07-01");
    expect(q3).toMatchObject({ dueDate: "2026-10-10", remindFrom: "2026-09-28", state: "due_soon" });
  });

  it("the Q4 due date lies in 2027, a year without data: unknown, not guessed", () => {
    const q4 = progressSchedule(calendar, { ...base, today: "2026-12-31" }).find((p) => p.from === "2026-10-01");
    expect(q4).toMatchObject({ dueDate: null, unavailableYear: 2027, state: "open" });
  });

  it("monthly: April's report due Mon 11 May, reminded from Thu 30 Apr (6, 7, 8, Sat 9, 11 May)", () => {
    const april = progressSchedule(calendar, { ...base, frequency: "monthly", startedOn: "2026-04-02", today: "2026-04-30" }).find((p) => p.from === "2026-04-01");
    expect(april).toMatchObject({ dueDate: "2026-05-11", remindFrom: "2026-04-30", state: "due_soon" });
  });

  it("a period of suspended works is not due; completion ends the schedule", () => {
    const suspended = progressSchedule(calendar, { ...base, today: "2026-10-20", suspensions: [{ from: "2026-03-15", to: "2026-07-02" }] });
    expect(suspended.map((p) => p.from)).toEqual(["2026-01-01", "2026-07-01", "2026-10-01"]);
    const completed = progressSchedule(calendar, { ...base, today: "2026-10-20", completedOn: "2026-05-20" });
    expect(completed.map((p) => p.from)).toEqual(["2026-01-01"]);
  });
});
