import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { sweepCards } from "../e-supervision/card-sweep.service.js";

type Matter = { caseId: string; matterCode: string };

/**
 * 绩效 from a known fixture (September 2026), every step recorded on the day it happened:
 * - 发展改革委 (ZJ-FGW-002: 20 working days statutory, 10 promised)
 *   A accepted Thu 27 Aug, completed Wed 23 Sep, the due date: on time, 19 working days used;
 *   B accepted Thu 27 Aug, completed Thu 24 Sep: late, 20 used;
 *   C accepted Tue 1 Sep, paused Mon 7 to Mon 14 Sep, completed Wed 16 Sep: on time, 4 used (2-4 and 15 Sep).
 *   → 3 completed, 2 on time (0.6667), 14.3 days on average; 1 accepted in September (C);
 *     cards raised on 30 Sep: B red (overall limit), A and B yellow (promised limit); 1 rectification closed.
 * - 自然资源厅 (ZJ-ZRZY-001) D accepted Tue 1 Sep, completed Thu 3 Sep: on time, 1 used → rate 1, ranked first.
 */
describe("绩效: a month's figures by department from a known fixture, and the ranking", () => {
  let t: TestApp;
  const calendar = WorkingDayCalendar.load();

  async function on(date: string, fn: () => Promise<void>) {
    vi.setSystemTime(new Date(`${date}T02:00:00Z`));
    await fn();
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-08-27T02:00:00Z") });
    t = await startTestApp();
    const ids: Record<string, string> = {};
    const step = async (username: string, caseId: string, body: Record<string, unknown>) => {
      const res = await (await signIn(t.app, username)).post(`/api/v1/cases/${caseId}/events`, body);
      expect(res.statusCode, res.body).toBe(201);
    };
    const fgw = (caseId: string, body: Record<string, unknown>) => step("demo-officer-fgw", caseId, body);
    await on("2026-08-27", async () => {
      const unit = await signIn(t.app, "demo-unit");
      for (const key of ["A", "B", "C"]) {
        const told = (await unit.post("/api/v1/projects", sampleDeclaration({ newConstructionLand: true, landAreaHectares: 8 }))).json().requiredMatters as Matter[];
        ids[key] = told.find((m) => m.matterCode === "ZJ-FGW-002")!.caseId;
        if (key === "C") ids.D = told.find((m) => m.matterCode === "ZJ-ZRZY-001")!.caseId;
      }
      for (const key of ["A", "B"]) {
        await fgw(ids[key]!, { type: "receive" });
        await fgw(ids[key]!, { type: "accept" });
      }
    });
    await on("2026-09-01", async () => {
      await fgw(ids.C!, { type: "receive" });
      await fgw(ids.C!, { type: "accept" });
      await step("demo-officer-zrzy", ids.D!, { type: "receive" });
      await step("demo-officer-zrzy", ids.D!, { type: "accept" });
    });
    await on("2026-09-03", () => step("demo-officer-zrzy", ids.D!, { type: "complete", result: "granted", opinion: "同意", documentNumber: "浙自然资预〔2026〕1号", documentTitle: "用地预审意见" }));
    await on("2026-09-07", () => fgw(ids.C!, { type: "pause", reasonClass: "expert_review", reason: "专家评审" }));
    await on("2026-09-14", () => fgw(ids.C!, { type: "resume" }));
    const complete = (n: number) => ({ type: "complete", result: "granted", opinion: "同意核准", documentNumber: `浙发改核〔2026〕${n}号`, documentTitle: "核准批复" });
    await on("2026-09-16", () => fgw(ids.C!, complete(3)));
    await on("2026-09-23", () => fgw(ids.A!, complete(1)));
    await on("2026-09-24", () => fgw(ids.B!, complete(2)));
    await on("2026-09-30", async () => {
      await sweepCards({ db: t.database.db, calendar, lookbackDays: 30 });
    });
    // Rectification orders (监管, helper G's table): one closed by 发展改革委 in September, one in October, one open.
    const db = t.database.db;
    const fgwOrg = await db.selectFrom("organisation").select("id").where("name", "=", "浙江省发展和改革委员会").executeTakeFirstOrThrow();
    const supervisor = await db.selectFrom("app_user").select("id").where("username", "=", "demo-supervisor").executeTakeFirstOrThrow();
    const project = await db.selectFrom("matter_case").select("project_id").where("id", "=", ids.A!).executeTakeFirstOrThrow();
    const order = (status: "open" | "closed", closedOn: string | null) => ({
      project_id: project.project_id, organisation_id: fgwOrg.id, requirements: "按要求整改", issued_on: "2026-09-01", deadline: "2026-09-20",
      status, closed_on: closedOn, created_by: supervisor.id, created_at: new Date("2026-09-01T02:00:00Z"),
    });
    await db.insertInto("rectification_order").values([order("closed", "2026-09-15"), order("closed", "2026-10-02"), order("open", null)]).execute();
    vi.setSystemTime(new Date("2026-10-12T02:00:00Z"));
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it("gives the exact figures and ranking to the province's supervisor", async () => {
    const supervisor = await signIn(t.app, "demo-supervisor");
    const res = await supervisor.get("/api/v1/performance?month=2026-09");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      month: "2026-09",
      items: [
        { departmentId: expect.any(Number), department: "浙江省自然资源厅", accepted: 1, completed: 1, onTime: 1, onTimeRate: 1, averageWorkingDaysUsed: 1, yellowCards: 0, redCards: 0, rectificationsClosed: 0, rank: 1 },
        { departmentId: expect.any(Number), department: "浙江省发展和改革委员会", accepted: 1, completed: 3, onTime: 2, onTimeRate: 0.6667, averageWorkingDaysUsed: 14.3, yellowCards: 2, redCards: 1, rectificationsClosed: 1, rank: 2 },
      ],
    });
    // August: A and B accepted, nothing completed, no cards.
    const august = (await supervisor.get("/api/v1/performance?month=2026-08")).json();
    expect(august.items).toEqual([expect.objectContaining({ department: "浙江省发展和改革委员会", accepted: 2, completed: 0, onTimeRate: null, averageWorkingDaysUsed: null, rank: 1 })]);
  });

  it("shows a department's officer its own department only, and refuses a malformed month", async () => {
    const officer = await signIn(t.app, "demo-officer-zrzy");
    const own = (await officer.get("/api/v1/performance?month=2026-09")).json();
    expect(own.items.map((i: { department: string }) => i.department)).toEqual(["浙江省自然资源厅"]);
    const bad = await officer.get("/api/v1/performance?month=2026-13");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("month");
    expect((await (await signIn(t.app, "demo-unit")).get("/api/v1/performance?month=2026-09")).statusCode).toBe(403);
  });

  it("counts throughput, on-time completions and open rectifications on the overview", async () => {
    const supervisor = await signIn(t.app, "demo-supervisor");
    const overview = (await supervisor.get("/api/v1/analytics/overview?months=3")).json();
    expect(overview.throughput).toEqual([
      { month: "2026-08", accepted: 2, completed: 0 },
      { month: "2026-09", accepted: 2, completed: 4 },
      { month: "2026-10", accepted: 0, completed: 0 },
    ]);
    const fgw = overview.departments.find((d: { department: string }) => d.department === "浙江省发展和改革委员会");
    expect(fgw).toMatchObject({ accepted: 3, completed: 3, onTime: 2, onTimeRate: 0.6667 });
    expect(overview.rectifications).toEqual({ open: 1, overdue: 1 });
    expect(overview.cards).toEqual({ yellow: 2, red: 1 });
  });
});
