import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DayInfo, WorkingDayCalendar } from "../reference/calendar.js";
import { type CalendarLike, type ClockEvent, type ClockLimits, computeClock, explainClock } from "./working-day-clock.js";

/**
 * Vectors worked by hand from 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号):
 * 春节 2月15日—23日 放假, 2月14日(六)、2月28日(六) 上班; 清明 4月4日—6日; 劳动节 5月1日—5日, 5月9日(六) 上班;
 * 中秋 9月25日—27日, 9月20日(日) 上班; 国庆 10月1日—7日, 10月10日(六) 上班.
 */
const calendar = WorkingDayCalendar.load();
const working = (days: number): ClockLimits => ({ statutory: { days, unit: "working_day" }, promisedWorkingDays: days });
const start = (on: string): ClockEvent => ({ type: "start", on });

describe("working-day clock: official 2026 holidays", () => {
  it("Spring Festival: accepted Fri 13 Feb, 20 working days end Thu 19 Mar (Sat 14 and Sat 28 Feb count)", () => {
    const c = computeClock(calendar, working(20), [start("2026-02-13")], "2026-02-13");
    expect(c.governing).toMatchObject({ dueDate: "2026-03-19", usedDays: 0, remainingDays: 20, warning: "none" });
    // On Wed 25 Feb: Sat 14, Tue 24 counted (holidays 15-23 not) → 2 used.
    expect(computeClock(calendar, working(20), [start("2026-02-13")], "2026-02-25").governing?.usedDays).toBe(2);
    // Mon 2 Mar: 14, 24, 25, 26, 27, Sat 28 → 6 used.
    expect(computeClock(calendar, working(20), [start("2026-02-13")], "2026-03-02").governing?.usedDays).toBe(6);
  });

  it("Labour Day: accepted Wed 29 Apr, 5 working days end on the make-up Saturday 9 May", () => {
    const c = computeClock(calendar, working(5), [start("2026-04-29")], "2026-04-30");
    expect(c.governing?.dueDate).toBe("2026-05-09");
    // On 9 May itself one day remains (it counts once over): yellow, not red.
    expect(computeClock(calendar, working(5), [start("2026-04-29")], "2026-05-09").governing).toMatchObject({ usedDays: 4, remainingDays: 1, warning: "yellow", overdue: false });
    // Sun 10 May: the limit has passed.
    expect(computeClock(calendar, working(5), [start("2026-04-29")], "2026-05-10").governing).toMatchObject({ usedDays: 5, remainingDays: 0, warning: "red", overdue: true, dueDate: "2026-05-09" });
  });

  it("Mid-autumn and National Day: accepted Fri 18 Sep, 10 working days end Fri 9 Oct; 11 end on the make-up Sat 10 Oct", () => {
    expect(computeClock(calendar, working(10), [start("2026-09-18")], "2026-09-18").governing?.dueDate).toBe("2026-10-09");
    expect(computeClock(calendar, working(11), [start("2026-09-18")], "2026-09-18").governing?.dueDate).toBe("2026-10-10");
    // Sun 20 Sep is a make-up working day: on 21 Sep one day has been used.
    expect(computeClock(calendar, working(10), [start("2026-09-18")], "2026-09-21").governing?.usedDays).toBe(1);
  });

  it("agrees with the calendar's own dueDate when there is no pause", () => {
    for (const [from, n] of [["2026-01-30", 20], ["2026-02-13", 20], ["2026-04-29", 5], ["2026-09-18", 10], ["2026-06-17", 3]] as const) {
      expect(computeClock(calendar, working(n), [start(from)], from).governing?.dueDate).toBe(calendar.dueDate(from, n));
    }
  });
});

describe("pauses keep the remaining days", () => {
  const events: ClockEvent[] = [start("2026-03-02"), { type: "pause", on: "2026-03-11" }, { type: "resume", on: "2026-03-23" }];

  it("accepted Mon 2 Mar (20 days), paused Wed 11 Mar after 6 days, resumed Mon 23 Mar: due Mon 13 Apr across 清明", () => {
    const paused = computeClock(calendar, working(20), events.slice(0, 2), "2026-03-16");
    expect(paused).toMatchObject({ phase: "paused" });
    expect(paused.governing).toMatchObject({ usedDays: 6, remainingDays: 14, dueDate: null, warning: "none" });
    const resumed = computeClock(calendar, working(20), events, "2026-03-23");
    expect(resumed.governing).toMatchObject({ usedDays: 6, remainingDays: 14, dueDate: "2026-04-13" });
    // The resumption day never counts: on 25 Mar only 24 Mar has been added.
    expect(computeClock(calendar, working(20), events, "2026-03-25").governing?.usedDays).toBe(7);
  });

  it("an extension grows the statutory limit only", () => {
    const c = computeClock(calendar, { statutory: { days: 20, unit: "working_day" }, promisedWorkingDays: 10 }, [...events, { type: "extend", on: "2026-03-24", days: 10 }], "2026-03-24");
    expect(c.extendedDays).toBe(10);
    expect(c.statutory).toMatchObject({ limitDays: 30, remainingDays: 24 });
    expect(c.promised).toMatchObject({ limitDays: 10, remainingDays: 4 });
    expect(c.governing).toBe(c.statutory);
  });

  it("completion: the day of completion does not count; completing on the due date is on time, a day later is late", () => {
    const onTime = computeClock(calendar, working(5), [start("2026-04-29"), { type: "stop", on: "2026-05-09" }], "2026-06-01");
    expect(onTime).toMatchObject({ phase: "stopped", stoppedOn: "2026-05-09" });
    expect(onTime.governing).toMatchObject({ usedDays: 4, overdue: false, warning: "none", dueDate: "2026-05-09" });
    const late = computeClock(calendar, working(5), [start("2026-04-29"), { type: "stop", on: "2026-05-11" }], "2026-06-01");
    expect(late.governing).toMatchObject({ usedDays: 5, overdue: true, warning: "red" });
  });
});

describe("calendar-day limits (a law that counts 日)", () => {
  const days = (n: number): ClockLimits => ({ statutory: { days: n, unit: "calendar_day" }, promisedWorkingDays: 20 });

  it("60 日 from Thu 10 Sep end Mon 9 Nov", () => {
    expect(computeClock(calendar, days(60), [start("2026-09-10")], "2026-09-10").statutory?.dueDate).toBe("2026-11-09");
  });

  it("7 日 from Thu 24 Sep would end on the National Day holiday 1 Oct, so end on Thu 8 Oct (民法典 第203条)", () => {
    expect(computeClock(calendar, days(7), [start("2026-09-24")], "2026-09-24").statutory?.dueDate).toBe("2026-10-08");
  });
});

describe("a year without official data is never guessed", () => {
  it("a due date in 2027 is null with the missing year; used days are still counted (11, 14-18 Dec)", () => {
    const c = computeClock(calendar, working(20), [start("2026-12-10")], "2026-12-21");
    expect(c.governing).toMatchObject({ dueDate: null, dueDateUnavailableYear: 2027, usedDays: 6 });
  });

  it("with the 2027 notice loaded the same case gets its date", () => {
    const with2027: CalendarLike = {
      dayInfo(date: string): DayInfo {
        if (date.startsWith("2027")) {
          const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
          if (date <= "2027-01-01") return { date, workingDay: false, kind: "holiday", name: "元旦" };
          return weekday === 0 || weekday === 6 ? { date, workingDay: false, kind: "weekend" } : { date, workingDay: true, kind: "workday" };
        }
        return calendar.dayInfo(date);
      },
    };
    // 11, 14-18, 21-25, 28-31 Dec = 15 days in 2026; 1 Jan is 元旦; 4-8 Jan are the 16th to the 20th.
    expect(computeClock(with2027, working(20), [start("2026-12-10")], "2026-12-21").governing?.dueDate).toBe("2027-01-08");
  });
});

describe("explanation day by day", () => {
  it("names every day: start, counted with its number, holidays, make-up days, pause and resumption days", () => {
    const { days } = explainClock(calendar, working(10), [start("2026-09-18"), { type: "pause", on: "2026-09-22" }, { type: "resume", on: "2026-09-24" }], "2026-09-24");
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get("2026-09-18")?.role).toBe("start");
    expect(byDate.get("2026-09-19")).toMatchObject({ role: "not_counted", kind: "weekend" });
    expect(byDate.get("2026-09-20")).toMatchObject({ role: "counted", kind: "adjusted_workday", count: 1 });
    expect(byDate.get("2026-09-21")).toMatchObject({ role: "counted", count: 2 });
    expect(byDate.get("2026-09-22")?.role).toBe("pause_day");
    expect(byDate.get("2026-09-23")?.role).toBe("paused");
    expect(byDate.get("2026-09-24")?.role).toBe("resume_day");
    expect(byDate.get("2026-09-25")).toMatchObject({ role: "not_counted", kind: "holiday", name: "中秋节" });
    expect(byDate.get("2026-10-01")).toMatchObject({ role: "not_counted", kind: "holiday", name: "国庆节" });
    const due = days.find((d) => d.due);
    expect(due).toMatchObject({ count: 10, role: "projected" });
    expect(due?.date).toBe(computeClock(calendar, working(10), [start("2026-09-18"), { type: "pause", on: "2026-09-22" }, { type: "resume", on: "2026-09-24" }], "2026-09-24").governing?.dueDate);
  });
});

// --- Properties ------------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const dateAt = (offset: number) => new Date(Date.UTC(2026, 0, 5) + offset * DAY).toISOString().slice(0, 10);
const dueOf = (events: ClockEvent[], limit: number, today: string, cal: CalendarLike = calendar) =>
  computeClock(cal, working(limit), events, today).governing?.dueDate ?? null;

describe("properties", () => {
  it("a pause never moves a deadline earlier", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (s, limit, pauseAfter, pauseLength) => {
        const accept = dateAt(s);
        const pauseOn = dateAt(s + pauseAfter);
        const resumeOn = dateAt(s + pauseAfter + pauseLength);
        const plain = dueOf([start(accept)], limit, resumeOn);
        const paused = dueOf([start(accept), { type: "pause", on: pauseOn }, { type: "resume", on: resumeOn }], limit, resumeOn);
        if (plain && paused) expect(paused >= plain).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("adding a holiday never moves a deadline earlier", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 250 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 80 }), (s, limit, holidayOffset) => {
        const accept = dateAt(s);
        const extraHoliday = dateAt(s + holidayOffset);
        const withHoliday: CalendarLike = {
          dayInfo: (date) => (date === extraHoliday ? { date, workingDay: false, kind: "holiday", name: "测试" } : calendar.dayInfo(date)),
        };
        const before = dueOf([start(accept)], limit, accept);
        const after = dueOf([start(accept)], limit, accept, withHoliday);
        if (before && after) expect(after >= before).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("used + remaining is always the limit, and used never decreases as days pass", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 60 }), (s, limit, later) => {
        const events = [start(dateAt(s))];
        const a = computeClock(calendar, working(limit), events, dateAt(s + later)).governing!;
        const b = computeClock(calendar, working(limit), events, dateAt(s + later + 1)).governing!;
        expect(a.usedDays + a.remainingDays).toBe(limit);
        expect(b.usedDays).toBeGreaterThanOrEqual(a.usedDays);
      }),
      { numRuns: 200 },
    );
  });
});
