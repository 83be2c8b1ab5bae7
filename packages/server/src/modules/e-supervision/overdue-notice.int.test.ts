import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { sweepOpenCases } from "../cases/sweep.service.js";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { leadersToldByCard, sweepCards } from "./card-sweep.service.js";

type Message = { subject: string; kind: string; title: string };

describe("a department leader hears of one deadline once: the card, not also the warning", () => {
  let t: TestApp;
  const calendar = WorkingDayCalendar.load();

  beforeAll(async () => {
    // Fri 25 Sep 2026, 10:00 Beijing.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-09-25T02:00:00Z") });
    t = await startTestApp();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  // Accepted Thu 27 Aug: 20 working days ended Wed 23 Sep → overdue on 25 Sep.
  async function overdueCase(officer: Client, unit: Client, acceptedAt = "2026-08-27T10:00:00+08:00"): Promise<string> {
    const declared = (await unit.post("/api/v1/projects", sampleDeclaration())).json() as { requiredMatters: { caseId: string; matterName: string }[] };
    const c = declared.requiredMatters.find((m) => m.matterName.includes("核准"))!;
    for (const type of ["receive", "accept"]) {
      expect((await officer.post(`/api/v1/cases/${c.caseId}/events`, { type, at: acceptedAt })).statusCode).toBe(201);
    }
    return c.caseId;
  }
  const deadlineSweep = () => sweepOpenCases({ db: t.database.db, calendar, warnDays: 3, leadersCarded: leadersToldByCard });
  const cardSweep = () => sweepCards({ db: t.database.db, calendar, lookbackDays: 30 });
  const lateness = (m: Message) => m.kind === "case.warning_red" || (m.kind === "esupervision.card_red" && m.title.includes("办件超过办理时限"));
  const nearness = (m: Message) => m.kind === "case.warning_yellow" || (m.kind === "esupervision.card_yellow" && m.title.includes("办件超过办理时限"));
  async function messagesOf(who: Client, caseId: string, which: (m: Message) => boolean): Promise<string[]> {
    const items = (await who.get("/api/v1/messages?limit=200")).json().items as Message[];
    return items.filter((m) => m.subject === caseId && which(m)).map((m) => m.kind);
  }
  const latenessMessages = (who: Client, caseId: string) => messagesOf(who, caseId, lateness);

  it("whichever sweep runs first: the officer gets the red warning, demo-leader-fgw only the red card", async () => {
    const unit = await signIn(t.app, "demo-unit");
    const officer = await signIn(t.app, "demo-officer-fgw");
    const leader = await signIn(t.app, "demo-leader-fgw");
    const cardFirst = await overdueCase(officer, unit);
    await cardSweep();
    await deadlineSweep();
    const warningFirst = await overdueCase(officer, unit);
    await deadlineSweep();
    await cardSweep();
    for (const caseId of [cardFirst, warningFirst]) {
      expect(await latenessMessages(leader, caseId)).toEqual(["esupervision.card_red"]);
      expect(await latenessMessages(officer, caseId)).toEqual(["case.warning_red"]);
      const warning = await t.database.db.selectFrom("case_warning").select("level").where("case_id", "=", caseId).execute();
      expect(warning).toEqual([{ level: "red" }]);
    }
  });

  // Accepted Wed 2 Sep: due Wed 30 Sep, three working days left on Fri 25 Sep — within both the deadline sweep's and
  // the OVERALL_LIMIT rule's 3 working days.
  it("before the due date: the officer gets the yellow warning, demo-leader-fgw only the yellow card", async () => {
    const officer = await signIn(t.app, "demo-officer-fgw");
    const leader = await signIn(t.app, "demo-leader-fgw");
    const caseId = await overdueCase(officer, await signIn(t.app, "demo-unit"), "2026-09-02T10:00:00+08:00");
    await deadlineSweep();
    await cardSweep();
    const warning = await t.database.db.selectFrom("case_warning").select(["level", "due_date"]).where("case_id", "=", caseId).execute();
    expect(warning).toEqual([{ level: "yellow", due_date: "2026-09-30" }]);
    expect(await messagesOf(officer, caseId, nearness)).toEqual(["case.warning_yellow"]);
    expect(await messagesOf(leader, caseId, nearness)).toEqual(["esupervision.card_yellow"]);
  });

  it("with the overall-limit rule switched off no card comes, so the leader gets the red warning", async () => {
    const supervisor = await signIn(t.app, "demo-supervisor");
    const off = await supervisor.put("/api/v1/e-supervision/rules/OVERALL_LIMIT", {
      enabled: false,
      level: "red",
      parameters: { limit: "governing", yellowRemainingDays: 3 },
      reason: "试行期间暂停",
    });
    expect(off.statusCode, off.body).toBe(200);
    const officer = await signIn(t.app, "demo-officer-fgw");
    const leader = await signIn(t.app, "demo-leader-fgw");
    const caseId = await overdueCase(officer, await signIn(t.app, "demo-unit"));
    await deadlineSweep();
    await cardSweep();
    expect(await latenessMessages(leader, caseId)).toEqual(["case.warning_red"]);
    expect(await latenessMessages(officer, caseId)).toEqual(["case.warning_red"]);
  });
});
