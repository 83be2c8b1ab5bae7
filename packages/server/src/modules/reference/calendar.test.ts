import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../platform/errors.js";
import { CalendarOverrideError, type DayKind, WorkingDayCalendar } from "./calendar.js";

const calendar = WorkingDayCalendar.load();

interface Notice {
  holidays: Array<[name: string | string[], from: string, to: string]>;
  adjustedWorkdays: Array<[name: string, date: string]>;
}

// The vectors below are typed in from the notices themselves, not computed from the package.

/**
 * 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024年11月12日):
 * 一、元旦：1月1日（周三）放假1天，不调休。
 * 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
 * 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
 * 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
 * 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
 * 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
 */
const NOTICE_2025: Notice = {
  holidays: [
    ["元旦", "2025-01-01", "2025-01-01"],
    ["春节", "2025-01-28", "2025-02-04"],
    ["清明节", "2025-04-04", "2025-04-06"],
    ["劳动节", "2025-05-01", "2025-05-05"],
    ["端午节", "2025-05-31", "2025-06-02"],
    // One combined holiday; each day is named after one of the two festivals.
    [["国庆节", "中秋节"], "2025-10-01", "2025-10-08"],
  ],
  adjustedWorkdays: [
    ["春节", "2025-01-26"],
    ["春节", "2025-02-08"],
    ["劳动节", "2025-04-27"],
    ["国庆节", "2025-09-28"],
    ["国庆节", "2025-10-11"],
  ],
};

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 2025年11月4日, 新华社受权发布):
 * 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
 * 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 * 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
 * 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
 * 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
 * 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
 * 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
 */
const NOTICE_2026: Notice = {
  holidays: [
    ["元旦", "2026-01-01", "2026-01-03"],
    ["春节", "2026-02-15", "2026-02-23"],
    ["清明节", "2026-04-04", "2026-04-06"],
    ["劳动节", "2026-05-01", "2026-05-05"],
    ["端午节", "2026-06-19", "2026-06-21"],
    ["中秋节", "2026-09-25", "2026-09-27"],
    ["国庆节", "2026-10-01", "2026-10-07"],
  ],
  adjustedWorkdays: [
    ["元旦", "2026-01-04"],
    ["春节", "2026-02-14"],
    ["春节", "2026-02-28"],
    ["劳动节", "2026-05-09"],
    ["国庆节", "2026-09-20"],
    ["国庆节", "2026-10-10"],
  ],
};

function* daysFrom(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

function weekdayKind(date: string): DayKind {
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w === 0 || w === 6 ? "weekend" : "workday";
}

function expectDomainError(fn: () => unknown, code: string, path?: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const error = e as DomainError;
    expect(error.code).toBe(code);
    if (path) expect(error.options.fields?.map((f) => f.path)).toEqual([path]);
    return error;
  }
  throw new Error(`expected ${code}`);
}

describe.each([
  [2025, NOTICE_2025],
  [2026, NOTICE_2026],
])("the %i notice", (year, notice) => {
  it("every holiday day is a named holiday", () => {
    for (const [name, from, to] of notice.holidays) {
      for (const date of daysFrom(from, to)) {
        const info = calendar.dayInfo(date);
        expect(info, date).toMatchObject({ date, workingDay: false, kind: "holiday" });
        expect(Array.isArray(name) ? name : [name], date).toContain(info.name);
      }
    }
  });

  it("every make-up day (调休上班) is a working day named after its holiday", () => {
    for (const [name, date] of notice.adjustedWorkdays) {
      expect(calendar.dayInfo(date), date).toEqual({ date, workingDay: true, kind: "adjusted_workday", name });
      expect(calendar.isWorkingDay(date)).toBe(true);
    }
  });

  it("every other day of the year is an ordinary weekday or weekend: nothing beyond the notice", () => {
    const special = new Set<string>([
      ...notice.holidays.flatMap(([, from, to]) => [...daysFrom(from, to)]),
      ...notice.adjustedWorkdays.map(([, date]) => date),
    ]);
    let ordinary = 0;
    for (const date of daysFrom(`${year}-01-01`, `${year}-12-31`)) {
      if (special.has(date)) continue;
      const kind = weekdayKind(date);
      expect(calendar.dayInfo(date), date).toEqual({ date, workingDay: kind === "workday", kind });
      ordinary += 1;
    }
    expect(ordinary + special.size).toBe(365);
  });
});

describe("dueDate (spec §3: the start day is not counted)", () => {
  it("runs across the Spring Festival", () => {
    // 2026-02-12 (Thu) + 5: 13 Fri (1), 14 Sat 上班 (2), 15-23 春节, 24 (3), 25 (4), 26 (5).
    expect(calendar.dueDate("2026-02-12", 5)).toBe("2026-02-26");
    expect(calendar.workingDaysBetween("2026-02-12", "2026-02-26")).toBe(5);
  });

  it("starts on a holiday", () => {
    // 2026-10-01 is 国庆节; 2-7 too; 8 Thu (1), 9 Fri (2), 10 Sat 上班 (3).
    expect(calendar.dueDate("2026-10-01", 3)).toBe("2026-10-10");
    // 2025: 国庆节、中秋节 1-8; 9 Thu (1), 10 Fri (2), 11 Sat 上班 (3), 13-17 (4-8), 20-24 (9-13), 27-30 (14-17)…
    // from 2025-09-26 (Fri): 27 Sat rest, 28 Sun 上班 (1), 29 (2), 30 (3), then as above +3 → 30 Oct is the 20th.
    expect(calendar.dueDate("2025-09-26", 20)).toBe("2025-10-30");
  });

  it("answers the start itself for 0 working days, even on a holiday", () => {
    expect(calendar.dueDate("2026-02-15", 0)).toBe("2026-02-15");
    expect(calendar.dueDate("2026-03-02", 0)).toBe("2026-03-02");
  });

  it("crosses the 2025 → 2026 year boundary", () => {
    // 2025-12-29 (Mon) + 5: 30 (1), 31 (2), 2026-01-01..03 元旦, 4 Sun 上班 (3), 5 (4), 6 (5).
    expect(calendar.dueDate("2025-12-29", 5)).toBe("2026-01-06");
    expect(calendar.workingDaysBetween("2025-12-29", "2026-01-06")).toBe(5);
  });

  it("counts working days between two dates, end included, start excluded", () => {
    // 2025-04-30 (Wed) → 2025-05-06 (Tue): 5月1日至5日 劳动节, 6th a working day.
    expect(calendar.workingDaysBetween("2025-04-30", "2025-05-06")).toBe(1);
    expect(calendar.workingDaysBetween("2025-05-06", "2025-04-30")).toBe(-1);
    expect(calendar.workingDaysBetween("2025-05-06", "2025-05-06")).toBe(0);
    // 4月27日（周日）上班 counts; 4月26日 (Sat) does not.
    expect(calendar.workingDaysBetween("2025-04-25", "2025-04-27")).toBe(1);
  });

  it("counts from a Friday over an ordinary weekend", () => {
    expect(calendar.dueDate("2026-03-06", 1)).toBe("2026-03-09");
  });

  it("refuses a malformed count or date", () => {
    expectDomainError(() => calendar.dueDate("2026-03-06", -1), "VALIDATION_FAILED", "workingDays");
    expectDomainError(() => calendar.dueDate("2026-03-06", 1.5), "VALIDATION_FAILED", "workingDays");
    expectDomainError(() => calendar.dueDate("2026-02-30", 1), "VALIDATION_FAILED", "start");
    expectDomainError(() => calendar.dayInfo("2026-2-3"), "VALIDATION_FAILED", "date");
  });
});

describe("years without an official notice are refused, never guessed", () => {
  it("exposes the years it has", () => {
    expect(calendar.years[0]).toBe(2004);
    expect(calendar.years.at(-1)).toBe(2026);
    expect(calendar.years).toHaveLength(23);
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
    expect(calendar.version).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);
  });

  it("refuses dayInfo in 2027 and before 2004", () => {
    const error = expectDomainError(() => calendar.dayInfo("2027-01-04"), "CALENDAR_YEAR_UNAVAILABLE", "date");
    expect(error.options.fields?.[0]?.message).toContain("2027");
    expectDomainError(() => calendar.isWorkingDay("2003-12-31"), "CALENDAR_YEAR_UNAVAILABLE", "date");
  });

  it("refuses a due date that would run into 2027, but not one that ends in 2026", () => {
    // 2026-12-20 is a Sunday: 21-25 (1-5), 28-31 (6-9); the 10th working day would be in 2027.
    expect(calendar.dueDate("2026-12-20", 9)).toBe("2026-12-31");
    expectDomainError(() => calendar.dueDate("2026-12-20", 10), "CALENDAR_YEAR_UNAVAILABLE", "workingDays");
    expectDomainError(() => calendar.dueDate("2026-12-20", 20), "CALENDAR_YEAR_UNAVAILABLE", "workingDays");
    expectDomainError(() => calendar.dueDate("2027-01-04", 0), "CALENDAR_YEAR_UNAVAILABLE", "start");
    expectDomainError(() => calendar.workingDaysBetween("2026-12-30", "2027-01-05"), "CALENDAR_YEAR_UNAVAILABLE");
  });
});

describe("override file", () => {
  const example = join(import.meta.dirname, "../../../seed-data/calendar/calendar-override.example.json");
  const dir = mkdtempSync(join(tmpdir(), "tzxm-calendar-"));
  const write = (name: string, content: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    return file;
  };
  const exampleJson = () => JSON.parse(readFileSync(example, "utf8")) as { example?: boolean; years: Array<Record<string, unknown>> };

  it("refuses the committed example as it is: example data is not a notice", () => {
    expect(() => WorkingDayCalendar.load({ overrideFile: example })).toThrow(/example/);
  });

  it("adds 2027 from the example's format once it is marked as real", () => {
    const { example: _flag, ...real } = exampleJson();
    const loaded = WorkingDayCalendar.load({ overrideFile: write("2027.json", real) });
    expect(loaded.hasYear(2027)).toBe(true);
    expect(loaded.years.at(-1)).toBe(2027);
    expect(loaded.version).toMatch(/^chinese-days@\d+\.\d+\.\d+\+override:[0-9a-f]{12}$/);
    expect(loaded.dayInfo("2027-02-08")).toEqual({ date: "2027-02-08", workingDay: false, kind: "holiday", name: "春节" });
    expect(loaded.dayInfo("2027-02-20")).toEqual({ date: "2027-02-20", workingDay: true, kind: "adjusted_workday", name: "春节" });
    expect(loaded.dayInfo("2027-03-01")).toEqual({ date: "2027-03-01", workingDay: true, kind: "workday" });
    // 9 working days to 2026-12-31; 2027-01-01..03 元旦 (example); 4-8 (10-14), 11-15 (15-19), 18 (20).
    expect(loaded.dueDate("2026-12-20", 20)).toBe("2027-01-18");
    // The package's years are untouched.
    expect(loaded.dayInfo("2026-02-14").kind).toBe("adjusted_workday");
    expectDomainError(() => loaded.dayInfo("2028-01-03"), "CALENDAR_YEAR_UNAVAILABLE", "date");
  });

  it("needs replacePackageData to change a year the package has, and then replaces that whole year", () => {
    const year2026 = {
      year: 2026,
      source: { title: "国务院办公厅关于2026年部分节假日安排的通知", number: "国办发明电〔2025〕7号", publishedOn: "2025-11-04" },
      holidays: [{ name: "春节", from: "2026-02-15", to: "2026-02-23" }],
      adjustedWorkdays: [{ date: "2026-02-14", name: "春节" }],
    };
    expect(() => WorkingDayCalendar.load({ overrideFile: write("2026.json", { years: [year2026] }) })).toThrow(/replacePackageData/);
    const replaced = WorkingDayCalendar.load({
      overrideFile: write("2026r.json", { years: [{ ...year2026, replacePackageData: true }] }),
    });
    expect(replaced.dayInfo("2026-02-16").kind).toBe("holiday");
    expect(replaced.dayInfo("2026-10-01").kind).toBe("workday");
  });

  it.each([
    ["not JSON", "{ years: [", /not JSON/],
    ["an unknown key", { years: [], extra: 1 }, /extra|Unrecognized/],
    ["no years", { years: [] }, /years/],
    ["a make-up day on a weekday", mutate((y) => (y.adjustedWorkdays as object[]).push({ date: "2027-03-03", name: "春节" })), /weekday/],
    ["a date outside its year", mutate((y) => (y.holidays as object[]).push({ name: "元旦", from: "2026-12-31", to: "2026-12-31" })), /not in 2027/],
    ["a day listed twice", mutate((y) => (y.adjustedWorkdays as object[]).push({ date: "2027-01-02", name: "元旦" })), /twice/],
    ["a range that ends before it starts", mutate((y) => (y.holidays as object[]).push({ name: "x", from: "2027-12-20", to: "2027-12-18" })), /before/],
    ["a misspelt field", mutate((y) => { y.adjustedWorkday = y.adjustedWorkdays; delete y.adjustedWorkdays; }), /adjustedWorkday/],
    ["an impossible date", mutate((y) => (y.holidays as object[]).push({ name: "x", from: "2027-02-29", to: "2027-02-29" })), /holidays/],
  ])("refuses %s with a clear error", (_label, content, pattern) => {
    const file = write(`bad-${Math.random().toString(36).slice(2)}.json`, content);
    let error: unknown;
    try {
      WorkingDayCalendar.load({ overrideFile: file });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarOverrideError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(pattern);
  });

  it("refuses a file that does not exist", () => {
    expect(() => WorkingDayCalendar.load({ overrideFile: join(dir, "missing.json") })).toThrow(CalendarOverrideError);
  });

  function mutate(change: (year: Record<string, unknown>) => void) {
    const { example: _flag, ...real } = exampleJson();
    const year = structuredClone(real.years[0]) as Record<string, unknown>;
    change(year);
    return { years: [year] };
  }
});

describe("properties", () => {
  // Start dates whose counts (≤ 120 working days, under 180 calendar days) stay inside 2004-2026.
  const FIRST = Date.UTC(2004, 0, 1) / 86_400_000;
  const LAST = Date.UTC(2026, 5, 30) / 86_400_000;
  const start = fc.integer({ min: FIRST, max: LAST }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const n = fc.integer({ min: 0, max: 120 });

  it("dueDate grows with n, ends on a working day and counts back to n", () => {
    fc.assert(
      fc.property(start, n, (s, k) => {
        const due = calendar.dueDate(s, k);
        expect(calendar.dueDate(s, k + 1) > due).toBe(true);
        expect(calendar.workingDaysBetween(s, due)).toBe(k);
        if (k > 0) {
          expect(calendar.isWorkingDay(due)).toBe(true);
          // The first day with k working days: the day before has k − 1.
          const before = new Date(Date.parse(`${due}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
          expect(calendar.workingDaysBetween(s, before)).toBe(k - 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("workingDaysBetween adds up over consecutive spans and is antisymmetric", () => {
    fc.assert(
      fc.property(start, start, start, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort();
        expect(calendar.workingDaysBetween(x as string, z as string)).toBe(
          calendar.workingDaysBetween(x as string, y as string) + calendar.workingDaysBetween(y as string, z as string),
        );
        expect(calendar.workingDaysBetween(a, b)).toBe(0 - calendar.workingDaysBetween(b, a));
        expect(Object.is(calendar.workingDaysBetween(b, a), -0)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});
