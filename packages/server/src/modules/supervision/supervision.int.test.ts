import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, DEMO_PASSWORD, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { insertOrganisation, insertUser } from "../identity/identity.repository.js";
import { hashPassword } from "../identity/passwords.js";
import { creditCodeCheckCharacter } from "../reference/credit-code.js";

/** Business time: Fri 25 Sep 2026, 10:00 in Beijing. */
const TODAY = new Date("2026-09-25T02:00:00Z");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

type Order = { id: number; status: string; overdue: boolean; daysOverdue: number; deadline: string; closedOn: string | null; allowedActions: string[]; steps: { seq: number; type: string; body: string | null; attachment: { fileName: string; sm3: string } | null }[] };

describe("supervision (监管: inspections, rectification, penalties, abnormal list)", () => {
  let t: TestApp;
  let unit: Client;
  let otherUnit: Client;
  let officer: Client;
  let leader: Client;
  let supervisor: Client;
  let nbOfficer: Client;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: TODAY });
    t = await startTestApp();
    const hash = await hashPassword(DEMO_PASSWORD);
    await t.database.db.transaction().execute(async (tx) => {
      const other = await insertOrganisation(tx, { kind: "project_unit", name: "宁波某某制造有限公司", short_name: null, region_code: "330203", credit_code: `91330203MA2AAAAA1${creditCodeCheckCharacter("91330203MA2AAAAA1")}` });
      await insertUser(tx, { username: "other-unit", display_name: "另一单位", organisation_id: other.id, role: "project_unit", password_hash: hash, second_factor_exempt: true });
      const nb = await tx.selectFrom("organisation").select("id").where("name", "=", "宁波市发展和改革委员会").executeTakeFirstOrThrow();
      await insertUser(tx, { username: "nb-officer", display_name: "宁波经办人", organisation_id: nb.id, role: "officer", password_hash: hash, second_factor_exempt: true });
    });
    await signInAll();
  });
  // Moving the clock ends idle sessions: everyone signs in again at the new time.
  async function signInAll() {
    unit = await signIn(t.app, "demo-unit");
    otherUnit = await signIn(t.app, "other-unit");
    officer = await signIn(t.app, "demo-officer-fgw");
    leader = await signIn(t.app, "demo-leader-fgw");
    supervisor = await signIn(t.app, "demo-supervisor");
    nbOfficer = await signIn(t.app, "nb-officer");
  }
  async function moveTo(at: Date) {
    vi.setSystemTime(at);
    await signInAll();
  }
  afterEach(async () => {
    if (Date.now() !== TODAY.getTime()) await moveTo(TODAY);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  /** A project of the demo unit in 杭州市西湖区 (330106). */
  async function declared(): Promise<string> {
    const res = await unit.post("/api/v1/projects", sampleDeclaration());
    expect(res.statusCode).toBe(201);
    return res.json().code as string;
  }

  const inspect = (client: Client, code: string, over: Record<string, unknown> = {}) =>
    client.post(`/api/v1/projects/${code}/inspections`, {
      mode: "online", inspectedOn: "2026-09-24", inspectors: "孙丽、李明", summary: "在线核查项目开工建设情况",
      findings: [{ category: "未按规定报送", description: "未按期报送项目开工信息", severity: "major" }], ...over,
    });

  const order = (client: Client, code: string, over: Record<string, unknown> = {}) =>
    client.post(`/api/v1/projects/${code}/rectification-orders`, { requirements: "限期补报项目开工信息并说明原因", deadline: "2026-10-09", documentNumber: "浙发改监整〔2026〕1号", ...over });

  const messageKeys = async (client: Client) => ((await client.get("/api/v1/messages?limit=200")).json().items as { kind: string; subject: string }[]).map((m) => `${m.kind}:${m.subject}`);

  it("follows a rectification order up: issued → reported → returned → reported again → accepted (closed), the unit told at each turn", async () => {
    const code = await declared();
    const ins = await inspect(supervisor, code);
    expect(ins.statusCode).toBe(201);
    const inspection = ins.json() as { id: number; mode: string; status: string; findings: { id: number; severity: string }[]; canClose: boolean };
    expect(inspection).toMatchObject({ mode: "online", status: "open", canClose: true });
    expect(inspection.findings).toHaveLength(1);

    const issued = await order(supervisor, code, { inspectionId: inspection.id, findingId: inspection.findings[0]!.id });
    expect(issued.statusCode).toBe(201);
    const o = issued.json() as Order & { inspectionId: number; findingId: number };
    expect(o).toMatchObject({ status: "open", overdue: false, inspectionId: inspection.id, findingId: inspection.findings[0]!.id, allowedActions: [] });
    expect(await messageKeys(unit)).toContain(`rectification.ordered:${code}`);

    // The unit sees the order and may only report.
    const mine = (await unit.get(`/api/v1/rectification-orders?projectCode=${code}`)).json().items as Order[];
    expect(mine.map((x) => x.id)).toEqual([o.id]);
    expect(mine[0]!.allowedActions).toEqual(["report"]);
    // Nothing to accept before a report.
    expect((await supervisor.post(`/api/v1/rectification-orders/${o.id}/accept`, {})).statusCode).toBe(409);

    const first = await unit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "已补报开工信息", attachment: { fileName: "整改报告.pdf", contentBase64: PDF.toString("base64") } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: "submitted", allowedActions: [] });
    // A second report while one waits is refused; a disguised attachment is refused before anything is stored.
    expect((await unit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "再次报送" })).statusCode).toBe(409);
    const fake = await unit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "x", attachment: { fileName: "a.pdf", contentBase64: Buffer.from("MZ not a pdf").toString("base64") } });
    expect(fake.statusCode).toBe(422);
    expect(fake.json().error.code).toBe("MATERIAL_CONTENT_MISMATCH");

    // The attachment downloads exactly as uploaded.
    const dl = await supervisor.get(`/api/v1/rectification-orders/${o.id}/steps/2/attachment`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);

    expect((await supervisor.post(`/api/v1/rectification-orders/${o.id}/return`, {})).statusCode).toBe(400);
    const returned = await supervisor.post(`/api/v1/rectification-orders/${o.id}/return`, { reason: "未说明逾期原因" });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: "open" });
    expect(await messageKeys(unit)).toContain(`rectification.returned:${code}`);

    expect((await unit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "已补报并说明逾期原因" })).json()).toMatchObject({ status: "submitted" });
    // The issuing department's officer follows up the supervisor's order too.
    const accepted = await officer.post(`/api/v1/rectification-orders/${o.id}/accept`, { comment: "整改到位" });
    expect(accepted.statusCode).toBe(200);
    const closed = accepted.json() as Order;
    expect(closed).toMatchObject({ status: "closed", closedOn: "2026-09-25", allowedActions: [] });
    expect(closed.steps.map((s) => s.type)).toEqual(["issue", "report", "return", "report", "accept"]);
    expect(closed.steps[1]!.attachment?.fileName).toBe("整改报告.pdf");
    expect(closed.steps[2]!.body).toBe("未说明逾期原因");
    expect(await messageKeys(unit)).toContain(`rectification.closed:${code}`);
    expect((await unit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "又一次" })).statusCode).toBe(409);
    // The unit cannot take the department's steps (no permission at all).
    expect((await unit.post(`/api/v1/rectification-orders/${o.id}/return`, { reason: "x" })).statusCode).toBe(403);

    const closeIns = await supervisor.post(`/api/v1/inspections/${inspection.id}/close`);
    expect(closeIns.json()).toMatchObject({ status: "closed", canClose: false });
    expect((await supervisor.post(`/api/v1/inspections/${inspection.id}/close`)).json().error.code).toBe("INSPECTION_CLOSED");
  });

  it("computes overdue from the deadline when read: the deadline day is in time, the next day is overdue, closing ends it", async () => {
    const code = await declared();
    // A deadline already past cannot be set.
    const past = await order(officer, code, { deadline: "2026-09-24", documentNumber: undefined });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.fields[0].path).toBe("deadline");

    const o = (await order(officer, code, { documentNumber: undefined })).json() as Order;
    const other = (await order(officer, code, { deadline: "2026-12-31", documentNumber: undefined })).json() as Order;
    const overdueIds = async () => ((await supervisor.get("/api/v1/rectification-orders?overdue=true&pageSize=100")).json().items as Order[]).map((x) => x.id);

    await moveTo(new Date("2026-10-09T15:00:00Z")); // 23:00 on 9 Oct in Beijing: still the deadline day
    expect((await officer.get(`/api/v1/rectification-orders/${o.id}`)).json()).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(await overdueIds()).not.toContain(o.id);

    await moveTo(new Date("2026-10-12T02:00:00Z"));
    const late = (await officer.get(`/api/v1/rectification-orders/${o.id}`)).json() as Order;
    expect(late).toMatchObject({ status: "open", overdue: true, daysOverdue: 3 });
    const ids = await overdueIds();
    expect(ids).toContain(o.id);
    expect(ids).not.toContain(other.id);
    // Overdue orders come first in the department's list.
    const all = (await officer.get(`/api/v1/rectification-orders?projectCode=${code}`)).json().items as Order[];
    expect(all.map((x) => x.id)).toEqual([o.id, other.id]);

    // A report that comes late is still accepted; the order stays overdue until it is closed.
    expect((await unit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "逾期报送" })).json()).toMatchObject({ status: "submitted", overdue: true });
    expect((await officer.post(`/api/v1/rectification-orders/${o.id}/accept`, {})).json()).toMatchObject({ status: "closed", overdue: false });
    expect(await overdueIds()).not.toContain(o.id);
    const events = (await officer.get(`/api/v1/projects/${code}/events`)).json().items as { type: string; payload: Record<string, unknown> }[];
    expect(events.find((e) => e.type === "supervision.rectification_reported")!.payload.overdue).toBe(true);
    expect(events.find((e) => e.type === "supervision.rectification_closed")!.payload.overdue).toBe(true);
  });

  it("records penalty decisions only with a document number, by a leader or a supervisor, once per number", async () => {
    const code = await declared();
    const body = { documentNumber: "浙发改罚〔2026〕3号", decidedOn: "2026-09-25", violation: "未按规定报送项目开工信息，经责令整改逾期未改正", basis: "《企业投资项目核准和备案管理条例》第二十条", penalty: "警告，罚款", amount: "20000.00" };
    const byOfficer = await officer.post(`/api/v1/projects/${code}/penalties`, body);
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().error.code).toBe("SUPERVISION_DECISION_NOT_ALLOWED");

    const { documentNumber: _omitted, ...withoutNumber } = body;
    const missing = await leader.post(`/api/v1/projects/${code}/penalties`, withoutNumber);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.map((f: { path: string }) => f.path)).toContain("documentNumber");
    expect((await leader.post(`/api/v1/projects/${code}/penalties`, { ...body, documentNumber: "   " })).statusCode).toBe(400);

    const ok = await leader.post(`/api/v1/projects/${code}/penalties`, body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ documentNumber: body.documentNumber, amount: "20000.00", public: true, department: "浙江省发展和改革委员会" });
    expect(await messageKeys(unit)).toContain(`penalty.decided:${code}`);

    const again = await supervisor.post(`/api/v1/projects/${code}/penalties`, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("PENALTY_DOCUMENT_NUMBER_TAKEN");
    expect((await leader.post(`/api/v1/projects/${code}/penalties`, { ...body, documentNumber: "浙发改罚〔2026〕4号", decidedOn: "2026-09-26" })).statusCode).toBe(422);

    const listed = (await supervisor.get("/api/v1/penalties?pageSize=100")).json().items as { documentNumber: string; projectCode: string }[];
    expect(listed).toContainEqual(expect.objectContaining({ documentNumber: body.documentNumber, projectCode: code }));
  });

  it("keeps data scope: a 宁波 officer neither sees nor acts on a 杭州 project; a unit sees only its own", async () => {
    const code = await declared();
    const o = (await order(supervisor, code)).json() as Order;
    const ins = (await inspect(supervisor, code)).json() as { id: number };

    expect((await nbOfficer.get(`/api/v1/projects/${code}/supervision`)).statusCode).toBe(404);
    expect((await inspect(nbOfficer, code)).statusCode).toBe(404);
    expect((await order(nbOfficer, code)).statusCode).toBe(404);
    expect((await nbOfficer.get(`/api/v1/rectification-orders/${o.id}`)).statusCode).toBe(404);
    expect((await nbOfficer.post(`/api/v1/rectification-orders/${o.id}/return`, { reason: "x" })).statusCode).toBe(404);
    expect((await nbOfficer.get(`/api/v1/inspections/${ins.id}`)).statusCode).toBe(404);
    expect(((await nbOfficer.get("/api/v1/rectification-orders?pageSize=100")).json().items as Order[]).map((x) => x.id)).not.toContain(o.id);
    expect(((await nbOfficer.get("/api/v1/inspections?pageSize=100")).json().items as { id: number }[]).map((x) => x.id)).not.toContain(ins.id);

    expect((await otherUnit.get(`/api/v1/projects/${code}/supervision`)).statusCode).toBe(404);
    expect((await otherUnit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "冒名报送" })).statusCode).toBe(404);
    expect((await otherUnit.get("/api/v1/rectification-orders")).json().items).toEqual([]);
    // Units neither inspect nor list the back office's registers.
    expect((await unit.get("/api/v1/abnormal-list")).statusCode).toBe(403);

    const own = await unit.get(`/api/v1/projects/${code}/supervision`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ code, canSupervise: false, canDecide: false });
    expect(own.json().rectificationOrders.map((x: Order) => x.id)).toEqual([o.id]);
    expect(own.json().inspections.map((x: { id: number }) => x.id)).toEqual([ins.id]);
  });

  it("lets a department supervise a project it approved outside its region, and follow up what it issued there", async () => {
    const code = await declared();
    // A matter of this 杭州 project handled by 宁波市发展改革委 (e.g. transferred to it).
    await t.database.db.transaction().execute(async (tx) => {
      const nb = await tx.selectFrom("organisation").select("id").where("name", "=", "宁波市发展和改革委员会").executeTakeFirstOrThrow();
      const p = await tx.selectFrom("project").select("id").where("code", "=", code).executeTakeFirstOrThrow();
      const c = await tx.selectFrom("matter_case").select("id").where("project_id", "=", p.id).orderBy("id").limit(1).executeTakeFirstOrThrow();
      await tx.updateTable("matter_case").set({ department_id: nb.id }).where("id", "=", c.id).execute();
    });
    expect((await nbOfficer.get(`/api/v1/projects/${code}/supervision`)).statusCode).toBe(200);
    const issued = await order(nbOfficer, code, { documentNumber: "甬发改监整〔2026〕2号" });
    expect(issued.statusCode).toBe(201);
    const o = issued.json() as Order & { department: string };
    expect(o.department).toBe("宁波市发展和改革委员会");
    await unit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "已整改" });
    expect((await nbOfficer.post(`/api/v1/rectification-orders/${o.id}/accept`, {})).json()).toMatchObject({ status: "closed" });
    // What it issued there is in its own list too, though the project lies outside its region.
    const listed = (await nbOfficer.get("/api/v1/rectification-orders?pageSize=100")).json().items as { id: number }[];
    expect(listed.map((x) => x.id)).toContain(o.id);
  });

  it("lists and removes a project on the abnormal list (异常名录), once at a time", async () => {
    const code = await declared();
    const reason = "整改通知逾期未整改";
    expect((await officer.post(`/api/v1/projects/${code}/abnormal-listing`, { reason })).statusCode).toBe(403);
    const listed = await supervisor.post(`/api/v1/projects/${code}/abnormal-listing`, { reason });
    expect(listed.statusCode).toBe(201);
    const l = listed.json() as { id: number; active: boolean; listedOn: string; unit: string; canRemove: boolean };
    expect(l).toMatchObject({ active: true, listedOn: "2026-09-25", canRemove: true });
    expect(await messageKeys(unit)).toContain(`abnormal.listed:${code}`);
    expect((await leader.post(`/api/v1/projects/${code}/abnormal-listing`, { reason })).json().error.code).toBe("ABNORMAL_ALREADY_LISTED");

    const active = async () => ((await leader.get("/api/v1/abnormal-list?active=true&pageSize=100")).json().items as { id: number }[]).map((x) => x.id);
    expect(await active()).toContain(l.id);

    expect((await officer.post(`/api/v1/abnormal-list/${l.id}/removal`, { reason: "已整改" })).statusCode).toBe(403);
    expect((await nbOfficer.post(`/api/v1/abnormal-list/${l.id}/removal`, { reason: "已整改" })).statusCode).toBe(403);
    const removed = await leader.post(`/api/v1/abnormal-list/${l.id}/removal`, { reason: "已完成整改" });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ active: false, removedOn: "2026-09-25", removedReason: "已完成整改", canRemove: false });
    expect((await leader.post(`/api/v1/abnormal-list/${l.id}/removal`, { reason: "again" })).statusCode).toBe(404);
    expect(await active()).not.toContain(l.id);
    expect(((await leader.get("/api/v1/abnormal-list?active=false&pageSize=100")).json().items as { id: number }[]).map((x) => x.id)).toContain(l.id);
    expect(await messageKeys(unit)).toContain(`abnormal.removed:${code}`);
    // Once removed, the project may be listed again.
    expect((await supervisor.post(`/api/v1/projects/${code}/abnormal-listing`, { reason: "虚假报送" })).statusCode).toBe(201);
  });

  it("shows every supervision event on the project's timeline, under its code", async () => {
    const code = await declared();
    const ins = (await inspect(supervisor, code)).json() as { id: number };
    const o = (await order(supervisor, code, { inspectionId: ins.id })).json() as Order;
    await unit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "已整改" });
    await supervisor.post(`/api/v1/rectification-orders/${o.id}/return`, { reason: "材料不全" });
    await unit.post(`/api/v1/rectification-orders/${o.id}/report`, { report: "已补齐" });
    await supervisor.post(`/api/v1/rectification-orders/${o.id}/accept`, {});
    await supervisor.post(`/api/v1/inspections/${ins.id}/close`);
    await supervisor.post(`/api/v1/projects/${code}/penalties`, { documentNumber: "浙发改罚〔2026〕9号", decidedOn: "2026-09-25", violation: "提供虚假材料", basis: "条例第二十二条", penalty: "警告" });
    const listing = (await supervisor.post(`/api/v1/projects/${code}/abnormal-listing`, { reason: "提供虚假材料" })).json() as { id: number };
    await supervisor.post(`/api/v1/abnormal-list/${listing.id}/removal`, { reason: "已纠正" });

    const timeline = (await unit.get(`/api/v1/projects/${code}/events`)).json().items as { type: string; payload: Record<string, unknown> }[];
    expect(timeline.map((e) => e.type).filter((x) => x.startsWith("supervision."))).toEqual([
      "supervision.inspection_recorded",
      "supervision.rectification_ordered",
      "supervision.rectification_reported",
      "supervision.rectification_returned",
      "supervision.rectification_reported",
      "supervision.rectification_closed",
      "supervision.inspection_closed",
      "supervision.penalty_decided",
      "supervision.abnormal_listed",
      "supervision.abnormal_removed",
    ]);
    expect(timeline.find((e) => e.type === "supervision.penalty_decided")!.payload).toMatchObject({ documentNumber: "浙发改罚〔2026〕9号", public: true });

    const record = (await supervisor.get(`/api/v1/projects/${code}/supervision`)).json();
    expect(record).toMatchObject({ canSupervise: true, canDecide: true });
    expect(record.inspections).toHaveLength(1);
    expect(record.rectificationOrders[0]).toMatchObject({ status: "closed" });
    expect(record.penalties[0]).toMatchObject({ documentNumber: "浙发改罚〔2026〕9号", amount: null });
    expect(record.abnormalListings[0]).toMatchObject({ active: false });
  });
});
