import { afterAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../boot.js";
import { loadConfig } from "../config/env.js";
import { type Database, openDatabase } from "../db/database.js";
import { sweepOpenCases } from "../modules/cases/sweep.service.js";

/** `npm start` on a fresh embedded database: the demo's sample projects show every kind of case state. */
describe("demo sample cases", () => {
  let database: Database | undefined;
  afterAll(async () => {
    await database?.close();
  });

  it("loads a 核准 project under way (overdue, due soon, paused) and an approved 备案 project, once", async () => {
    database = await openDatabase({});
    const config = loadConfig({ DEMO_MODE: "true", LOG_LEVEL: "silent" });
    const { calendar } = await prepareDatabase(config, () => {}, { database });
    const cases = await database.db.selectFrom("matter_case").select(["status", "matter_code"]).execute();
    const statuses = cases.map((c) => c.status);
    expect(statuses).toContain("accepted");
    expect(statuses).toContain("paused");
    expect(statuses.filter((s) => s === "completed").length).toBeGreaterThanOrEqual(3);
    const projects = await database.db.selectFrom("project").select(["status", "approval_category"]).execute();
    expect(projects).toContainEqual({ status: "approved", approval_category: "filing" });
    expect(projects).toContainEqual({ status: "in_approval", approval_category: "verification" });
    const result = await sweepOpenCases({ db: database.db, calendar, warnDays: 3 });
    expect(result.warnings).toBeGreaterThanOrEqual(2);
    const levels = (await database.db.selectFrom("case_warning").select("level").execute()).map((w) => w.level).sort();
    expect(levels).toEqual(expect.arrayContaining(["red", "yellow"]));
    // A second start loads nothing more.
    await prepareDatabase(config, () => {}, { database });
    expect((await database.db.selectFrom("matter_case").select("id").execute()).length).toBe(cases.length);
  });
});
