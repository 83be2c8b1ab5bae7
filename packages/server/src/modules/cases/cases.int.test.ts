import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";

type Matter = { caseId: string; matterCode: string; matterName: string; department: string };

/** Business time for these tests: Fri 25 Sep 2026, 10:00 in Beijing (between 中秋 and 国庆). */
const TODAY = new Date("2026-09-25T02:00:00Z");

describe("matter cases: steps, the clock, and who may take them (spec §6)", () => {
  let t: TestApp;
  let unit: Client;
  let fgw: Client;
  let zrzy: Client;
  let leader: Client;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: TODAY });
    t = await startTestApp();
    unit = await signIn(t.app, "demo-unit");
    fgw = await signIn(t.app, "demo-officer-fgw");
    zrzy = await signIn(t.app, "demo-officer-zrzy");
    leader = await signIn(t.app, "demo-leader-fgw");
  });
  afterEach(() => vi.setSystemTime(TODAY));
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  async function declare(over: Record<string, unknown> = {}): Promise<{ code: string; matters: Matter[] }> {
    const res = await unit.post("/api/v1/projects", sampleDeclaration(over));
    expect(res.statusCode).toBe(201);
    const { code, requiredMatters } = res.json() as { code: string; requiredMatters: Matter[] };
    return { code, matters: requiredMatters };
  }
  const verificationCase = (ms: Matter[]) => ms.find((m) => m.matterName.includes("核准"))!;

  it("receive → accept → pause for expert review → resume → complete, with the clock at each step", async () => {
    const { code, matters } = await declare();
    const c = verificationCase(matters);
    let officer = fgw;
    const step = (body: Record<string, unknown>) => officer.post(`/api/v1/cases/${c.caseId}/events`, body);

    expect((await step({ type: "receive", at: "2026-09-17T09:00:00+08:00" })).json().status).toBe("submitted");
    const accepted = await step({ type: "accept", at: "2026-09-18T10:00:00+08:00" });
    expect(accepted.statusCode).toBe(201);
    // 20 working days from Fri 18 Sep: Sun 20 Sep (调休) and 21-24 counted by Fri 25 Sep; due Thu 22 Oct.
    expect(accepted.json().clock).toMatchObject({ statutoryWorkingDays: 20, usedWorkingDays: 5, remainingWorkingDays: 15, running: true, warning: "none" });
    // The unit's list of told matters (spec §6) carries the clock of an accepted case, and none for the others.
    const told = (await unit.get(`/api/v1/projects/${code}/matters`)).json().items as { caseId: string; status: string; clock?: { dueDate: string } }[];
    expect(told.find((m) => m.caseId === c.caseId)).toMatchObject({ status: "accepted", clock: { dueDate: "2026-10-22" } });
    expect(told.filter((m) => m.caseId !== c.caseId).every((m) => m.clock === undefined)).toBe(true);
    const projectAfterAccept = (await unit.get(`/api/v1/projects/${code}`)).json();
    expect(projectAfterAccept.status ?? projectAfterAccept.project?.status).toBe("in_approval");

    const paused = await step({ type: "pause", reasonClass: "expert_review", reason: "组织专家评审", expectedWorkingDays: 5, at: "2026-09-22T15:00:00+08:00" });
    expect(paused.statusCode).toBe(201);
    // Paused on Tue 22 Sep: only 20 and 21 Sep counted; the due date is unknown while paused.
    expect(paused.json().clock).toMatchObject({ usedWorkingDays: 2, remainingWorkingDays: 18, dueDate: null, running: false });

    // Two weeks later (sessions of 25 Sep have long expired: sign in again).
    vi.setSystemTime(new Date("2026-10-12T02:00:00Z"));
    officer = await signIn(t.app, "demo-officer-fgw");
    const owner = await signIn(t.app, "demo-unit");
    const resumed = await step({ type: "resume", at: "2026-10-09T09:00:00+08:00" });
    // Resumed Fri 9 Oct; on Mon 12 Oct only Sat 10 Oct (调休) has been added to the 2 days before the pause.
    expect(resumed.json().clock).toMatchObject({ usedWorkingDays: 3, remainingWorkingDays: 17, running: true });
    const explained = (await officer.get(`/api/v1/cases/${c.caseId}/clock`)).json();
    const roles = Object.fromEntries(explained.days.map((d: { date: string; role: string }) => [d.date, d.role]));
    expect(roles).toMatchObject({ "2026-09-18": "start", "2026-09-20": "counted", "2026-09-22": "pause_day", "2026-09-30": "paused", "2026-10-09": "resume_day", "2026-10-10": "counted" });
    expect(explained.days.find((d: { due?: boolean }) => d.due)?.date).toBe(explained.clock.dueDate);

    const done = await step({ type: "complete", result: "granted", opinion: "同意核准", documentNumber: "浙发改核〔2026〕18号", documentTitle: "关于某项目核准的批复", at: "2026-10-12T09:30:00+08:00" });
    expect(done.json()).toMatchObject({ status: "completed", result: "granted", documentNumber: "浙发改核〔2026〕18号", completedOn: "2026-10-12" });
    expect(done.json().allowedSteps).toEqual([]);

    // The unit was told of every step (Art. 14(3)); the audit trail holds each step under the code.
    const messages = (await owner.get("/api/v1/messages?limit=200")).json().items.filter((m: { subject: string }) => m.subject === c.caseId);
    expect(messages.map((m: { kind: string }) => m.kind).sort()).toEqual(["case.accept", "case.complete", "case.pause", "case.receive", "case.resume"]);
    const events = (await owner.get(`/api/v1/projects/${code}/events`)).json().items.filter((e: { type: string }) => e.type === "case.step_taken");
    expect(events).toHaveLength(5);
  });

  it("attaches the decision document (PDF or OFD) with its SM3, for the unit to download exactly", async () => {
    const { matters } = await declare();
    const c = verificationCase(matters);
    await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "receive" });
    await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "accept" });
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from("核准批复 decision document".repeat(50))]);
    const put = (who: Client, body: Buffer, name: string) =>
      t.app.inject({ method: "PUT", url: `/api/v1/cases/${c.caseId}/document`, headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken, "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name) }, payload: body });
    const disguised = await put(fgw, Buffer.from("MZ\x90\x00 not a pdf"), "批复.pdf");
    expect(disguised.statusCode).toBe(422);
    expect(disguised.json().error.code).toBe("MATERIAL_CONTENT_MISMATCH");
    expect((await put(zrzy, pdf, "批复.pdf")).statusCode).toBe(404);
    const attached = await put(fgw, pdf, "浙发改核〔2026〕20号.pdf");
    expect(attached.statusCode).toBe(201);
    const sm3 = createHash("sm3").update(pdf).digest("hex");
    expect(attached.json()).toMatchObject({ fileName: "浙发改核〔2026〕20号.pdf", size: pdf.length, sm3 });
    expect((await unit.get(`/api/v1/cases/${c.caseId}`)).json().document).toEqual({ fileName: "浙发改核〔2026〕20号.pdf", size: pdf.length, sm3 });
    const download = await unit.get(`/api/v1/cases/${c.caseId}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["x-content-sm3"]).toBe(sm3);
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
    const audit = await t.database.db.selectFrom("audit_event").select("payload").where("type", "=", "case.document_attached").execute();
    expect(audit.map((a) => (typeof a.payload === "string" ? JSON.parse(a.payload) : a.payload).sm3)).toContain(sm3);
  });

  it("refuses acceptance when the project code no longer verifies, and records the verification", async () => {
    const { code, matters } = await declare();
    const c = verificationCase(matters);
    await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "receive" });
    expect((await unit.post(`/api/v1/projects/${code}/changes`, { kind: "withdrawal", reason: "项目取消" })).statusCode).toBeLessThan(300);
    const res = await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "accept" });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("PROJECT_CODE_INVALID");
    expect((await fgw.get(`/api/v1/cases/${c.caseId}`)).json().status).toBe("submitted");
    const rows = await t.database.db.selectFrom("code_verification").select(["valid", "reason", "purpose"]).where("code", "=", code).execute();
    expect(rows).toContainEqual({ valid: false, reason: "PROJECT_WITHDRAWN", purpose: "acceptance" });
  });

  it("lets only the handling department take steps, only a leader extend, and only within the law's limits", async () => {
    const { matters } = await declare();
    const c = verificationCase(matters);
    expect((await zrzy.post(`/api/v1/cases/${c.caseId}/events`, { type: "receive" })).statusCode).toBe(404);
    expect((await unit.post(`/api/v1/cases/${c.caseId}/events`, { type: "receive" })).statusCode).toBe(403);
    // The unit cannot submit before uploading the required materials.
    const submit = await unit.post(`/api/v1/cases/${c.caseId}/submission`);
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.code).toBe("MATERIALS_INCOMPLETE");
    expect(submit.json().error.fields.length).toBeGreaterThan(0);

    await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "receive" });
    // Refusal before acceptance needs a reason; a step in the future is refused.
    expect((await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "refuse" })).statusCode).toBe(400);
    const future = await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "accept", at: "2026-09-26T10:00:00+08:00" });
    expect(future.json().error.code).toBe("CASE_STEP_TIME_INVALID");
    await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "accept" });
    // A pause only for a kind of step the matter's laws exclude from the limit.
    const allowedClasses = (await fgw.get(`/api/v1/cases/${c.caseId}`)).json().pauseReasonClasses as string[];
    const notAllowed = ["supplement", "expert_review", "hearing", "public_notice", "intermediary", "site_inspection", "other"].find((k) => !allowedClasses.includes(k));
    expect(notAllowed).toBeDefined();
    const wrongClass = await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "pause", reasonClass: notAllowed, reason: "不适用的中止" });
    expect(wrongClass.statusCode).toBe(422);
    expect(wrongClass.json().error).toMatchObject({ code: "PAUSE_REASON_NOT_ALLOWED", fields: [{ path: "reasonClass" }] });

    const byOfficer = await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "extend", workingDays: 10, reason: "情况复杂" });
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().error.code).toBe("CASE_ACTOR_NOT_ALLOWED");
    const extended = await leader.post(`/api/v1/cases/${c.caseId}/events`, { type: "extend", workingDays: 10, reason: "情况复杂，需征求多部门意见" });
    expect(extended.statusCode).toBe(201);
    expect(extended.json().clock).toMatchObject({ extendedWorkingDays: 10, remainingWorkingDays: 30 });
    const tooMuch = await leader.post(`/api/v1/cases/${c.caseId}/events`, { type: "extend", workingDays: 40, reason: "再延长" });
    expect(tooMuch.json().error.code).toBe("EXTENSION_NOT_ALLOWED");
    // The unit is told the extension with its reason.
    const told = (await unit.get("/api/v1/messages")).json().items.find((m: { kind: string; subject: string }) => m.kind === "case.extend" && m.subject === c.caseId);
    expect(told.body).toContain("情况复杂，需征求多部门意见");
    // Steps out of order are refused with the statuses they need.
    const again = await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "accept" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("CASE_STEP_NOT_ALLOWED");
    // The message names the statuses in Chinese, as the officer sees them.
    expect(again.json().error.message).toContain("「已受理」");
  });

  it("lets a department's system report steps with an API key limited to its department", async () => {
    const { matters } = await declare();
    const c = verificationCase(matters);
    const security = await signIn(t.app, "demo-security");
    const orgs = (await security.get("/api/v1/organisations?pageSize=100")).json().items as { id: number; name: string }[];
    const fgwOrg = orgs.find((o) => o.name.includes("发展和改革"))!;
    const zrzyOrg = orgs.find((o) => o.name.includes("自然资源"))!;
    const issue = async (organisationId: number) => (await security.post("/api/v1/api-keys", { name: `sys-${organisationId}`, organisationId, scopes: ["cases:write"] })).json() as { id: number; key: string };
    const fgwKey = await issue(fgwOrg.id);
    const zrzyKey = await issue(zrzyOrg.id);
    const call = (key: string, body?: unknown) =>
      t.app.inject({ method: body ? "POST" : "GET", url: `/api/v1/cases/${c.caseId}${body ? "/events" : ""}`, headers: { authorization: `Bearer ${key}` }, ...(body ? { payload: body } : {}) });

    const received = await call(fgwKey.key, { type: "receive", at: "2026-09-21T09:00:00+08:00" });
    expect(received.statusCode).toBe(201);
    expect(received.json().events[0]).toMatchObject({ type: "receive", actorKind: "department_system", on: "2026-09-21" });
    expect((await call(fgwKey.key, { type: "accept", at: "2026-09-20T09:00:00+08:00" })).json().error.code).toBe("CASE_STEP_TIME_INVALID");
    expect((await call(zrzyKey.key)).statusCode).toBe(404);
    expect((await call("tzxm_notakey")).statusCode).toBe(401);
    // A key opens only the exchange routes.
    expect((await t.app.inject({ method: "GET", url: "/api/v1/projects", headers: { authorization: `Bearer ${fgwKey.key}` } })).statusCode).toBe(401);
    await security.post(`/api/v1/api-keys/${fgwKey.id}/revoke`);
    expect((await call(fgwKey.key)).statusCode).toBe(401);
  });

  it("sets the project approved when its last matter is completed, with a completion notice listing every document number", async () => {
    const { code, matters } = await declare({ approvalCategory: "filing", projectType: "02", totalInvestment: "800.00", environmentalCategory: "registration" });
    const officers: Record<string, Client> = { 发展和改革: fgw, 自然资源: zrzy };
    expect((await unit.get(`/api/v1/projects/${code}/completion-notice.pdf`)).json().error.code).toBe("COMPLETION_NOTICE_NOT_READY");
    for (const m of matters) {
      const who = Object.entries(officers).find(([k]) => m.department.includes(k))?.[1];
      expect(who, m.department).toBeDefined();
      await who!.post(`/api/v1/cases/${m.caseId}/events`, { type: "receive" });
      await who!.post(`/api/v1/cases/${m.caseId}/events`, { type: "accept" });
      const done = await who!.post(`/api/v1/cases/${m.caseId}/events`, { type: "complete", result: "granted", opinion: "同意", documentNumber: `测〔2026〕${m.matterCode}号`, documentTitle: "备案证明" });
      expect(done.statusCode).toBe(201);
    }
    const view = (await unit.get(`/api/v1/projects/${code}/cases`)).json();
    expect(view.stages.flatMap((s: { items: unknown[] }) => s.items)).toHaveLength(matters.length);
    const project = await t.database.db.selectFrom("project").select("status").where("code", "=", code).executeTakeFirstOrThrow();
    expect(project.status).toBe("approved");
    const kinds = (await unit.get("/api/v1/messages?limit=200")).json().items.map((m: { kind: string; subject: string }) => `${m.kind}:${m.subject}`);
    expect(kinds).toContain(`project.approved:${code}`);

    // Anyone can follow the handling by the code: the public record shows each result and document number.
    const pub = (await t.app.inject({ url: `/api/v1/public/projects/${code}` })).json();
    expect(pub.status).toBe("approved");
    for (const m of matters) expect(pub.matters).toContainEqual(expect.objectContaining({ name: m.matterName, status: "completed", result: "granted", documentNumber: `测〔2026〕${m.matterCode}号`, completedOn: "2026-09-25" }));
    const pdf = await unit.get(`/api/v1/projects/${code}/completion-notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const dir = mkdtempSync(join(tmpdir(), "tzxm-notice-"));
    try {
      writeFileSync(join(dir, "n.pdf"), pdf.rawPayload);
      const text = execFileSync("pdftotext", [join(dir, "n.pdf"), "-"], { encoding: "utf8" });
      expect(text).toContain("办结告知书");
      expect(text).toContain(code);
      for (const m of matters) expect(text.replace(/\s+/g, "")).toContain(`测〔2026〕${m.matterCode}号`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
