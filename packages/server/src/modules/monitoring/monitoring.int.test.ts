import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { connectionUrlOf, testDatabaseKind } from "../../../test/test-database.js";
import { type Database, openDatabase } from "../../db/database.js";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { sweepMonitoring } from "./monitoring-sweep.service.js";

type Matter = { caseId: string; matterCode: string; matterName: string; department: string };

/** 10:00 in Beijing on a CST date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);
const filing = { approvalCategory: "filing", projectType: "02", totalInvestment: "800.00", environmentalCategory: "registration" };

describe("implementation monitoring: reports (spec §7), 延期开工, lapse and delisting, reminders once", () => {
  let t: TestApp;
  let second: Database;
  const calendar = WorkingDayCalendar.load();
  const ctx = (database: Database) => ({ db: database.db, calendar, graceWorkingDays: 20, remindWorkingDays: 5 });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: at("2024-09-20") });
    t = await startTestApp();
    second = testDatabaseKind() === "postgres" ? await openDatabase({ databaseUrl: connectionUrlOf(t.database), poolSize: 3 }) : t.database;
  });
  afterAll(async () => {
    vi.useRealTimers();
    if (second !== t.database) await second.close();
    await t.close();
  });

  /** Moves business time; sessions of hours ago have expired, so everyone signs in again. */
  async function travel(date: string) {
    vi.setSystemTime(at(date));
    return { unit: await signIn(t.app, "demo-unit"), fgw: await signIn(t.app, "demo-officer-fgw") };
  }
  async function declare(unit: Client, over: Record<string, unknown> = {}) {
    const res = await unit.post("/api/v1/projects", sampleDeclaration(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { code: string; status: string; requiredMatters: Matter[] };
  }
  const statusOf = async (code: string) => (await t.database.db.selectFrom("project").select(["status", "delisted_at", "decision_on"]).where("code", "=", code).executeTakeFirstOrThrow());
  const remindersOf = (code: string) =>
    t.database.db.selectFrom("monitoring_reminder as r").innerJoin("project as p", "p.id", "r.project_id").select(["r.kind", "r.due_date"]).where("p.code", "=", code).orderBy("r.id").execute();
  const messageKinds = async (unit: Client, code: string) =>
    (await unit.get("/api/v1/messages?limit=200")).json().items.filter((m: { subject: string }) => m.subject === code).map((m: { kind: string }) => m.kind);

  // Projects decided or filed on Thu 1 Oct 2024: their 2 years end on National Day 2026, so on Thu 8 Oct 2026.
  let verifiedA = "";
  let verifiedB = "";
  let dormant = "";
  let explained = "";

  it("a 核准 decision records the project's decision date (the deciding matter's completion)", async () => {
    const { unit, fgw } = await travel("2024-09-20");
    for (const which of ["A", "B"]) {
      const d = await declare(unit);
      const c = d.requiredMatters.find((m) => m.matterCode === "ZJ-FGW-002")!;
      expect((await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "receive" })).statusCode).toBe(201);
      expect((await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "accept" })).statusCode).toBe(201);
      if (which === "A") verifiedA = d.code;
      else verifiedB = d.code;
    }
    const again = await travel("2024-10-01");
    for (const code of [verifiedA, verifiedB]) {
      const matters = (await again.unit.get(`/api/v1/projects/${code}/matters`)).json().items as { caseId: string; matterCode: string }[];
      const c = matters.find((m) => m.matterCode === "ZJ-FGW-002")!;
      const done = await again.fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "complete", result: "granted", opinion: "同意核准", documentNumber: "浙发改核〔2024〕1号", documentTitle: "核准批复" });
      expect(done.statusCode, done.body).toBe(201);
      expect((await statusOf(code)).decision_on).toBe("2024-10-01");
    }
    dormant = (await declare(again.unit, filing)).code;
    explained = (await declare(again.unit, filing)).code;
    expect((await statusOf(dormant)).status).toBe("filed");
  });

  it("reports: validation names the fields; start, progress, suspension, resumption and completion move the status", async () => {
    const { unit, fgw } = await travel("2026-03-02");
    const { code } = await declare(unit, filing);
    const post = (body: Record<string, unknown>) => unit.post(`/api/v1/projects/${code}/reports`, body);

    const badKind = await post({ kind: "begin", on: "2026-03-02" });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.fields.map((f: { path: string }) => f.path)).toContain("kind");
    expect((await post({ kind: "progress", on: "2026-03-02", investmentCompleted: "1.00", progressPercent: 1 })).json().error.code).toBe("REPORT_NOT_ALLOWED");
    const future = await post({ kind: "start", on: "2026-03-03" });
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: "REPORT_DATE_INVALID", fields: [{ path: "on" }] });
    expect((await fgw.post(`/api/v1/projects/${code}/reports`, { kind: "start", on: "2026-03-02" })).statusCode).toBe(403);

    const started = await post({ kind: "start", on: "2026-03-02", note: "主体工程开工" });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ kind: "start", on: "2026-03-02", statusBefore: "filed", statusAfter: "under_construction" });
    expect((await statusOf(code)).status).toBe("under_construction");

    const missing = await post({ kind: "progress", on: "2026-03-02" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["investmentCompleted", "progressPercent"]);
    const badMoney = await post({ kind: "progress", on: "2026-03-02", investmentCompleted: "12.345", progressPercent: 5 });
    expect(badMoney.json().error.fields.map((f: { path: string }) => f.path)).toContain("investmentCompleted");
    // A photo of the works (形象进度): checked by its bytes, stored, then named by the report.
    const upload = (bytes: Buffer, type: string) =>
      t.app.inject({ method: "POST", url: `/api/v1/projects/${code}/report-images`, headers: { cookie: unit.cookie, "x-csrf-token": unit.csrfToken, "content-type": type }, payload: bytes });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("not really pixels")]);
    const photo = await upload(png, "image/png");
    expect(photo.statusCode, photo.body).toBe(201);
    expect((await upload(Buffer.from("plain text"), "application/octet-stream")).json().error.fields[0].path).toBe("file");
    const huge = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0xff), "image/jpeg");
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: "MATERIAL_TOO_LARGE", fields: [{ path: "file", message: "照片不得超过 10 MB" }] });
    const unknownPhoto = await post({ kind: "progress", on: "2026-03-02", investmentCompleted: "120.50", progressPercent: 15, images: ["0".repeat(64)] });
    expect(unknownPhoto.json().error.fields[0].path).toBe("images.0");
    const progress = await post({ kind: "progress", on: "2026-03-02", investmentCompleted: "120.50", progressPercent: 15, images: [photo.json().key] });
    expect(progress.json()).toMatchObject({ investmentCompleted: "120.50", progressPercent: 15, images: [photo.json().key] });
    const shown = await unit.get(`/api/v1/projects/${code}/report-images/${photo.json().key}`);
    expect(shown.headers["content-type"]).toBe("image/png");
    expect(shown.rawPayload.equals(png)).toBe(true);
    const less = await post({ kind: "progress", on: "2026-03-02", investmentCompleted: "100.00", progressPercent: 20 });
    expect(less.statusCode).toBe(422);
    expect(less.json().error).toMatchObject({ code: "REPORT_FIGURES_DECREASED", fields: [{ path: "investmentCompleted" }] });

    expect((await post({ kind: "suspension", on: "2026-03-02" })).json().error.fields[0].path).toBe("note");
    expect((await post({ kind: "suspension", on: "2026-03-02", note: "雨季停工" })).json().statusAfter).toBe("suspended");
    expect((await post({ kind: "resumption", on: "2026-03-02" })).json().statusAfter).toBe("under_construction");
    expect((await post({ kind: "completion", on: "2026-03-02", progressPercent: 90 })).json().error.fields[0].path).toBe("progressPercent");
    expect((await post({ kind: "completion", on: "2026-03-02", investmentCompleted: "800.00", progressPercent: 100 })).json().statusAfter).toBe("completed");
    expect((await statusOf(code)).status).toBe("completed");
    expect((await post({ kind: "progress", on: "2026-03-02", investmentCompleted: "800.00", progressPercent: 100 })).statusCode).toBe(409);

    const list = (await unit.get(`/api/v1/projects/${code}/reports`)).json();
    expect(list.items.map((r: { kind: string }) => r.kind)).toEqual(["completion", "resumption", "suspension", "progress", "start"]);
    const events = (await unit.get(`/api/v1/projects/${code}/events`)).json().items.filter((e: { type: string }) => e.type === "project.report_filed");
    expect(events).toHaveLength(5);
    // A suspension by change application is not resumed by a works report.
    const other = (await declare(unit, filing)).code;
    expect((await unit.post(`/api/v1/projects/${other}/changes`, { kind: "suspension", reason: "资金未落实" })).statusCode).toBe(200);
    expect((await unit.post(`/api/v1/projects/${other}/reports`, { kind: "resumption", on: "2026-03-02" })).json().error.code).toBe("REPORT_NOT_ALLOWED");
  });

  it("延期开工: 30 working days before the end (Thu 20 Aug 2026 is the last day), only once, decided by the 核准 department", async () => {
    // The window's reminder: from the 11th working day before its last day (Thu 6 Aug), not the day before.
    await travel("2026-08-05");
    await sweepMonitoring(ctx(t.database));
    expect(await remindersOf(verifiedB)).toEqual([]);
    await travel("2026-08-06");
    await sweepMonitoring(ctx(t.database));
    expect(await remindersOf(verifiedB)).toEqual([{ kind: "extension_window", due_date: "2026-08-20" }]);

    let { unit, fgw } = await travel("2026-08-20");
    expect(await messageKinds(unit, verifiedB)).toContain("monitoring.extension_window");
    const apply = (code: string, body: Record<string, unknown>) => unit.post(`/api/v1/projects/${code}/validity-extension`, body);
    const obligations = (await unit.get(`/api/v1/projects/${verifiedA}/obligations`)).json();
    expect(obligations.validity).toMatchObject({ decisionOn: "2024-10-01", expiresOn: "2026-10-08", extensionApplyBy: "2026-08-20", canApplyForExtension: true, lapsesOn: "2026-10-09" });
    expect(obligations.allowedReports).toEqual([]);
    // The code as a clerk may type it (lower case, spaces around) finds the same project; a malformed one says why.
    expect((await unit.get(`/api/v1/projects/${encodeURIComponent(` ${verifiedA.toLowerCase()} `)}/obligations`)).json().validity).toEqual(obligations.validity);
    expect((await unit.get("/api/v1/projects/2026-330106/obligations")).json().error.code).toBe("PROJECT_CODE_INVALID");

    expect((await apply(verifiedA, { months: 13, reason: "征地拆迁未完成" })).json().error.fields[0].path).toBe("months");
    const applied = await apply(verifiedA, { months: 12, reason: "征地拆迁未完成" });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ status: "pending", appliedOn: "2026-08-20", decisionDueOn: "2026-09-17" });
    expect((await apply(verifiedA, { months: 6, reason: "再次申请" })).json().error.code).toBe("VALIDITY_EXTENSION_ALREADY_APPLIED");
    expect(await messageKinds(fgw, verifiedA)).toContain("project.extension_applied");
    const queue = (await fgw.get("/api/v1/monitoring/extensions?status=pending")).json().items;
    expect(queue).toEqual([expect.objectContaining({ projectCode: verifiedA, months: 12, decisionDueOn: "2026-09-17", overdue: false })]);
    expect((await (await signIn(t.app, "demo-officer-zrzy")).get("/api/v1/monitoring/extensions")).json().items).toEqual([]);

    ({ unit, fgw } = await travel("2026-08-21"));
    const late = await apply(verifiedB, { months: 6, reason: "资金未到位" });
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatchObject({ code: "VALIDITY_EXTENSION_TOO_LATE" });

    const zrzy = await signIn(t.app, "demo-officer-zrzy");
    const decide = (who: Client, body: Record<string, unknown>) => who.post(`/api/v1/projects/${verifiedA}/validity-extension/decision`, body);
    expect((await decide(zrzy, { decision: "approve", opinion: "同意延期" })).json().error.code).toBe("VALIDITY_EXTENSION_NOT_DECIDER");
    const decided = await decide(fgw, { decision: "approve", opinion: "同意延期6个月", months: 6 });
    expect(decided.statusCode, decided.body).toBe(200);
    // 2 years and 6 months from 1 Oct 2024: 1 Apr 2027, a year without official data yet.
    expect(decided.json()).toMatchObject({ status: "approved", months: 6, decidedOn: "2026-08-21", nominalExpiresOn: "2027-04-01", expiresOn: null });
    expect((await decide(fgw, { decision: "refuse", opinion: "不同意" })).json().error.code).toBe("VALIDITY_EXTENSION_NOT_PENDING");
    expect(await messageKinds(unit, verifiedA)).toContain("project.extension_approved");
    const types = (await unit.get(`/api/v1/projects/${verifiedA}/events`)).json().items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(["project.extension_applied", "project.extension_decided"]));
  });

  it("the sweep lapses an unstarted, unextended 核准 decision on the day after its end, and reminds dormant filings then delists them", async () => {
    await travel("2026-10-08");
    await sweepMonitoring(ctx(t.database));
    expect((await statusOf(verifiedB)).status).toBe("in_approval");
    expect(await remindersOf(dormant)).toEqual([]);

    let { unit } = await travel("2026-10-09");
    // Even approved and not yet swept, a start on the day after the end is no start under the decision.
    await t.database.db.updateTable("project").set({ status: "approved" }).where("code", "=", verifiedB).execute();
    const tooLate = await unit.post(`/api/v1/projects/${verifiedB}/reports`, { kind: "start", on: "2026-10-09" });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().error).toMatchObject({ code: "REPORT_NOT_ALLOWED", fields: [{ path: "on" }] });
    const first = await sweepMonitoring(ctx(t.database));
    expect(first.lapsed).toBeGreaterThanOrEqual(1);
    expect((await statusOf(verifiedB)).status).toBe("lapsed");
    expect((await statusOf(verifiedA)).status).toBe("in_approval"); // extended
    expect(await messageKinds(unit, verifiedB)).toContain("project.lapsed");
    expect(await remindersOf(dormant)).toEqual([{ kind: "dormancy_reminder", due_date: "2026-10-08" }]);
    expect(await messageKinds(unit, dormant)).toEqual(["monitoring.dormancy_reminder"]);
    // The code no longer verifies for funding or bidding.
    const fgw = await signIn(t.app, "demo-officer-fgw");
    expect((await fgw.post("/api/v1/verifications", { code: verifiedB, purpose: "funding" })).json()).toMatchObject({ valid: false });

    ({ unit } = await travel("2026-10-12"));
    const o = (await unit.get(`/api/v1/projects/${explained}/obligations`)).json();
    expect(o.dormancy).toMatchObject({ phase: "reminded", periodEndsOn: "2026-10-08", canExplain: true });
    expect((await unit.post(`/api/v1/projects/${explained}/dormancy-explanation`, { explanation: "项目资金已落实，预计2027年一季度开工" })).statusCode).toBe(201);
    expect((await unit.post(`/api/v1/projects/${explained}/dormancy-explanation`, { explanation: "项目资金已落实，预计2027年一季度开工" })).json().error.code).toBe("DORMANCY_EXPLANATION_NOT_DUE");
    expect((await unit.post(`/api/v1/projects/${verifiedA}/dormancy-explanation`, { explanation: "不适用于核准项目的说明文字" })).json().error.code).toBe("DORMANCY_EXPLANATION_NOT_DUE");

    await travel("2026-11-05");
    expect((await sweepMonitoring(ctx(t.database))).delisted).toBe(0);
    ({ unit } = await travel("2026-11-06"));
    const last = await sweepMonitoring(ctx(t.database));
    expect(last.delisted).toBe(1);
    const gone = await statusOf(dormant);
    expect(gone.status).toBe("lapsed");
    expect(gone.delisted_at).not.toBeNull();
    expect((await statusOf(explained)).status).toBe("filed");
    // Removed from the public record; the explained filing stays public.
    expect((await t.app.inject({ method: "GET", url: `/api/v1/public/projects/${dormant}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/public/projects/${explained}` })).statusCode).toBe(200);
    expect(await messageKinds(unit, dormant)).toEqual(["project.delisted", "monitoring.dormancy_reminder"]);
    const types = (await unit.get(`/api/v1/projects/${dormant}/events`)).json().items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(["monitoring.reminder_sent", "project.delisted"]));
  });

  it("progress reminders before and after they fall due, once each, with two sweepers at the same time", async () => {
    let { unit } = await travel("2026-03-02");
    const { code } = await declare(unit, filing);
    expect((await unit.post(`/api/v1/projects/${code}/reports`, { kind: "start", on: "2026-03-02" })).statusCode).toBe(201);

    // Mon 6 Jul: Q1 (due Fri 10 Apr) is overdue; Q2 is due Fri 10 Jul and reminded from Fri 3 Jul.
    ({ unit } = await travel("2026-07-06"));
    const o = (await unit.get(`/api/v1/projects/${code}/obligations`)).json();
    expect(o.reportFrequency).toBe("quarterly");
    expect(o.progress.map((p: { from: string; dueDate: string; state: string }) => [p.from, p.dueDate, p.state])).toEqual([
      ["2026-01-01", "2026-04-10", "overdue"],
      ["2026-04-01", "2026-07-10", "due_soon"],
      ["2026-07-01", "2026-10-10", "open"],
    ]);
    const [a, b] = await Promise.all([sweepMonitoring(ctx(t.database), { batchSize: 1 }), sweepMonitoring(ctx(second), { batchSize: 1 })]);
    const raised = (await remindersOf(code)).map((r) => `${r.kind}:${r.due_date}`).sort();
    expect(raised).toEqual(["progress_due_soon:2026-07-10", "progress_overdue:2026-04-10"]);
    expect(a.reminders + b.reminders).toBeGreaterThanOrEqual(2);
    await sweepMonitoring(ctx(t.database));
    expect((await messageKinds(unit, code)).sort()).toEqual(["monitoring.progress_due_soon", "monitoring.progress_overdue"]);

    // A report for Q2 covers it; the region's frequency set to monthly changes what is due.
    expect((await unit.post(`/api/v1/projects/${code}/reports`, { kind: "progress", on: "2026-06-30", investmentCompleted: "50.00", progressPercent: 10 })).statusCode).toBe(201);
    const after = (await unit.get(`/api/v1/projects/${code}/obligations`)).json();
    expect(after.progress.map((p: { from: string; state: string }) => `${p.from}:${p.state}`)).toEqual(["2026-01-01:overdue", "2026-07-01:open"]);
    const fgw = await signIn(t.app, "demo-officer-fgw");
    const zrzy = await signIn(t.app, "demo-officer-zrzy");
    expect((await zrzy.put("/api/v1/monitoring/report-frequencies/330000", { frequency: "monthly" })).json().error.code).toBe("REPORT_FREQUENCY_NOT_ALLOWED");
    expect((await fgw.put("/api/v1/monitoring/report-frequencies/330000", { frequency: "monthly" })).statusCode).toBe(200);
    expect((await unit.get(`/api/v1/projects/${code}/obligations`)).json().reportFrequency).toBe("monthly");
  });
});
