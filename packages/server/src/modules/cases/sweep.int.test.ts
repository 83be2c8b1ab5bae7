import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { connectionUrlOf, testDatabaseKind } from "../../../test/test-database.js";
import { type Database, openDatabase } from "../../db/database.js";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { sweepOpenCases } from "./sweep.service.js";

type Matter = { caseId: string; matterName: string };

describe("the deadline sweep: warnings once each, re-armed by a new due date, and calendar reloads recorded", () => {
  let t: TestApp;
  let second: Database;
  const calendar = WorkingDayCalendar.load();
  const overrideDir = mkdtempSync(join(tmpdir(), "tzxm-calendar-"));

  beforeAll(async () => {
    // Fri 25 Sep 2026, 10:00 Beijing.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-09-25T02:00:00Z") });
    t = await startTestApp();
    // A second process's connection to the same database (PGlite has one connection: the same handle).
    second = testDatabaseKind() === "postgres" ? await openDatabase({ databaseUrl: connectionUrlOf(t.database), poolSize: 3 }) : t.database;
  });
  afterAll(async () => {
    vi.useRealTimers();
    if (second !== t.database) await second.close();
    await t.close();
    rmSync(overrideDir, { recursive: true, force: true });
  });

  async function acceptedCase(officer: Client, unit: Client, acceptedAt: string): Promise<string> {
    const declared = (await unit.post("/api/v1/projects", sampleDeclaration())).json() as { requiredMatters: Matter[] };
    const c = declared.requiredMatters.find((m) => m.matterName.includes("核准"))!;
    expect((await officer.post(`/api/v1/cases/${c.caseId}/events`, { type: "receive", at: acceptedAt })).statusCode).toBe(201);
    expect((await officer.post(`/api/v1/cases/${c.caseId}/events`, { type: "accept", at: acceptedAt })).statusCode).toBe(201);
    return c.caseId;
  }

  const warningsOf = (caseId: string) => t.database.db.selectFrom("case_warning").select(["level", "due_date"]).where("case_id", "=", caseId).orderBy("id").execute();

  it("raises red for an overdue case and yellow for one with 2 days left, once each, with two sweepers at the same time", async () => {
    const unit = await signIn(t.app, "demo-unit");
    const officer = await signIn(t.app, "demo-officer-fgw");
    // Accepted Thu 27 Aug: 20 working days ended Wed 23 Sep (Sun 20 Sep is 调休) → overdue on 25 Sep.
    const late = await acceptedCase(officer, unit, "2026-08-27T10:00:00+08:00");
    // Accepted Tue 1 Sep: 18 days used by 24 Sep, due Tue 29 Sep (25-27 Sep 中秋) → 2 left.
    const soon = await acceptedCase(officer, unit, "2026-09-01T10:00:00+08:00");

    const ctx = (database: Database) => ({ db: database.db, calendar, warnDays: 3 });
    const [a, b] = await Promise.all([sweepOpenCases(ctx(t.database), { batchSize: 1 }), sweepOpenCases(ctx(second), { batchSize: 1 })]);
    expect(await warningsOf(late)).toEqual([{ level: "red", due_date: "2026-09-23" }]);
    expect(await warningsOf(soon)).toEqual([{ level: "yellow", due_date: "2026-09-29" }]);
    expect(a.warnings + b.warnings).toBe(2);
    expect((await sweepOpenCases(ctx(t.database))).warnings).toBe(0);

    // The officer and the department's leader each heard of each warning once.
    const leader = await signIn(t.app, "demo-leader-fgw");
    for (const who of [officer, leader]) {
      const kinds = (await who.get("/api/v1/messages?limit=200")).json().items.filter((m: { subject: string }) => m.subject === late || m.subject === soon).map((m: { kind: string }) => m.kind);
      expect(kinds.sort()).toEqual(["case.warning_red", "case.warning_yellow"]);
    }
    // The queue puts the red case first.
    const queue = (await officer.get("/api/v1/cases?status=accepted,paused")).json();
    expect(queue.items[0]).toMatchObject({ caseId: late, clock: { warning: "red", overdue: true } });

    // A leader's extension gives a new due date (Mon 28 Sep: 22 days) and so re-arms the warning.
    expect((await leader.post(`/api/v1/cases/${late}/events`, { type: "extend", workingDays: 2, reason: "补充论证" })).statusCode).toBe(201);
    await sweepOpenCases(ctx(t.database));
    expect(await warningsOf(late)).toEqual([
      { level: "red", due_date: "2026-09-23" },
      { level: "yellow", due_date: "2026-09-28" },
    ]);
  });

  it("a newly loaded calendar year gives due dates that were unknown, and records each change", async () => {
    vi.setSystemTime(new Date("2026-12-10T02:00:00Z"));
    const unit = await signIn(t.app, "demo-unit");
    const officer = await signIn(t.app, "demo-officer-fgw");
    const caseId = await acceptedCase(officer, unit, "2026-12-10T09:00:00+08:00");
    const before = (await officer.get(`/api/v1/cases/${caseId}`)).json().clock;
    expect(before).toMatchObject({ dueDate: null, dueDateUnavailableYear: 2027 });

    const file = join(overrideDir, "2027.json");
    writeFileSync(
      file,
      JSON.stringify({
        years: [
          {
            year: 2027,
            source: { title: "测试用2027年节假日安排", number: "测试", publishedOn: "2026-11-01" },
            holidays: [{ name: "元旦", from: "2027-01-01", to: "2027-01-03" }],
            adjustedWorkdays: [],
          },
        ],
      }),
    );
    const reloaded = WorkingDayCalendar.load({ overrideFile: file });
    const result = await sweepOpenCases({ db: t.database.db, calendar: reloaded, warnDays: 3 });
    expect(result.deadlineChanges).toBeGreaterThanOrEqual(1);
    const change = await t.database.db.selectFrom("case_deadline_change").selectAll().where("case_id", "=", caseId).executeTakeFirstOrThrow();
    // 11, 14-18, 21-25, 28-31 Dec (15 days); 1 Jan 元旦; 4-8 Jan are the 16th to the 20th.
    expect(change).toMatchObject({ old_due_date: null, new_due_date: "2027-01-08", new_calendar: reloaded.version });
    const stored = await t.database.db.selectFrom("matter_case").select(["due_date", "calendar_version"]).where("id", "=", caseId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ due_date: "2027-01-08", calendar_version: reloaded.version });
    // A second pass with the same calendar records nothing more.
    expect((await sweepOpenCases({ db: t.database.db, calendar: reloaded, warnDays: 3 })).deadlineChanges).toBe(0);
  });
});
