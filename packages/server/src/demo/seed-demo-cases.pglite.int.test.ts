import { afterAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../boot.js";
import { loadConfig } from "../config/env.js";
import { type Database, openDatabase } from "../db/database.js";
import { sweepOpenCases } from "../modules/cases/sweep.service.js";
import { sweepCards } from "../modules/e-supervision/card-sweep.service.js";

/** `npm start` on a fresh embedded database: the demo's sample projects show every kind of case state and the cards they mean to. */
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
    const cardResult = await sweepCards({ db: database.db, calendar, lookbackDays: config.CARD_SWEEP_LOOKBACK_DAYS });
    const cards = await database.db
      .selectFrom("supervision_card as k")
      .innerJoin("matter_case as c", "c.id", "k.case_id")
      .select(["k.rule_code", "k.level", "c.matter_code"])
      .orderBy("k.rule_code")
      .orderBy("c.matter_code")
      .execute();
    // Exactly the cards seed-demo-cases.ts means to show; a backdated step raises no LATE_ACCEPTANCE.
    expect(cards).toEqual([
      { rule_code: "OVERALL_LIMIT", level: "red", matter_code: "ZJ-FGW-002" },
      { rule_code: "OVERALL_LIMIT", level: "yellow", matter_code: "ZJ-ZRZY-001" },
      { rule_code: "PROMISED_LIMIT", level: "yellow", matter_code: "ZJ-FGW-002" },
      { rule_code: "PROMISED_LIMIT", level: "yellow", matter_code: "ZJ-ZRZY-001" },
    ]);
    expect(cardResult.cards).toBe(4);
    // A second start loads nothing more.
    await prepareDatabase(config, () => {}, { database });
    expect((await database.db.selectFrom("matter_case").select("id").execute()).length).toBe(cases.length);
  });
});
