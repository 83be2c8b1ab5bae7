import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, DEMO_PASSWORD, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { connectionUrlOf, testDatabaseKind } from "../../../test/test-database.js";
import { type Database, openDatabase } from "../../db/database.js";
import { insertUser } from "../identity/identity.repository.js";
import { hashPassword } from "../identity/passwords.js";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { sweepOpenCases } from "../cases/sweep.service.js";
import { sweepCards } from "./card-sweep.service.js";

type Matter = { caseId: string; matterCode: string };
type Card = { id: number; ruleCode: string; level: string; caseId: string; status: string; evidence: { summary: string; steps: { type: string }[]; figures: Record<string, unknown>; fees?: unknown[] } };

/** Business time: Mon 12 Oct 2026, 10:00 in Beijing (after 国庆). */
const TODAY = new Date("2026-10-12T02:00:00Z");

describe("电子监察: each rule raises its card once, supervisors are told, the department explains", () => {
  let t: TestApp;
  let second: Database;
  const calendar = WorkingDayCalendar.load();
  const cases: Record<string, string> = {};

  const step = async (who: Client, caseId: string, body: Record<string, unknown>) => {
    const res = await who.post(`/api/v1/cases/${caseId}/events`, body);
    expect(res.statusCode, res.body).toBe(201);
  };
  const licence = (ms: Matter[]) => ms.find((m) => m.matterCode === "ZJ-FGW-002")!.caseId;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: TODAY });
    t = await startTestApp();
    second = testDatabaseKind() === "postgres" ? await openDatabase({ databaseUrl: connectionUrlOf(t.database), poolSize: 3 }) : t.database;
    // A supervisor of 宁波市 (330200): sees nothing of 杭州's projects.
    const nb = await t.database.db.selectFrom("organisation").select("id").where("region_code", "=", "330200").where("kind", "=", "comprehensive").executeTakeFirstOrThrow();
    const hash = await hashPassword(DEMO_PASSWORD);
    await t.database.db.transaction().execute((tx) => insertUser(tx, { username: "nb-supervisor", display_name: "宁波监管人员", organisation_id: nb.id, role: "supervisor", password_hash: hash, second_factor_exempt: true }));

    // Overdue, recorded as it happened: accepted Thu 27 Aug, 20 working days ended Wed 23 Sep; the promised 10, Thu 10 Sep.
    vi.setSystemTime(new Date("2026-08-27T02:00:00Z"));
    {
      const unit = await signIn(t.app, "demo-unit");
      const fgw = await signIn(t.app, "demo-officer-fgw");
      cases.overdue = licence((await unit.post("/api/v1/projects", sampleDeclaration())).json().requiredMatters);
      await step(fgw, cases.overdue, { type: "receive" });
      await step(fgw, cases.overdue, { type: "accept" });
    }
    vi.setSystemTime(TODAY);
    const unit = await signIn(t.app, "demo-unit");
    const fgw = await signIn(t.app, "demo-officer-fgw");
    const zrzy = await signIn(t.app, "demo-officer-zrzy");
    const declare = async (over: Record<string, unknown> = {}) => (await unit.post("/api/v1/projects", sampleDeclaration(over))).json().requiredMatters as Matter[];
    // A refusal whose reason is a placeholder (the API takes any text; the rule reads what was stored).
    cases.refused = licence(await declare());
    await step(fgw, cases.refused, { type: "receive", at: "2026-10-09T09:00:00+08:00" });
    await step(fgw, cases.refused, { type: "refuse", reason: "无", at: "2026-10-09T10:00:00+08:00" });
    // Received Thu 17 Sep, accepted as of Fri 18 Sep, but reported to the platform only today (12 working days on).
    cases.late = licence(await declare());
    await step(fgw, cases.late, { type: "receive", at: "2026-09-17T09:00:00+08:00" });
    await step(fgw, cases.late, { type: "accept", at: "2026-09-18T10:00:00+08:00" });
    // A fee on 用地预审 (an administrative licence: fee-free, 行政许可法 第五十八条).
    const p4 = await declare({ newConstructionLand: true, landAreaHectares: 8 });
    cases.fee = p4.find((m) => m.matterCode === "ZJ-ZRZY-001")!.caseId;
    await step(zrzy, cases.fee, { type: "receive", at: "2026-10-12T09:00:00+08:00" });
    const fee = await zrzy.post(`/api/v1/cases/${cases.fee}/fees`, { amount: "300.00", item: "审查费", at: "2026-10-12T09:30:00+08:00" });
    expect(fee.statusCode, fee.body).toBe(201);
    expect(fee.json()).toMatchObject({ amount: "300.00", feeFree: true });
    expect((await fgw.post(`/api/v1/cases/${cases.fee}/fees`, { amount: "1", item: "x" })).statusCode).toBe(404);
    expect((await zrzy.post(`/api/v1/cases/${cases.fee}/fees`, { amount: "-3", item: "x" })).statusCode).toBe(400);
    // Completed with no acceptance, as a department's system might report it (stored straight, like imported history).
    cases.noAcceptance = licence(p4);
    const base = { actor_kind: "department_system" as const, actor_user_id: null, api_key_id: null, actor_label: "接口:某部门审批系统" };
    await t.database.db.transaction().execute(async (tx) => {
      for (const [seq, type, at, status] of [[1, "receive", "2026-10-09T09:00:00+08:00", "submitted"], [2, "complete", "2026-10-10T09:00:00+08:00", "completed"]] as const) {
        await tx.insertInto("case_event").values({ ...base, case_id: cases.noAcceptance!, seq, type, at, on_date: at.slice(0, 10), recorded_at: TODAY, status_after: status, body: JSON.stringify(type === "complete" ? { result: "granted" } : {}) }).execute();
      }
      await tx.updateTable("matter_case").set({ status: "completed", closed_at: new Date("2026-10-10T01:00:00Z") }).where("id", "=", cases.noAcceptance!).execute();
    });
  });
  afterAll(async () => {
    vi.useRealTimers();
    if (second !== t.database) await second.close();
    await t.close();
  });

  const cardsOf = (caseId: string) =>
    t.database.db.selectFrom("supervision_card").select(["rule_code", "level"]).where("case_id", "=", caseId).orderBy("rule_code").orderBy("level").execute();

  it("raises each rule's card once, with two sweeps at the same time, and nothing more on the next pass", async () => {
    const ctx = (database: Database) => ({ db: database.db, calendar, lookbackDays: 30 });
    const [a, b] = await Promise.all([sweepCards(ctx(t.database), { batchSize: 1 }), sweepCards(ctx(second), { batchSize: 1 })]);
    expect(await cardsOf(cases.overdue!)).toEqual([
      { rule_code: "OVERALL_LIMIT", level: "red" },
      { rule_code: "PROMISED_LIMIT", level: "yellow" },
    ]);
    expect(await cardsOf(cases.refused!)).toEqual([{ rule_code: "REFUSAL_WITHOUT_REASON", level: "red" }]);
    expect(await cardsOf(cases.fee!)).toEqual([{ rule_code: "FEE_ON_FEE_FREE", level: "red" }]);
    expect(await cardsOf(cases.noAcceptance!)).toEqual([{ rule_code: "COMPLETION_WITHOUT_ACCEPTANCE", level: "red" }]);
    expect(await cardsOf(cases.late!)).toEqual([
      { rule_code: "LATE_ACCEPTANCE", level: "yellow" },
      { rule_code: "PROMISED_LIMIT", level: "yellow" },
    ]);
    expect(a.cards + b.cards).toBe(7);
    expect((await sweepCards(ctx(t.database))).cards).toBe(0);
  });

  it("keeps the evidence: the steps and figures that prove each card", async () => {
    const supervisor = await signIn(t.app, "demo-supervisor");
    const list = (await supervisor.get("/api/v1/e-supervision/cards?limit=200")).json() as { total: number; items: Card[] };
    const overdue = list.items.find((c) => c.caseId === cases.overdue && c.ruleCode === "OVERALL_LIMIT")!;
    expect(overdue.evidence.figures).toMatchObject({ dueDate: "2026-09-23", overdue: true, limitDays: 20 });
    expect(overdue.evidence.steps.map((s) => s.type)).toEqual(["accept"]);
    const refused = list.items.find((c) => c.caseId === cases.refused)!;
    expect(refused.evidence.steps).toEqual([expect.objectContaining({ type: "refuse", reason: "无" })]);
    const fee = list.items.find((c) => c.caseId === cases.fee)!;
    expect(fee.evidence.fees).toEqual([expect.objectContaining({ amount: "300.00", item: "审查费" })]);
    // Red first.
    const levels = list.items.map((c) => c.level);
    expect(levels.indexOf("yellow")).toBeGreaterThan(levels.lastIndexOf("red"));
  });

  it("tells the region's supervisors and the department's leaders, not another region's supervisor", async () => {
    const kindsFor = async (username: string, caseId: string) =>
      ((await (await signIn(t.app, username)).get("/api/v1/messages?limit=200")).json().items as { subject: string; kind: string }[]).filter((m) => m.subject === caseId).map((m) => m.kind).sort();
    expect(await kindsFor("demo-supervisor", cases.overdue!)).toEqual(["esupervision.card_red", "esupervision.card_yellow"]);
    expect(await kindsFor("demo-leader-fgw", cases.overdue!)).toEqual(expect.arrayContaining(["esupervision.card_red"]));
    expect(await kindsFor("nb-supervisor", cases.overdue!)).toEqual([]);
    // The message carries the evidence: the limit, the due date, that it passed.
    const red = ((await (await signIn(t.app, "demo-supervisor")).get("/api/v1/messages?limit=200")).json().items as { subject: string; kind: string; title: string; body: string }[]).find((m) => m.subject === cases.overdue && m.kind === "esupervision.card_red")!;
    expect(red.title).toBe("【红牌】办件超过办理时限：企业投资项目核准");
    expect(red.body).toContain("法定时限20个工作日");
    expect(red.body).toContain("期限2026-09-23，已超期");
    const nb = await signIn(t.app, "nb-supervisor");
    expect((await nb.get("/api/v1/e-supervision/cards")).json().total).toBe(0);
  });

  it("lets the department explain its card, and a supervisor close it; others cannot, and each act is audited", async () => {
    const supervisor = await signIn(t.app, "demo-supervisor");
    const card = ((await supervisor.get(`/api/v1/e-supervision/cards?caseId=${cases.overdue}&level=red`)).json().items as Card[])[0]!;
    const zrzy = await signIn(t.app, "demo-officer-zrzy");
    expect((await zrzy.post(`/api/v1/e-supervision/cards/${card.id}/acknowledgement`, { explanation: "不是我们" })).statusCode).toBe(404);
    expect((await zrzy.get(`/api/v1/e-supervision/cards/${card.id}`)).statusCode).toBe(404);
    expect((await supervisor.post(`/api/v1/e-supervision/cards/${card.id}/acknowledgement`, { explanation: "x" })).statusCode).toBe(403);
    const fgw = await signIn(t.app, "demo-officer-fgw");
    const explained = await fgw.post(`/api/v1/e-supervision/cards/${card.id}/acknowledgement`, { explanation: "专家评审延误，已督促" });
    expect(explained.statusCode, explained.body).toBe(200);
    expect(explained.json()).toMatchObject({ status: "acknowledged", explanation: "专家评审延误，已督促" });
    expect((await fgw.post(`/api/v1/e-supervision/cards/${card.id}/acknowledgement`, { explanation: "again" })).json().error.code).toBe("SUPERVISION_CARD_NOT_OPEN");
    expect((await fgw.post(`/api/v1/e-supervision/cards/${card.id}/closing`, { note: "x" })).statusCode).toBe(403);
    const closed = await supervisor.post(`/api/v1/e-supervision/cards/${card.id}/closing`, { note: "说明属实，予以关闭" });
    expect(closed.json()).toMatchObject({ status: "closed", closingNote: "说明属实，予以关闭" });
    const events = await t.database.db.selectFrom("audit_event").select(["type", "payload"]).where("type", "like", "esupervision.%").execute();
    const types = events.map((e) => e.type);
    expect(types.filter((x) => x === "esupervision.card_raised").length).toBeGreaterThanOrEqual(5);
    expect(types).toEqual(expect.arrayContaining(["esupervision.card_acknowledged", "esupervision.card_closed"]));
  });

  it("lets a supervisor change a rule, checked against its kind and audited; the change takes effect on the next pass", async () => {
    const supervisor = await signIn(t.app, "demo-supervisor");
    const rules = (await supervisor.get("/api/v1/e-supervision/rules")).json().items as { code: string; version: number; parameters: unknown }[];
    expect(rules.map((r) => r.code)).toEqual(expect.arrayContaining(["ACCEPTANCE_STEP_LIMIT", "OVERALL_LIMIT", "REFUSAL_WITHOUT_REASON", "LATE_ACCEPTANCE", "COMPLETION_WITHOUT_ACCEPTANCE", "FEE_ON_FEE_FREE"]));
    const bad = await supervisor.put("/api/v1/e-supervision/rules/ACCEPTANCE_STEP_LIMIT", { enabled: true, level: "red", parameters: { step: "acceptance", workingDays: 0, yellowRemainingDays: 1 }, reason: "试" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("parameters.workingDays");
    const officer = await signIn(t.app, "demo-officer-fgw");
    expect((await officer.put("/api/v1/e-supervision/rules/ACCEPTANCE_STEP_LIMIT", { enabled: false, level: "red", parameters: {}, reason: "x" })).statusCode).toBe(403);
    // 受理 within 1 working day from now on: the fee case, received today, is yellow now (the limit is today).
    const changed = await supervisor.put("/api/v1/e-supervision/rules/ACCEPTANCE_STEP_LIMIT", { enabled: true, level: "red", parameters: { step: "acceptance", workingDays: 1, yellowRemainingDays: 1 }, reason: "本地规则：1个工作日内受理" });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, parameters: { workingDays: 1 } });
    await sweepCards({ db: t.database.db, calendar, lookbackDays: 30 });
    expect(await cardsOf(cases.fee!)).toEqual([
      { rule_code: "ACCEPTANCE_STEP_LIMIT", level: "yellow" },
      { rule_code: "FEE_ON_FEE_FREE", level: "red" },
    ]);
    const card = await t.database.db.selectFrom("supervision_card").select("rule_version").where("case_id", "=", cases.fee!).where("rule_code", "=", "ACCEPTANCE_STEP_LIMIT").executeTakeFirstOrThrow();
    expect(card.rule_version).toBe(2);
    const audit = await t.database.db.selectFrom("audit_event").select("payload").where("type", "=", "esupervision.rule_changed").executeTakeFirstOrThrow();
    const payload = (typeof audit.payload === "string" ? JSON.parse(audit.payload) : audit.payload) as { before: { parameters: { workingDays: number } }; after: { parameters: { workingDays: number } } };
    expect([payload.before.parameters.workingDays, payload.after.parameters.workingDays]).toEqual([5, 1]);
  });

  it("shows the overview in scope: the province's supervisor sees 杭州's projects and cards, 宁波's supervisor none", async () => {
    // The case warnings are the deadline sweep's stored answer.
    await sweepOpenCases({ db: t.database.db, calendar, warnDays: 3 });
    const supervisor = await signIn(t.app, "demo-supervisor");
    const overview = (await supervisor.get("/api/v1/analytics/overview")).json();
    const hz = overview.projects.byRegion.find((r: { code: string }) => r.code === "330100");
    expect(hz).toMatchObject({ name: "杭州市", projects: 4, investment: 500000 });
    expect(overview.projects.byIndustry).toEqual([expect.objectContaining({ code: "C", name: "制造业", projects: 4 })]);
    expect(overview.projects.byCategory).toEqual([expect.objectContaining({ code: "verification", projects: 4 })]);
    expect(overview.cards.red).toBeGreaterThanOrEqual(3); // one of the 4 red cards was closed
    expect(overview.warnings.red).toBe(1);
    expect(overview.throughput.find((m: { month: string }) => m.month === "2026-08")).toEqual({ month: "2026-08", accepted: 1, completed: 0 });
    const nb = await signIn(t.app, "nb-supervisor");
    const none = (await nb.get("/api/v1/analytics/overview")).json();
    expect(none.projects.total).toEqual({ projects: 0, investment: 0 });
    expect(none.cards).toEqual({ yellow: 0, red: 0 });
    expect(none.warnings).toEqual({ yellow: 0, red: 0 });
    expect(none.departments).toEqual([]);
    expect((await (await signIn(t.app, "demo-unit")).get("/api/v1/analytics/overview")).statusCode).toBe(403);
  });
});
