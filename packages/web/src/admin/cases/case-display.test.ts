import { describe, expect, it } from "vitest";
import { zh } from "../../i18n/zh.js";
import dayjs from "dayjs";
import { beijingRfc3339, daysLeftText, legendOf, lightOf, shortDigest } from "./case-display.js";
import type { CaseClock } from "./types.js";

const t = (key: keyof typeof zh, vars: Record<string, string | number> = {}) => zh[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

const running: CaseClock = {
  statutoryWorkingDays: 20,
  statutoryCalendarDays: null,
  promisedWorkingDays: 10,
  extendedWorkingDays: 0,
  limitUnit: "working_day",
  usedWorkingDays: 5,
  remainingWorkingDays: 15,
  dueDate: "2026-10-22",
  dueDateUnavailableYear: null,
  running: true,
  phase: "running",
  warning: "none",
  overdue: false,
  promised: null,
};

describe("case clock display", () => {
  it("shows a traffic light only while the clock runs", () => {
    expect(lightOf(running)).toBe("green");
    expect(lightOf({ ...running, warning: "yellow" })).toBe("yellow");
    expect(lightOf({ ...running, warning: "red" })).toBe("red");
    expect(lightOf({ ...running, overdue: true, warning: "none" })).toBe("red");
    expect(lightOf({ ...running, running: false, phase: "paused", warning: "red" })).toBe("grey");
  });

  it("says the days left, the due date, an overdue limit, a pause and a missing calendar year", () => {
    expect(daysLeftText(running, t, "accepted")).toBe("剩余 15 个工作日 · 到期 2026-10-22");
    expect(daysLeftText({ ...running, limitUnit: "calendar_day", remainingWorkingDays: -2, overdue: true }, t, "accepted")).toBe("已超期 2 日 · 到期 2026-10-22");
    expect(daysLeftText({ ...running, phase: "paused", running: false, dueDate: null }, t, "paused")).toBe("暂停计时中 · 剩余 15 个工作日");
    expect(daysLeftText({ ...running, dueDate: null, dueDateUnavailableYear: 2027 }, t, "accepted")).toContain("2027 年官方日历未发布");
    expect(daysLeftText({ ...running, phase: "not_started", running: false, remainingWorkingDays: 20 }, t, "notified")).toBe("未受理，受理后计时（时限 20 个工作日）");
    expect(daysLeftText({ ...running, phase: "stopped", running: false, usedWorkingDays: 7 }, t, "completed")).toBe("已结束，共用 7 天");
  });

  it("draws each explained day as the legend entry of what the clock did, else of the calendar", () => {
    expect(legendOf({ date: "2026-09-20", kind: "adjusted_workday", role: "counted", count: 1 })).toBe("adjusted_workday");
    expect(legendOf({ date: "2026-09-26", kind: "weekend", role: "not_counted" })).toBe("weekend");
    expect(legendOf({ date: "2026-10-01", kind: "holiday", role: "paused" })).toBe("paused");
    expect(legendOf({ date: "2026-10-01", kind: "holiday", role: "not_counted" })).toBe("holiday");
    expect(legendOf({ date: "2026-09-22", kind: "workday", role: "pause_day" })).toBe("paused");
    expect(legendOf({ date: "2026-10-20", kind: "workday", role: "projected", count: 12, due: true })).toBe("projected");
    expect(legendOf({ date: "2026-11-28", kind: "weekend", role: "today" })).toBe("weekend");
    expect(legendOf({ date: "2026-09-18", kind: "workday", role: "start" })).toBe("start");
  });
});

describe("step time and digest display", () => {
  it("sends the picked wall-clock time as Beijing time, whatever the browser's zone", () => {
    expect(beijingRfc3339(dayjs("2026-09-18 10:05:30"))).toBe("2026-09-18T10:05:30+08:00");
    expect(new Date(beijingRfc3339(dayjs("2026-09-18 00:30:00"))).toISOString()).toBe("2026-09-17T16:30:00.000Z");
  });
  it("shortens an SM3 digest to its ends", () => {
    const sm3 = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    expect(shortDigest(sm3)).toBe("66c7f0f4…8f4ba8e0");
    expect(shortDigest("abc")).toBe("abc");
  });
});
