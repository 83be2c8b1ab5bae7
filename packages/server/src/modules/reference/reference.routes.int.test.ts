import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app-harness.js";
import { seedReferenceData } from "./reference.service.js";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  // Idempotent: a no-op in effect when the template already holds the reference data.
  await seedReferenceData(t.database.db);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ method: "GET", url });

describe("GET /api/v1/calendar/days/:date (spec §3)", () => {
  it("answers holidays, make-up working days, weekends and ordinary days without signing in", async () => {
    // 国务院办公厅关于2026年部分节假日安排的通知: 春节 2月15日至23日, 2月14日（周六）上班.
    const holiday = await get("/api/v1/calendar/days/2026-02-16");
    expect(holiday.statusCode).toBe(200);
    expect(holiday.json()).toEqual({ date: "2026-02-16", workingDay: false, kind: "holiday", name: "春节" });
    expect((await get("/api/v1/calendar/days/2026-02-14")).json()).toEqual({
      date: "2026-02-14",
      workingDay: true,
      kind: "adjusted_workday",
      name: "春节",
    });
    expect((await get("/api/v1/calendar/days/2026-03-07")).json()).toEqual({ date: "2026-03-07", workingDay: false, kind: "weekend" });
    expect((await get("/api/v1/calendar/days/2026-03-09")).json()).toEqual({ date: "2026-03-09", workingDay: true, kind: "workday" });
  });

  it("refuses a year without an official notice with 422 CALENDAR_YEAR_UNAVAILABLE", async () => {
    const res = await get("/api/v1/calendar/days/2027-01-04");
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error).toMatchObject({ code: "CALENDAR_YEAR_UNAVAILABLE", fields: [{ path: "date" }] });
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(error.messageEn).toBeTruthy();
    expect(error.requestId).toBeTruthy();
  });

  it("refuses malformed and impossible dates with 400 VALIDATION_FAILED", async () => {
    for (const bad of ["2026-2-16", "20260216", "2026-02-30", "tomorrow"]) {
      const res = await get(`/api/v1/calendar/days/${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
  });
});

describe("GET /api/v1/calendar/due-date (spec §3)", () => {
  it("counts from the day after the start, across the Spring Festival", async () => {
    const res = await get("/api/v1/calendar/due-date?start=2026-02-12&workingDays=5");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      start: "2026-02-12",
      workingDays: 5,
      dueDate: "2026-02-26",
      calendarVersion: expect.stringMatching(/^chinese-days@/),
    });
    expect((await get("/api/v1/calendar/due-date?start=2026-02-15&workingDays=0")).json().dueDate).toBe("2026-02-15");
  });

  it("refuses a count that runs into a year without data", async () => {
    const res = await get("/api/v1/calendar/due-date?start=2026-12-20&workingDays=20");
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "CALENDAR_YEAR_UNAVAILABLE", fields: [{ path: "workingDays" }] });
  });

  it("validates the query", async () => {
    for (const query of ["start=2026-02-12", "start=2026-02-12&workingDays=-1", "start=2026-02-12&workingDays=1001", "start=2026-02-12&workingDays=1.5", "workingDays=3"]) {
      const res = await get(`/api/v1/calendar/due-date?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
  });
});

describe("a calendar override loaded by the app", () => {
  it("answers 2027 and names the override in calendarVersion", async () => {
    const example = join(import.meta.dirname, "../../../seed-data/calendar/calendar-override.example.json");
    const { example: _flag, ...real } = JSON.parse(readFileSync(example, "utf8"));
    const file = join(mkdtempSync(join(tmpdir(), "tzxm-calendar-")), "override.json");
    writeFileSync(file, JSON.stringify(real));
    const { WorkingDayCalendar } = await import("./calendar.js");
    const { buildApp } = await import("../../http/app.js");
    const app = await buildApp({ ...t.app.deps, calendar: WorkingDayCalendar.load({ overrideFile: file }) }, { logger: false });
    try {
      const res = await app.inject({ method: "GET", url: "/api/v1/calendar/due-date?start=2026-12-20&workingDays=20" });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ dueDate: "2027-01-18", calendarVersion: expect.stringMatching(/\+override:[0-9a-f]{12}$/) });
    } finally {
      await app.close();
    }
  });
});

describe("GET /api/v1/reference/…", () => {
  it("lists provinces, then the prefectures of one", async () => {
    const provinces = (await get("/api/v1/reference/regions")).json().items;
    expect(provinces).toHaveLength(31);
    expect(provinces).toContainEqual({ code: "330000", name: "浙江省", level: 1 });
    const zhejiang = await get("/api/v1/reference/regions?parent=330000");
    expect(zhejiang.statusCode).toBe(200);
    expect(zhejiang.json().items[0]).toEqual({ code: "330100", name: "杭州市", level: 2 });
  });

  it("answers one region with its path, 404 for an unknown code, 422 for an unknown parent, 400 for a malformed one", async () => {
    const res = await get("/api/v1/reference/regions/330106");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: "330106",
      name: "西湖区",
      level: 3,
      parentCode: "330100",
      valid: true,
      fullName: "浙江省 杭州市 西湖区",
      path: [
        { code: "330000", name: "浙江省", level: 1 },
        { code: "330100", name: "杭州市", level: 2 },
      ],
    });
    const unknown = await get("/api/v1/reference/regions/999999");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("NOT_FOUND");
    const unknownParent = await get("/api/v1/reference/regions?parent=999999");
    expect(unknownParent.statusCode).toBe(422);
    expect(unknownParent.json().error).toMatchObject({ code: "REGION_UNKNOWN", fields: [{ path: "parent" }] });
    expect((await get("/api/v1/reference/regions/33010")).statusCode).toBe(400);
  });

  it("lists industry sections and the divisions of a section", async () => {
    expect((await get("/api/v1/reference/industries")).json().items).toHaveLength(20);
    const d = (await get("/api/v1/reference/industries?parent=D")).json().items;
    expect(d).toEqual([
      { code: "44", name: "电力、热力生产和供应业", level: "division" },
      { code: "45", name: "燃气生产和供应业", level: "division" },
      { code: "46", name: "水的生产和供应业", level: "division" },
    ]);
    expect((await get("/api/v1/reference/industries?parent=Z")).statusCode).toBe(400);
    expect((await get("/api/v1/reference/industries?parent=98")).statusCode).toBe(422);
  });

  it("lists the department and project type tables", async () => {
    const departments = (await get("/api/v1/reference/central-departments")).json().items;
    expect(departments).toContainEqual({ code: "13", name: "国家能源局" });
    expect((await get("/api/v1/reference/project-types")).json().items).toContainEqual({ code: "02", name: "技术改造" });
  });

  it("documents every reference route in OpenAPI under the reference tag", async () => {
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    for (const path of [
      "/api/v1/calendar/days/{date}",
      "/api/v1/calendar/due-date",
      "/api/v1/reference/regions",
      "/api/v1/reference/regions/{code}",
      "/api/v1/reference/industries",
      "/api/v1/reference/central-departments",
      "/api/v1/reference/project-types",
    ]) {
      expect(doc.paths[path]?.get?.tags, path).toEqual(["reference"]);
      expect(doc.paths[path]?.get?.summary, path).toMatch(/[\u4e00-\u9fa5].*\(/);
    }
  });
});
