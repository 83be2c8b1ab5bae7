import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sm3Hex } from "../../platform/crypto.js";
import { ATTACHMENT_MAX_BYTES } from "./attachment.js";

type Policy = { id: number; title: string; status: string; attachments: { key: string; fileName: string; size: number }[]; actions: string[] };
type PublicItem = { id: number; title: string; issuer: string; category: string; issuedOn: string };

const draftBody = {
  title: "关于进一步优化企业投资项目备案服务的通知（测试）",
  issuer: "浙江省发展和改革委员会",
  documentNumber: "浙发改投资〔2026〕1号",
  issuedOn: "2026-01-15",
  category: "notice",
  body: "为进一步优化备案服务，现就有关事项通知如下（测试正文）。",
};

describe("policy information (政策信息, Art. 4)", () => {
  let t: TestApp;
  let officer: Client;
  let leader: Client;
  beforeAll(async () => {
    t = await startTestApp();
    officer = await signIn(t.app, "demo-officer-fgw");
    leader = await signIn(t.app, "demo-leader-fgw");
  });
  afterAll(() => t.close());

  const send = (c: Client, method: "PUT" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: c.cookie, "x-csrf-token": c.csrfToken }, ...(payload ? { payload } : {}) });
  const upload = (c: Client, id: number, name: string, bytes: Buffer) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/policies/${id}/attachments`,
      headers: { cookie: c.cookie, "x-csrf-token": c.csrfToken, "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name) },
      payload: bytes,
    });
  const publicList = async (query = "") => (await t.app.inject({ method: "GET", url: `/api/v1/public/policies${query}` })).json() as { items: PublicItem[]; total: number };

  it("shows the five seeded documents, newest first, and filters by text, category and issuer", async () => {
    const all = await publicList();
    expect(all.total).toBe(5);
    const dates = all.items.map((i) => i.issuedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.items[0]!.title).toBe("政府投资条例");
    expect((await publicList(`?q=${encodeURIComponent("673号")}`)).items.map((i) => i.title)).toEqual(["企业投资项目核准和备案管理条例"]);
    expect((await publicList("?category=policy")).items.map((i) => i.title)).toEqual(["国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见"]);
    expect((await publicList(`?issuer=${encodeURIComponent("浙江省")}`)).items.map((i) => i.title)).toEqual(["浙江省重点建设项目管理办法"]);
    expect((await publicList("?q=%25")).total).toBe(0);
    const bad = await t.app.inject({ method: "GET", url: "/api/v1/public/policies?category=rumour" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("category");
  });

  it("drafts, attaches, publishes and withdraws; the public sees only the published document", async () => {
    const created = await officer.post("/api/v1/policies", draftBody);
    expect(created.statusCode).toBe(201);
    const draft = created.json() as Policy;
    expect(draft).toMatchObject({ status: "draft", actions: ["edit"] });
    expect((await t.app.inject({ method: "GET", url: `/api/v1/public/policies/${draft.id}` })).statusCode).toBe(404);

    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("测试附件内容")]);
    const up = await upload(officer, draft.id, "备案服务通知.pdf", pdf);
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ key: sm3Hex(pdf), fileName: "备案服务通知.pdf", mediaType: "application/pdf", size: pdf.length });
    const audited = await t.database.db.selectFrom("audit_event").select(["type", "payload"]).where("subject", "=", `policy:${draft.id}`).where("type", "=", "policy.attachment_added").executeTakeFirstOrThrow();
    expect(audited.payload).toMatchObject({ sm3: sm3Hex(pdf), size: pdf.length, fileName: "备案服务通知.pdf" });

    const saved = await send(officer, "PUT", `/api/v1/policies/${draft.id}`, { ...draftBody, title: `${draftBody.title}（修改）` });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().attachments).toHaveLength(1);

    // An officer drafts; only a leader publishes.
    expect((await officer.post(`/api/v1/policies/${draft.id}/publish`)).statusCode).toBe(403);
    const published = await leader.post(`/api/v1/policies/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", actions: ["withdraw"] });

    const page = await t.app.inject({ method: "GET", url: `/api/v1/public/policies/${draft.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ title: `${draftBody.title}（修改）`, documentNumber: "浙发改投资〔2026〕1号" });
    expect((await publicList("?category=notice")).items.map((i) => i.id)).toEqual([draft.id]);
    const file = await t.app.inject({ method: "GET", url: `/api/v1/public/policies/${draft.id}/attachments/${sm3Hex(pdf)}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toContain(encodeURIComponent("备案服务通知.pdf"));
    expect(file.rawPayload.equals(pdf)).toBe(true);

    // Published: fixed, by the workflow (409) and by the database.
    expect((await send(leader, "PUT", `/api/v1/policies/${draft.id}`, draftBody)).statusCode).toBe(409);
    expect((await upload(leader, draft.id, "b.pdf", pdf)).statusCode).toBe(409);
    await expect(sql`update policy_document set body = 'x' where id = ${draft.id}`.execute(t.database.db)).rejects.toThrow(/never edited/);

    expect((await leader.post(`/api/v1/policies/${draft.id}/withdraw`, { reason: "" })).statusCode).toBe(400);
    expect((await officer.post(`/api/v1/policies/${draft.id}/withdraw`, { reason: "已废止" })).statusCode).toBe(403);
    const withdrawn = await leader.post(`/api/v1/policies/${draft.id}/withdraw`, { reason: "已被新文件替代" });
    expect(withdrawn.json()).toMatchObject({ status: "withdrawn", withdrawnReason: "已被新文件替代" });
    expect((await t.app.inject({ method: "GET", url: `/api/v1/public/policies/${draft.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/public/policies/${draft.id}/attachments/${sm3Hex(pdf)}` })).statusCode).toBe(404);
    expect((await publicList("?category=notice")).total).toBe(0);
    // Still on record for the organisation.
    expect((await officer.get(`/api/v1/policies/${draft.id}`)).json().status).toBe("withdrawn");

    const types = (await t.database.db.selectFrom("audit_event").select("type").where("subject", "=", `policy:${draft.id}`).orderBy("seq").execute()).map((e) => e.type);
    expect(types).toEqual(["policy.drafted", "policy.attachment_added", "policy.saved", "policy.published", "policy.withdrawn"]);
  });

  it("refuses wrong types, renamed files, oversized files and a missing file name, storing nothing", async () => {
    const draft = (await officer.post("/api/v1/policies", draftBody)).json() as Policy;
    const html = await upload(officer, draft.id, "通知.pdf", Buffer.from("<html><script>alert(1)</script>"));
    expect(html.statusCode).toBe(415);
    expect(html.json().error).toMatchObject({ code: "ATTACHMENT_TYPE_REFUSED", fields: [{ path: "file" }] });
    expect((await upload(officer, draft.id, "setup.exe", Buffer.from("MZ\x90\x00"))).json().error.code).toBe("ATTACHMENT_TYPE_REFUSED");
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    big.write("%PDF-1.4");
    const tooBig = await upload(officer, draft.id, "big.pdf", big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatchObject({ code: "ATTACHMENT_TOO_LARGE", fields: [{ path: "file" }] });
    const noName = await t.app.inject({
      method: "POST",
      url: `/api/v1/policies/${draft.id}/attachments`,
      headers: { cookie: officer.cookie, "x-csrf-token": officer.csrfToken, "content-type": "application/pdf" },
      payload: Buffer.from("%PDF-1.4"),
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields[0].path).toBe("x-file-name");
    // Larger than the platform's 1 MB JSON body limit, well within the attachment limit.
    const scan = Buffer.alloc(3 * 1024 * 1024, 7);
    scan.write("%PDF-1.7");
    const scanned = await upload(officer, draft.id, "扫描件.pdf", scan);
    expect(scanned.statusCode).toBe(201);
    await send(officer, "DELETE", `/api/v1/policies/${draft.id}/attachments/${scanned.json().key}`);
    const docx = await upload(officer, draft.id, "申报表.docx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(docx.statusCode).toBe(201);
    const after = (await officer.get(`/api/v1/policies/${draft.id}`)).json() as Policy;
    expect(after.attachments.map((a) => a.fileName)).toEqual(["申报表.docx"]);
    // A draft's attachment is downloadable in the back office, never publicly; and it can be removed.
    expect((await officer.get(`/api/v1/policies/${draft.id}/attachments/${after.attachments[0]!.key}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/public/policies/${draft.id}/attachments/${after.attachments[0]!.key}` })).statusCode).toBe(404);
    const removed = await send(officer, "DELETE", `/api/v1/policies/${draft.id}/attachments/${after.attachments[0]!.key}`);
    expect(removed.json().attachments).toEqual([]);
    const types = (await t.database.db.selectFrom("audit_event").select("type").where("subject", "=", `policy:${draft.id}`).orderBy("seq").execute()).map((e) => e.type);
    expect(types).toEqual(["policy.drafted", "policy.attachment_added", "policy.attachment_removed", "policy.attachment_added", "policy.attachment_removed"]);
  });

  it("names the failing field, and keeps documents within their organisation and roles", async () => {
    const bad = await officer.post("/api/v1/policies", { ...draftBody, title: "", issuedOn: "2026-02-30" });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(["issuedOn", "title"]);
    const future = await officer.post("/api/v1/policies", { ...draftBody, issuedOn: "2999-01-01" });
    expect(future.json().error.fields[0].path).toBe("issuedOn");

    const mine = (await officer.post("/api/v1/policies", draftBody)).json() as Policy;
    const other = await signIn(t.app, "demo-officer-sthj");
    expect((await other.get(`/api/v1/policies/${mine.id}`)).statusCode).toBe(404);
    expect((await send(other, "PUT", `/api/v1/policies/${mine.id}`, draftBody)).statusCode).toBe(404);
    expect(((await other.get("/api/v1/policies")).json().items as Policy[]).some((p) => p.id === mine.id)).toBe(false);
    expect(((await officer.get("/api/v1/policies?status=draft")).json().items as Policy[]).some((p) => p.id === mine.id)).toBe(true);

    for (const who of ["demo-unit", "demo-supervisor", "demo-ops"]) {
      const c = await signIn(t.app, who);
      expect((await c.get("/api/v1/policies")).statusCode, who).toBe(403);
      expect((await c.post("/api/v1/policies", draftBody)).statusCode, who).toBe(403);
    }
  });
});
