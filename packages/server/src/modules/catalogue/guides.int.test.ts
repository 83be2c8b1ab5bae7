import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, DEMO_PASSWORD, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { insertUser } from "../identity/identity.repository.js";
import { hashPassword } from "../identity/passwords.js";
import { organisationIdByName } from "./catalogue.repository.js";

type Guide = { id: number; version: number; status: string; content: { content: string; fees: { free: boolean; text: string } }; materials: { code: string; name: string }[] };
const EIA = "ZJ-STHJ-001"; // 建设项目环境影响评价审批（报告书）, owned by 浙江省生态环境厅

describe("service guide versions (办事指南版本, Art. 8)", () => {
  let t: TestApp;
  let officer: Client;
  let leader: Client;
  let unit: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const hash = await hashPassword(DEMO_PASSWORD);
    await t.database.db.transaction().execute(async (tx) => {
      const org = await organisationIdByName(tx, "浙江省生态环境厅");
      await insertUser(tx, { username: "sthj-leader", display_name: "生态环境厅负责人", organisation_id: Number(org!.id), role: "leader", password_hash: hash, second_factor_exempt: true });
    });
    officer = await signIn(t.app, "demo-officer-sthj");
    leader = await signIn(t.app, "sthj-leader");
    unit = await signIn(t.app, "demo-unit");
  });
  afterAll(() => t.close());

  const put = (c: Client, url: string, payload: object) => t.app.inject({ method: "PUT", url, headers: { cookie: c.cookie, "x-csrf-token": c.csrfToken }, payload });
  const toldVersion = async (code: string) =>
    ((await unit.get(`/api/v1/projects/${code}/matters`)).json().items as { matterCode: string; guideVersion: number }[]).find((i) => i.matterCode === EIA)?.guideVersion;

  it("drafts, saves, submits and publishes a new version that supersedes v1, while earlier projects keep v1", async () => {
    const before = await unit.post("/api/v1/projects", sampleDeclaration({ environmentalCategory: "report" }));
    expect(before.statusCode).toBe(201);
    const beforeCode = before.json().code as string;
    expect(await toldVersion(beforeCode)).toBe(1);

    const matters = (await officer.get("/api/v1/matters")).json().items as { code: string; published: { version: number } | null }[];
    expect(matters.map((m) => m.code).sort()).toEqual(["ZJ-STHJ-001", "ZJ-STHJ-002"]);
    expect(matters.find((m) => m.code === EIA)?.published?.version).toBe(1);

    const opened = await officer.post(`/api/v1/matters/${EIA}/guides`);
    expect(opened.statusCode).toBe(201);
    const draft = opened.json() as Guide;
    expect(draft).toMatchObject({ version: 2, status: "draft" });
    expect((await officer.post(`/api/v1/matters/${EIA}/guides`)).statusCode).toBe(409);

    const content = { ...draft.content, content: `${draft.content.content}（2026年修订）` };
    const bad = await put(officer, `/api/v1/guides/${draft.id}`, { content: { ...content, procedure: [] }, materials: draft.materials });
    expect(bad.statusCode).toBe(400);
    const saved = await put(officer, `/api/v1/guides/${draft.id}`, { content, materials: draft.materials });
    expect(saved.statusCode).toBe(200);

    expect((await officer.post(`/api/v1/guides/${draft.id}/submit`)).statusCode).toBe(200);
    // Submitted: the text is fixed, and an officer can neither publish nor return it.
    expect((await put(officer, `/api/v1/guides/${draft.id}`, { content, materials: draft.materials })).statusCode).toBe(409);
    expect((await officer.post(`/api/v1/guides/${draft.id}/publish`)).statusCode).toBe(403);
    expect((await officer.post(`/api/v1/guides/${draft.id}/return`, { reason: "补充" })).statusCode).toBe(403);

    const published = await leader.post(`/api/v1/guides/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", version: 2, supersededVersion: 1 });

    const versions = (await officer.get(`/api/v1/matters/${EIA}/guides`)).json().items as Guide[];
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, "published"], [1, "superseded"]]);
    expect(versions[0]!.content.content).toContain("（2026年修订）");

    // A published version is never edited: refused by the workflow (409) and by the database itself.
    expect((await put(leader, `/api/v1/guides/${draft.id}`, { content: draft.content, materials: draft.materials })).statusCode).toBe(409);
    await expect(sql`update service_guide set content = '{}'::jsonb where id = ${draft.id}`.execute(t.database.db)).rejects.toThrow(/never edited/);

    const after = (await unit.post("/api/v1/projects", sampleDeclaration({ environmentalCategory: "report" }))).json().code as string;
    expect(await toldVersion(after)).toBe(2);
    expect(await toldVersion(beforeCode)).toBe(1);

    const types = (await t.database.db.selectFrom("audit_event").select("type").where("subject", "=", EIA).orderBy("seq").execute()).map((e) => e.type);
    expect(types).toEqual(["guide.drafted", "guide.saved", "guide.submitted", "guide.published"]);
  });

  it("lets a leader return a submitted version to draft with a reason", async () => {
    const draft = (await officer.post("/api/v1/matters/ZJ-STHJ-002/guides")).json() as Guide;
    await officer.post(`/api/v1/guides/${draft.id}/submit`);
    expect((await leader.post(`/api/v1/guides/${draft.id}/return`, { reason: "" })).statusCode).toBe(400);
    expect((await leader.post(`/api/v1/guides/${draft.id}/return`, { reason: "请补充收费依据" })).statusCode).toBe(200);
    const versions = (await officer.get("/api/v1/matters/ZJ-STHJ-002/guides")).json().items as Guide[];
    expect(versions[0]).toMatchObject({ version: 2, status: "draft" });
    expect((await leader.post(`/api/v1/guides/${draft.id}/publish`)).statusCode).toBe(409);
  });

  it("keeps another department's matters and guides out of reach (404)", async () => {
    const fgw = await signIn(t.app, "demo-officer-fgw");
    const fgwLeader = await signIn(t.app, "demo-leader-fgw");
    expect(((await fgw.get("/api/v1/matters")).json().items as { code: string }[]).every((m) => m.code.startsWith("ZJ-FGW-"))).toBe(true);
    expect((await fgw.get(`/api/v1/matters/${EIA}/guides`)).statusCode).toBe(404);
    expect((await fgw.post(`/api/v1/matters/${EIA}/guides`)).statusCode).toBe(404);
    const sthjDraft = (await officer.get("/api/v1/matters/ZJ-STHJ-002/guides")).json().items[0] as Guide;
    expect((await put(fgw, `/api/v1/guides/${sthjDraft.id}`, { content: sthjDraft.content, materials: sthjDraft.materials })).statusCode).toBe(404);
    expect((await fgw.post(`/api/v1/guides/${sthjDraft.id}/submit`)).statusCode).toBe(404);
    expect((await fgwLeader.post(`/api/v1/guides/${sthjDraft.id}/publish`)).statusCode).toBe(404);
    expect((await unit.get("/api/v1/matters")).statusCode).toBe(403);
    expect((await (await signIn(t.app, "demo-supervisor")).get("/api/v1/matters")).statusCode).toBe(403);
  });
});
