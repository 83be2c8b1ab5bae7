import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { connectionUrlOf, testDatabaseKind } from "../../../test/test-database.js";
import { VERSION } from "../../boot.js";
import { loadConfig } from "../../config/env.js";
import { type Database, openDatabase } from "../../db/database.js";
import { buildApp } from "../../http/app.js";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { publishDisclosures } from "./disclosure-publisher.service.js";

type Matter = { caseId: string; matterName: string; department: string };
type Item = { id: number; kind: string; projectCode: string; projectName: string; department: string; title: string; result?: string; outcome?: string; documentNumber?: string; decidedOn: string; publishedOn: string; regionCode: string };

/** Fri 25 Sep 2026, 10:00 in Beijing. */
const TODAY = new Date("2026-09-25T02:00:00Z");

describe("信息公开 (Art. 18): publication, the public lists, open data and take-downs", () => {
  let t: TestApp;
  let second: Database;
  let central: FastifyInstance;
  let unit: Client;
  let fgw: Client;
  let leader: Client;
  let serial = 0;
  const published: { code: string; caseId: string; documentNumber: string; matterName: string; result: "granted" | "denied" }[] = [];

  const anon = (app: FastifyInstance, url: string) => app.inject({ method: "GET", url });
  const publicList = async (query = "", app?: FastifyInstance) => {
    const res = await anon(app ?? t.app, `/api/v1/public/disclosures${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number; page: number; pageSize: number };
  };
  const publish = (database: Database = t.database, batchSize?: number) =>
    publishDisclosures({ db: database.db, platformRegion: t.config.PLATFORM_REGION }, batchSize ? { batchSize } : {});

  /** Declares a project and takes its 核准 case to 办结 with the given result; the document number is unique. */
  async function completedCase(result: "granted" | "denied" = "granted") {
    const declared = (await unit.post("/api/v1/projects", sampleDeclaration({ name: `信息公开测试项目${++serial}号` }))).json() as { code: string; requiredMatters: Matter[] };
    const c = declared.requiredMatters.find((m) => m.matterName.includes("核准"))!;
    const step = (body: Record<string, unknown>) => fgw.post(`/api/v1/cases/${c.caseId}/events`, body);
    expect((await step({ type: "receive", at: "2026-09-21T09:00:00+08:00" })).statusCode).toBe(201);
    expect((await step({ type: "accept", at: "2026-09-21T10:00:00+08:00" })).statusCode).toBe(201);
    const documentNumber = `浙发改核〔2026〕${100 + serial}号`;
    const done = await step({ type: "complete", result, opinion: result === "granted" ? "同意" : "不符合产业政策", documentNumber, documentTitle: `关于信息公开测试项目${serial}号的批复`, at: "2026-09-24T09:30:00+08:00" });
    expect(done.statusCode, done.body).toBe(201);
    return { code: declared.code, caseId: c.caseId, documentNumber, matterName: c.matterName, result };
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: TODAY });
    t = await startTestApp({ PUBLIC_BASE_URL: "https://tzxm.example.gov.cn" });
    second = testDatabaseKind() === "postgres" ? await openDatabase({ databaseUrl: connectionUrlOf(t.database), poolSize: 3 }) : t.database;
    // The central platform over the same data: it discloses every region.
    const centralConfig = loadConfig({ DEMO_MODE: "true", LOG_LEVEL: "silent", WEB_DIST_DIR: "/nonexistent", PLATFORM_LEVEL: "central", PLATFORM_REGION: "100000", FILE_STORE_DIR: t.config.FILE_STORE_DIR });
    central = await buildApp({ config: centralConfig, database: t.database, calendar: WorkingDayCalendar.load(), version: VERSION }, { logger: false });
    await central.ready();
    unit = await signIn(t.app, "demo-unit");
    fgw = await signIn(t.app, "demo-officer-fgw");
    leader = await signIn(t.app, "demo-leader-fgw");
  });
  afterAll(async () => {
    vi.useRealTimers();
    await central?.close();
    if (second && second !== t.database) await second.close();
    await t.close();
  });

  it("publishes each completed case once, granted or denied, even with two publishers at the same time", async () => {
    published.push(await completedCase("granted"), await completedCase("denied"), await completedCase("granted"));
    // A case accepted but not completed is not a result.
    const open = (await unit.post("/api/v1/projects", sampleDeclaration())).json() as { requiredMatters: Matter[] };
    const openCase = open.requiredMatters.find((m) => m.matterName.includes("核准"))!;
    await fgw.post(`/api/v1/cases/${openCase.caseId}/events`, { type: "receive", at: "2026-09-21T09:00:00+08:00" });

    const [a, b] = await Promise.all([publish(t.database, 1), publish(second, 1)]);
    expect(a + b).toBe(3);
    expect(await publish()).toBe(0);

    const rows = await t.database.db.selectFrom("disclosure_item").select(["source_id", "kind", "result", "outcome", "document_number", "decided_on", "title"]).orderBy("id").execute();
    expect(rows.map((r) => r.source_id).sort()).toEqual(published.map((p) => p.caseId).sort());
    const denied = rows.find((r) => r.source_id === published[1]!.caseId)!;
    expect(denied).toMatchObject({ kind: "approval", result: "不予", outcome: "denied", document_number: published[1]!.documentNumber, decided_on: "2026-09-24", title: published[1]!.matterName });
    // What was published and when is recorded: one audit event per item, under the project code.
    const events = await t.database.db.selectFrom("audit_event").select(["subject", "payload"]).where("type", "=", "disclosure.published").execute();
    expect(events.map((e) => e.subject).sort()).toEqual(published.map((p) => p.code).sort());
    // Published items are never deleted.
    await expect(t.database.db.deleteFrom("disclosure_item").execute()).rejects.toThrow(/never deleted/);
  });

  it("lists exactly what is public: this region's completed cases, as spec §8 items, newest first", async () => {
    const list = await publicList("?kind=approval");
    expect(list.total).toBe(3);
    expect(list.items.map((i) => i.documentNumber).sort()).toEqual(published.map((p) => p.documentNumber).sort());
    const granted = list.items.find((i) => i.documentNumber === published[0]!.documentNumber)!;
    expect(granted).toMatchObject({
      kind: "approval",
      projectCode: published[0]!.code,
      projectName: expect.stringContaining("信息公开测试项目"),
      department: "浙江省发展和改革委员会",
      title: published[0]!.matterName,
      result: "准予",
      outcome: "granted",
      decidedOn: "2026-09-24",
      publishedOn: "2026-09-25",
      regionCode: "330106",
    });
    expect((await publicList("?kind=supervision")).total).toBe(0);
  });

  it("never shows another province's data: not published by this platform, and hidden if present; the central platform shows it", async () => {
    const other = await completedCase("granted");
    // The project lies in 江苏省 (data that reached this database by exchange): not this platform's to disclose.
    await t.database.db.updateTable("project").set({ region_code: "320106" }).where("code", "=", other.code).execute();
    expect(await publish()).toBe(0);
    // An item of that region present all the same (e.g. written by another platform's process) is not listed here.
    const project = await t.database.db.selectFrom("project").select(["id", "name"]).where("code", "=", other.code).executeTakeFirstOrThrow();
    await t.database.db
      .insertInto("disclosure_item")
      .values({ kind: "penalty", source: "test", source_id: "js-1", project_id: project.id, project_code: other.code, project_name: project.name, region_code: "320106", department: "江苏省发展和改革委员会", title: "未按规定报送开工信息", result: "警告", decided_on: "2026-09-20", published_at: TODAY })
      .execute();
    const here = await publicList("?pageSize=100");
    expect(here.items.some((i) => i.projectCode === other.code)).toBe(false);
    expect((await publicList("?q=未按规定")).total).toBe(0);
    const everywhere = await publicList("?pageSize=100", central);
    expect(everywhere.items.filter((i) => i.projectCode === other.code).map((i) => i.kind)).toEqual(["penalty"]);
    const csv = (await anon(t.app, "/api/v1/open-data/disclosures.csv")).body;
    expect(csv).not.toContain(other.code);
  });

  it("lists supervision and penalty items by kind, and filters by text, department, region and date", async () => {
    const p = published[2]!;
    const project = await t.database.db.selectFrom("project").select(["id", "name"]).where("code", "=", p.code).executeTakeFirstOrThrow();
    const zrzy = await t.database.db.selectFrom("organisation").select("id").where("name", "=", "浙江省自然资源厅").executeTakeFirstOrThrow();
    vi.setSystemTime(new Date("2026-10-12T02:00:00Z"));
    await t.database.db
      .insertInto("disclosure_item")
      .values([
        { kind: "supervision", source: "test", source_id: "s-1", project_id: project.id, project_code: p.code, project_name: project.name, region_code: "330106", department_id: zrzy.id, department: "浙江省自然资源厅", title: "用地情况监督检查", result: "责令整改", document_number: "浙自然资监〔2026〕7号", decided_on: "2026-10-10", published_at: new Date() },
        { kind: "penalty", source: "test", source_id: "p-1", project_id: project.id, project_code: p.code, project_name: project.name, region_code: "330106", department_id: zrzy.id, department: "浙江省自然资源厅", title: "未批先建", result: "罚款 5 万元", document_number: "浙自然资罚〔2026〕3号", decided_on: "2026-10-11", published_at: new Date() },
      ])
      .execute();

    expect((await publicList("?kind=supervision")).items.map((i) => i.title)).toEqual(["用地情况监督检查"]);
    expect((await publicList("?kind=penalty")).items.map((i) => i.documentNumber)).toEqual(["浙自然资罚〔2026〕3号"]);
    // Newest first over every kind.
    const all = await publicList();
    expect(all.total).toBe(5);
    expect(all.items.slice(0, 2).map((i) => i.kind).sort()).toEqual(["penalty", "supervision"]);
    // Text: a document number, a project code prefix, a title; department; region; dates.
    expect((await publicList(`?q=${encodeURIComponent(published[1]!.documentNumber)}`)).items.map((i) => i.projectCode)).toEqual([published[1]!.code]);
    // A prefix finds every code that starts with it (other projects of the month may share it), this one among them.
    const prefix = p.code.slice(0, 20);
    const byPrefix = (await publicList(`?q=${prefix}`)).items.map((i) => i.projectCode);
    expect(byPrefix).toContain(p.code);
    expect(byPrefix.every((c) => c.startsWith(prefix))).toBe(true);
    expect((await publicList(`?q=${encodeURIComponent("未批")}`)).total).toBe(1);
    expect((await publicList(`?department=${encodeURIComponent("自然资源")}`)).total).toBe(2);
    expect((await publicList("?region=330100")).total).toBe(5);
    expect((await publicList("?region=330200")).total).toBe(0);
    expect((await publicList("?from=2026-10-01")).total).toBe(2);
    expect((await publicList("?to=2026-09-30")).total).toBe(3);
    expect((await publicList("?from=2026-09-25&to=2026-09-25&kind=approval")).total).toBe(3);
    // Paging.
    const page2 = await publicList("?pageSize=2&page=2");
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page2.items).toHaveLength(2);
    // Bad input: 400 with the field.
    const bad = await anon(t.app, "/api/v1/public/disclosures?kind=rumour&from=2026-10-02&to=2026-10-01");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("offers the same list as CSV, Excel and JSON downloads", async () => {
    const list = await publicList("?pageSize=100");
    const csvRes = await anon(t.app, "/api/v1/open-data/disclosures.csv");
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers["content-type"]).toContain("text/csv");
    expect(csvRes.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csvRes.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("id,kind,projectCode,projectName,department,title,result,outcome,documentNumber,documentTitle,decidedOn,publishedOn,publishedAt,regionCode");
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual(list.items.map((i) => i.id));
    for (const i of list.items) expect(csvRes.body).toContain(`${i.id},${i.kind},${i.projectCode},`);

    const xlsxRes = await anon(t.app, "/api/v1/open-data/disclosures.xlsx?kind=approval");
    expect(xlsxRes.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxRes.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("信息公开")!;
    expect(sheet.getRow(1).getCell(3).value).toBe("项目代码");
    const approvals = list.items.filter((i) => i.kind === "approval");
    expect(sheet.rowCount).toBe(approvals.length + 1);
    for (const [n, i] of approvals.entries()) {
      const row = sheet.getRow(n + 2);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(9).value]).toEqual([i.id, "审批结果", i.projectCode, i.documentNumber]);
    }

    const jsonRes = await anon(t.app, "/api/v1/open-data/disclosures.json?kind=penalty");
    expect(jsonRes.statusCode).toBe(200);
    const json = jsonRes.json();
    expect(json.items).toEqual((await publicList("?kind=penalty")).items);
    expect(json.meta).toMatchObject({ publisher: t.config.PLATFORM_NAME, filters: { kind: "penalty" }, count: 1, total: 1, truncated: false, catalog: "https://tzxm.example.gov.cn/api/v1/open-data/catalog.json" });
    expect(json.meta.fields.map((f: { name: string }) => f.name)).toContain("documentNumber");
  });

  it("describes the datasets in a machine-readable catalogue whose URLs all answer", async () => {
    const res = await anon(t.app, "/api/v1/open-data/catalog.json");
    expect(res.statusCode).toBe(200);
    const cat = res.json();
    expect(cat.publisher.name).toBe(t.config.PLATFORM_NAME);
    expect(cat.datasets.map((d: { identifier: string }) => d.identifier)).toEqual(["disclosures-approval", "disclosures-supervision", "disclosures-penalty"]);
    const approval = cat.datasets[0];
    expect(approval).toMatchObject({ title: { zh: "审批结果", en: "Approval results" }, records: 3, license: { zh: expect.stringContaining(t.config.PLATFORM_NAME) } });
    expect(approval.fields.find((f: { name: string }) => f.name === "documentNumber").title.zh).toContain("批文号");
    for (const dataset of cat.datasets) {
      expect(dataset.distributions.length).toBe(4);
      for (const d of dataset.distributions as { mediaType: string; downloadURL?: string; accessURL?: string }[]) {
        const url = d.downloadURL ?? d.accessURL ?? "";
        expect(url.startsWith("https://tzxm.example.gov.cn/api/v1/")).toBe(true);
        const answer = await anon(t.app, url.slice("https://tzxm.example.gov.cn".length));
        expect(answer.statusCode, url).toBe(200);
        expect(answer.headers["content-type"], url).toContain(d.mediaType);
      }
    }
  });

  it("drops an item when its project is withdrawn or delisted, or when the item is taken down (kept and audited)", async () => {
    const [first, second_, third] = published as [(typeof published)[0], (typeof published)[0], (typeof published)[0]];
    // Two weeks later: sign in again.
    unit = await signIn(t.app, "demo-unit");
    fgw = await signIn(t.app, "demo-officer-fgw");
    leader = await signIn(t.app, "demo-leader-fgw");
    // Withdrawn by its unit afterwards (the project still awaits other matters).
    const withdrawal = await unit.post(`/api/v1/projects/${first.code}/changes`, { kind: "withdrawal", reason: "企业调整投资计划" });
    expect(withdrawal.statusCode, withdrawal.body).toBe(200);
    let codes = (await publicList("?kind=approval")).items.map((i) => i.projectCode);
    expect(codes).not.toContain(first.code);
    expect(codes).toContain(second_.code);

    // Delisted (摘牌).
    await t.database.db.updateTable("project").set({ delisted_at: new Date() }).where("code", "=", second_.code).execute();
    codes = (await publicList("?kind=approval")).items.map((i) => i.projectCode);
    expect(codes).toEqual([third.code]);

    // Taken down by the deciding department's leader, with a reason.
    const managed = (await leader.get("/api/v1/disclosures?kind=approval")).json() as { items: (Item & { canWithdraw: boolean })[] };
    const item = managed.items.find((i) => i.projectCode === third.code && i.kind === "approval")!;
    expect(item.canWithdraw).toBe(true);
    const officer = await fgw.post(`/api/v1/disclosures/${item.id}/withdraw`, { reason: "法院判决撤销" });
    expect(officer.statusCode).toBe(403);
    const down = await leader.post(`/api/v1/disclosures/${item.id}/withdraw`, { reason: "法院判决撤销该行政许可" });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json()).toMatchObject({ withdrawnReason: "法院判决撤销该行政许可", canWithdraw: false });
    expect((await publicList("?kind=approval")).total).toBe(0);
    expect((await leader.post(`/api/v1/disclosures/${item.id}/withdraw`, { reason: "再次撤下" })).json().error.code).toBe("DISCLOSURE_ALREADY_WITHDRAWN");
    const audit = await t.database.db.selectFrom("audit_event").select(["subject", "payload", "actor_label"]).where("type", "=", "disclosure.withdrawn").execute();
    expect(audit).toEqual([{ subject: third.code, payload: { itemId: item.id, kind: "approval", reason: "法院判决撤销该行政许可" }, actor_label: "demo-leader-fgw" }]);
    // The row stays, with its text, for the record.
    const kept = await t.database.db.selectFrom("disclosure_item").select(["document_number", "withdrawn_reason"]).where("id", "=", item.id).executeTakeFirstOrThrow();
    expect(kept).toEqual({ document_number: third.documentNumber, withdrawn_reason: "法院判决撤销该行政许可" });

    // A penalty decided by 自然资源厅: not this leader's to take down, but a supervisor's of the region.
    const penalty = (await leader.get("/api/v1/disclosures?kind=penalty")).json().items.find((i: Item) => i.regionCode === "330106") as Item & { canWithdraw: boolean };
    expect(penalty.canWithdraw).toBe(false);
    expect((await leader.post(`/api/v1/disclosures/${penalty.id}/withdraw`, { reason: "不是本部门" })).json().error.code).toBe("DISCLOSURE_NOT_OWN_DEPARTMENT");
    // An item of another province does not exist for this region's users.
    const foreign = await t.database.db.selectFrom("disclosure_item").select("id").where("region_code", "=", "320106").executeTakeFirstOrThrow();
    const supervisor = await signIn(t.app, "demo-supervisor");
    expect((await supervisor.post(`/api/v1/disclosures/${foreign.id}/withdraw`, { reason: "越权撤下" })).statusCode).toBe(404);
    expect((await supervisor.post(`/api/v1/disclosures/${penalty.id}/withdraw`, { reason: "处罚决定已被复议撤销" })).statusCode).toBe(200);
    expect((await publicList("?kind=penalty")).total).toBe(0);
    // Unsigned callers cannot take anything down.
    expect((await t.app.inject({ method: "POST", url: `/api/v1/disclosures/${penalty.id}/withdraw`, payload: { reason: "匿名" } })).statusCode).toBe(401);
  });
});
