import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { insertOrganisation, insertUser } from "../identity/identity.repository.js";
import { hashPassword } from "../identity/passwords.js";

type Matter = { caseId: string; matterCode: string; matterName: string; department: string };
type Option = { id: number; name: string; services: { service: string; promisedWorkingDays: number }[] };

/** Business time: Fri 25 Sep 2026, 10:00 in Beijing (between 中秋 and 国庆), as in the cases tests. */
const TODAY = new Date("2026-09-25T02:00:00Z");
const LATER = new Date("2026-10-12T02:00:00Z"); // Mon 12 Oct 2026, after 国庆
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const SERVICE = "社会稳定风险评估";

describe("intermediary services on the platform (中介服务委托, Art. 16)", () => {
  let t: TestApp;
  let unit: Client;
  let fgw: Client;
  let zrzy: Client;
  let firm: Client;
  let otherFirm: Client;
  let supervisor: Client;
  let zhengheng: Option;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: TODAY });
    t = await startTestApp();
    // Staff of an intermediary that is not the one commissioned.
    const hash = await hashPassword("Demo#2026");
    await t.database.db.transaction().execute(async (tx) => {
      const org = await insertOrganisation(tx, { kind: "intermediary", name: "测试另一咨询有限公司", short_name: null, region_code: "330100", credit_code: "91330100MA2TEST01X" });
      await insertUser(tx, { username: "other-firm", display_name: "另一中介人员", organisation_id: org.id, role: "intermediary", password_hash: hash, second_factor_exempt: true });
    });
    await signInAll();
    const options = (await fgw.get("/api/v1/commissions/intermediaries")).json().items as Option[];
    zhengheng = options.find((o) => o.name.includes("正衡"))!;
    expect(zhengheng.services.map((s) => s.service)).toContain(SERVICE);
    // Only intermediaries whose staff can sign in are offered.
    expect(options.some((o) => o.name === "浙江示例环境科技咨询有限公司")).toBe(false);
  });
  afterEach(() => vi.setSystemTime(TODAY));
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  async function signInAll() {
    unit = await signIn(t.app, "demo-unit");
    fgw = await signIn(t.app, "demo-officer-fgw");
    zrzy = await signIn(t.app, "demo-officer-zrzy");
    firm = await signIn(t.app, "demo-intermediary");
    otherFirm = await signIn(t.app, "other-firm");
    supervisor = await signIn(t.app, "demo-supervisor");
  }

  /** A verification project whose 核准 case (fgw; its clock may pause for intermediaries) is accepted on Fri 18 Sep. */
  async function acceptedCase(): Promise<{ code: string; caseId: string }> {
    const res = await unit.post("/api/v1/projects", sampleDeclaration());
    expect(res.statusCode).toBe(201);
    const { code, requiredMatters } = res.json() as { code: string; requiredMatters: Matter[] };
    const c = requiredMatters.find((m) => m.matterName.includes("核准"))!;
    expect((await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "receive", at: "2026-09-17T09:00:00+08:00" })).statusCode).toBe(201);
    expect((await fgw.post(`/api/v1/cases/${c.caseId}/events`, { type: "accept", at: "2026-09-18T10:00:00+08:00" })).statusCode).toBe(201);
    return { code, caseId: c.caseId };
  }

  const commission = (client: Client, caseId: string, over: Record<string, unknown> = {}) =>
    client.post(`/api/v1/cases/${caseId}/commissions`, { intermediaryId: zhengheng.id, service: SERVICE, requirements: "按有关规定编制项目社会稳定风险评估报告", ...over });

  const deliver = (client: Client, id: number, bytes: Buffer, name: string, contentType = "application/pdf") =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/commissions/${id}/report`,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken, "content-type": contentType, "x-file-name": encodeURIComponent(name) },
      payload: bytes,
    });

  const auditPayloads = async (type: string) =>
    (await t.database.db.selectFrom("audit_event").select("payload").where("type", "=", type).execute()).map((r) => r.payload as Record<string, unknown>);

  it("commission → accepted → report delivered → evaluated: the case's clock pauses and keeps its remaining days; supervisors see it all", async () => {
    const { code, caseId } = await acceptedCase();
    const created = await commission(fgw, caseId);
    expect(created.statusCode).toBe(201);
    const k = created.json();
    expect(k).toMatchObject({ status: "commissioned", service: SERVICE, promisedWorkingDays: 20, intermediary: zhengheng.name, allowedActions: ["cancel"], clock: { started: false } });

    // Paused on Fri 25 Sep: the 5 working days counted since acceptance stay used, 15 remain, no due date while paused.
    const paused = (await fgw.get(`/api/v1/cases/${caseId}`)).json();
    expect(paused.status).toBe("paused");
    expect(paused.clock).toMatchObject({ usedWorkingDays: 5, remainingWorkingDays: 15, running: false, dueDate: null });
    expect(paused.events.at(-1)).toMatchObject({ type: "pause", details: { reasonClass: "intermediary", reason: `委托中介服务：${SERVICE}（${zhengheng.name}）` } });
    expect((await commission(fgw, caseId)).json().error.code).toBe("COMMISSION_ALREADY_OPEN");

    // The intermediary sees it in its inbox (and was told); another intermediary and another department do not.
    const inbox = (await firm.get("/api/v1/commissions")).json();
    expect(inbox.items.map((i: { id: number }) => i.id)).toContain(k.id);
    expect(inbox.items.find((i: { id: number }) => i.id === k.id).allowedActions).toEqual(["accept", "decline"]);
    expect((await firm.get("/api/v1/messages?limit=50")).json().items.map((m: { kind: string; subject: string }) => `${m.kind}:${m.subject}`)).toContain(`commission.created:${k.id}`);
    expect((await otherFirm.get(`/api/v1/commissions/${k.id}`)).statusCode).toBe(404);
    expect((await otherFirm.post(`/api/v1/commissions/${k.id}/accept`)).statusCode).toBe(404);
    expect((await zrzy.get(`/api/v1/commissions/${k.id}`)).statusCode).toBe(404);
    expect((await zrzy.post(`/api/v1/commissions/${k.id}/cancel`, { reason: "不是本部门的" })).statusCode).toBe(404);
    expect((await fgw.post(`/api/v1/commissions/${k.id}/accept`)).statusCode).toBe(403);
    // Nothing can be delivered before acceptance.
    expect((await deliver(firm, k.id, PDF, "报告.pdf")).json().error.code).toBe("COMMISSION_STEP_NOT_ALLOWED");

    const accepted = await firm.post(`/api/v1/commissions/${k.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: "accepted", allowedActions: ["deliver"], clock: { started: true, running: true, usedWorkingDays: 0, remainingWorkingDays: 20 } });

    // Mon 12 Oct: 28-30 Sep, 8-9 Oct and Sat 10 Oct (调休) counted on the intermediary's clock; the holiday did not.
    vi.setSystemTime(LATER);
    await signInAll();
    expect((await firm.get(`/api/v1/commissions/${k.id}`)).json().clock).toMatchObject({ usedWorkingDays: 6, remainingWorkingDays: 14, overdue: false });
    expect((await deliver(firm, k.id, Buffer.from("MZ not a pdf"), "报告.exe", "application/octet-stream")).json().error.code).toBe("MATERIAL_FORMAT_NOT_ALLOWED");
    expect((await deliver(firm, k.id, Buffer.from("MZ not a pdf"), "报告.pdf")).json().error.code).toBe("MATERIAL_CONTENT_MISMATCH");
    const delivered = await deliver(firm, k.id, PDF, "社会稳定风险评估报告.pdf");
    expect(delivered.statusCode).toBe(200);
    const sm3 = createHash("sm3").update(PDF).digest("hex");
    expect(delivered.json()).toMatchObject({ status: "delivered", report: { fileName: "社会稳定风险评估报告.pdf", size: PDF.length, sm3 }, clock: { running: false, usedWorkingDays: 6 } });

    // The case runs again with the 15 days it had left: the intermediary's 6 working days were not charged to it.
    const resumed = (await fgw.get(`/api/v1/cases/${caseId}`)).json();
    expect(resumed.status).toBe("accepted");
    expect(resumed.clock).toMatchObject({ usedWorkingDays: 5, remainingWorkingDays: 15, running: true });
    expect(resumed.events.at(-1)).toMatchObject({ type: "resume", actorKind: "officer" });
    expect(resumed.events.at(-1).actor).toContain("中介服务报告已交付");
    expect((await auditPayloads("commission.delivered")).find((p) => p.commissionId === k.id)).toMatchObject({ sm3, caseResumed: true, usedWorkingDays: 6 });

    // Only the commissioning department evaluates, once, after delivery.
    expect((await firm.post(`/api/v1/commissions/${k.id}/evaluation`, { score: 5, comment: "自评" })).statusCode).toBe(403);
    expect((await fgw.post(`/api/v1/commissions/${k.id}/evaluation`, { score: 6, comment: "超出范围" })).statusCode).toBe(400);
    const evaluated = await fgw.post(`/api/v1/commissions/${k.id}/evaluation`, { score: 4, comment: "报告规范，按时交付" });
    expect(evaluated.json()).toMatchObject({ status: "evaluated", evaluation: { score: 4, comment: "报告规范，按时交付" }, allowedActions: [] });
    expect((await fgw.post(`/api/v1/commissions/${k.id}/cancel`, { reason: "太晚了" })).json().error.code).toBe("COMMISSION_STEP_NOT_ALLOWED");

    // The supervisor sees the whole course, downloads the report exactly as delivered; the unit sees no commissions.
    const seen = (await supervisor.get("/api/v1/commissions?status=evaluated")).json();
    expect(seen.items.find((i: { id: number }) => i.id === k.id)).toMatchObject({ projectCode: code, evaluation: { score: 4 }, allowedActions: [] });
    expect((await supervisor.get(`/api/v1/cases/${caseId}/commissions`)).json().items).toHaveLength(1);
    const download = await supervisor.get(`/api/v1/commissions/${k.id}/report`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["x-content-sm3"]).toBe(sm3);
    expect(Buffer.compare(download.rawPayload, PDF)).toBe(0);
    expect((await unit.get("/api/v1/commissions")).statusCode).toBe(403);

    // The unit was told of the pause (with its reason) and of the resumption; the department of each answer.
    const told = (await unit.get("/api/v1/messages?limit=200")).json().items.filter((m: { subject: string }) => m.subject === caseId);
    expect(told.map((m: { kind: string }) => m.kind)).toEqual(expect.arrayContaining(["case.pause", "case.resume"]));
    expect(told.find((m: { kind: string }) => m.kind === "case.pause").body).toContain("委托中介服务");
    const officerTold = (await fgw.get("/api/v1/messages?limit=200")).json().items.filter((m: { subject: string }) => m.subject === String(k.id));
    expect(officerTold.map((m: { kind: string }) => m.kind).sort()).toEqual(["commission.accepted", "commission.delivered"]);
    for (const type of ["commission.created", "commission.accepted", "commission.evaluated", "commission.report_downloaded"]) {
      expect((await auditPayloads(type)).some((p) => p.commissionId === k.id), type).toBe(true);
    }
  });

  it("a declined commission resumes the case at once, with the reason recorded", async () => {
    const { caseId } = await acceptedCase();
    const k = (await commission(fgw, caseId)).json();
    expect((await firm.post(`/api/v1/commissions/${k.id}/decline`, { reason: "" })).statusCode).toBe(400);
    const declined = await firm.post(`/api/v1/commissions/${k.id}/decline`, { reason: "本机构近期业务饱和，无法按期完成" });
    expect(declined.json()).toMatchObject({ status: "declined", declinedReason: "本机构近期业务饱和，无法按期完成", allowedActions: [] });
    const c = (await fgw.get(`/api/v1/cases/${caseId}`)).json();
    expect(c.status).toBe("accepted");
    expect(c.clock).toMatchObject({ remainingWorkingDays: 15, running: true });
    expect((await auditPayloads("commission.declined")).find((p) => p.commissionId === k.id)).toMatchObject({ caseResumed: true });
    // The case may now be commissioned again, to the same or another intermediary.
    expect((await commission(fgw, caseId)).statusCode).toBe(201);
  });

  it("the department cancels an accepted commission before delivery; the case resumes and the intermediary is told", async () => {
    const { caseId } = await acceptedCase();
    const k = (await commission(fgw, caseId)).json();
    await firm.post(`/api/v1/commissions/${k.id}/accept`);
    const cancelled = await fgw.post(`/api/v1/commissions/${k.id}/cancel`, { reason: "项目单位已自行提交评估报告" });
    expect(cancelled.json()).toMatchObject({ status: "cancelled", cancelledReason: "项目单位已自行提交评估报告", clock: { running: false } });
    expect((await fgw.get(`/api/v1/cases/${caseId}`)).json().status).toBe("accepted");
    expect((await deliver(firm, k.id, PDF, "报告.pdf")).json().error.code).toBe("COMMISSION_STEP_NOT_ALLOWED");
    const told = (await firm.get("/api/v1/messages?limit=100")).json().items.map((m: { kind: string; subject: string }) => `${m.kind}:${m.subject}`);
    expect(told).toContain(`commission.cancelled:${k.id}`);
  });

  it("a case transferred to another department while the intermediary works resumes in that department's name", async () => {
    const { caseId } = await acceptedCase();
    const k = (await commission(fgw, caseId)).json();
    await firm.post(`/api/v1/commissions/${k.id}/accept`);
    const zrzyOrg = await t.database.db.selectFrom("organisation").select("id").where("name", "=", "浙江省自然资源厅").executeTakeFirstOrThrow();
    const moved = await fgw.post(`/api/v1/cases/${caseId}/events`, { type: "transfer", reason: "职责调整", toDepartmentId: zrzyOrg.id });
    expect(moved.statusCode).toBe(201);
    expect((await deliver(firm, k.id, PDF, "报告.pdf")).json().status).toBe("delivered");
    const c = (await zrzy.get(`/api/v1/cases/${caseId}`)).json();
    expect(c).toMatchObject({ status: "accepted", departmentId: zrzyOrg.id });
    expect(c.events.at(-1).actor).toContain("张华");
    // The commissioning department still evaluates its commission.
    expect((await fgw.post(`/api/v1/commissions/${k.id}/evaluation`, { score: 3, comment: "基本满足要求" })).json().status).toBe("evaluated");
  });

  it("lets the security administrator give intermediary staff accounts only in intermediary organisations", async () => {
    const security = await signIn(t.app, "demo-security");
    const orgs = await t.database.db.selectFrom("organisation").select(["id", "kind"]).where("name", "in", ["浙江正衡工程咨询有限公司", "浙江省发展和改革委员会"]).execute();
    const firmOrg = orgs.find((o) => o.kind === "intermediary")!.id;
    const fgwOrg = orgs.find((o) => o.kind === "comprehensive")!.id;
    const create = (username: string, role: string, organisationId: number) =>
      security.post("/api/v1/users", { username, displayName: "测试人员", role, organisationId, password: "Strong#2026x" });
    expect((await create("firm-officer", "officer", firmOrg)).json().error.code).toBe("ROLE_NOT_ALLOWED_FOR_ORGANISATION");
    expect((await create("fgw-intermediary", "intermediary", fgwOrg)).json().error.code).toBe("ROLE_NOT_ALLOWED_FOR_ORGANISATION");
    expect((await create("firm-staff", "intermediary", firmOrg)).statusCode).toBe(201);
  });

  it("refuses a commission for another department's case, a case not accepted, a matter whose clock does not stop for it, a service not offered, an intermediary without accounts or suspended", async () => {
    const { caseId } = await acceptedCase();
    expect((await commission(zrzy, caseId)).json().error.code).toBe("CASE_NOT_FOUND");
    expect((await commission(supervisor, caseId)).statusCode).toBe(403);
    expect((await commission(fgw, caseId, { service: "安全评价" })).json().error).toMatchObject({ code: "INTERMEDIARY_SERVICE_NOT_OFFERED", fields: [{ path: "service" }] });

    const directory = (await fgw.get(`/api/v1/intermediaries?q=${encodeURIComponent("示例环境科技")}`)).json().items as { id: number }[];
    expect((await commission(fgw, caseId, { intermediaryId: directory[0]!.id, service: "环境影响评价报告编制" })).json().error.code).toBe("INTERMEDIARY_NOT_ON_PLATFORM");

    expect((await fgw.post(`/api/v1/intermediaries/${zhengheng.id}/suspend`, { reason: "资质复核中" })).statusCode).toBe(200);
    try {
      const refused = await commission(fgw, caseId);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe("INTERMEDIARY_NOT_AVAILABLE");
    } finally {
      await fgw.post(`/api/v1/intermediaries/${zhengheng.id}/reactivate`);
    }
    // Nothing was paused by the refused attempts.
    expect((await fgw.get(`/api/v1/cases/${caseId}`)).json().status).toBe("accepted");

    // A case not yet accepted, and a matter whose laws do not stop its clock for intermediaries.
    const res = await unit.post("/api/v1/projects", sampleDeclaration());
    const matters = res.json().requiredMatters as Matter[];
    const verification = matters.find((m) => m.matterName.includes("核准"))!;
    expect((await commission(fgw, verification.caseId)).json().error.code).toBe("COMMISSION_CASE_NOT_ACCEPTED");
    // 用地预审 (自然资源厅) stops its clock for site inspections and expert reviews, never for intermediaries.
    const zrzyCase = matters.find((m) => m.department.includes("自然资源"))!;
    expect((await zrzy.get(`/api/v1/cases/${zrzyCase.caseId}`)).json().pauseReasonClasses).not.toContain("intermediary");
    const notStopping = await commission(zrzy, zrzyCase.caseId);
    expect(notStopping.statusCode).toBe(422);
    expect(notStopping.json().error).toMatchObject({ code: "COMMISSION_PAUSE_NOT_ALLOWED", message: expect.stringContaining("不因中介服务中止") });
  });

  it("a case waiting for its intermediary is not resumed by hand, and withdrawing the case cancels the commission", async () => {
    const { caseId } = await acceptedCase();
    const k = (await commission(fgw, caseId)).json() as { id: number };
    const resume = await fgw.post(`/api/v1/cases/${caseId}/events`, { type: "resume" });
    expect(resume.statusCode).toBe(409);
    expect(resume.json().error.code).toBe("COMMISSION_OPEN");
    const withdrawn = await unit.post(`/api/v1/cases/${caseId}/withdrawal`, { reason: "项目调整，不再申请" });
    expect(withdrawn.statusCode).toBe(201);
    expect(withdrawn.json().events.at(-1).details.cancelledCommissions).toEqual([k.id]);
    expect((await fgw.get(`/api/v1/commissions/${k.id}`)).json()).toMatchObject({ status: "cancelled" });
    // The handling officer hears of the unit's withdrawal with its reason.
    const told = (await fgw.get("/api/v1/messages?limit=200")).json().items.find((m: { kind: string; subject: string }) => m.kind === "case.withdraw_by_unit" && m.subject === caseId);
    expect(told.body).toContain("项目调整，不再申请");
  });
});
