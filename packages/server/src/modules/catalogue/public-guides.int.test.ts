import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";

type Item = { matterCode: string; matterName: string; department: string; departmentId: number; kind: string; stage: string; version: number; statutoryCalendarDays: number | null };
type List = { items: Item[]; page: number; pageSize: number; total: number };
const EIA = "ZJ-STHJ-001"; // 建设项目环境影响评价审批（报告书）, 浙江省生态环境厅, a 60-日 statutory limit

describe("public service guides (办事指南公开, Art. 4 and 8)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  // Anonymous: no cookie at all.
  const get = (url: string) => t.app.inject({ method: "GET", url });
  const list = async (query = "") => {
    const res = await get(`/api/v1/public/guides${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as List;
  };

  it("lists the published guide of each of the 15 demo matters, paged", async () => {
    const all = await list("?pageSize=100");
    expect(all.total).toBe(15);
    expect(all.items).toHaveLength(15);
    expect(new Set(all.items.map((i) => i.matterCode)).size).toBe(15);
    expect(all.items.every((i) => i.version === 1)).toBe(true);
    expect(all.items.find((i) => i.matterCode === EIA)).toMatchObject({ department: "浙江省生态环境厅", kind: "administrative_licence", stage: "construction_permit", statutoryCalendarDays: 60 });
    const page2 = await list("?page=2&pageSize=10");
    expect(page2).toMatchObject({ page: 2, pageSize: 10, total: 15 });
    expect(page2.items).toHaveLength(5);
  });

  it("narrows by name (taken literally), department (name or id) and stage", async () => {
    const eia = await list(`?q=${encodeURIComponent("环境影响")}`);
    expect(eia.items.map((i) => i.matterCode)).toEqual(["ZJ-STHJ-001", "ZJ-STHJ-002"]);
    expect((await list(`?q=${encodeURIComponent("%")}`)).total).toBe(0);
    expect((await list(`?q=${encodeURIComponent("_")}`)).total).toBe(0);

    const byName = await list(`?department=${encodeURIComponent("自然资源")}`);
    expect(byName.total).toBe(3);
    expect(byName.items.every((i) => i.matterCode.startsWith("ZJ-ZRZY-"))).toBe(true);
    const byId = await list(`?department=${byName.items[0]!.departmentId}`);
    expect(byId.items.map((i) => i.matterCode)).toEqual(byName.items.map((i) => i.matterCode));

    const completion = await list("?stage=completion_acceptance");
    expect(completion.items.map((i) => i.matterCode)).toEqual(["ZJ-ZJW-002"]);
    const combined = await list(`?stage=construction_permit&department=${encodeURIComponent("水利")}`);
    expect(combined.items.map((i) => i.matterCode)).toEqual(["ZJ-SLT-001", "ZJ-SLT-002"]);
  });

  it("shows a matter's published guide in full: facts, the eight elements and the materials", async () => {
    const res = await get(`/api/v1/public/guides/${EIA}`);
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g.matter).toMatchObject({ code: EIA, department: "浙江省生态环境厅", stage: "construction_permit", statutoryWorkingDays: null, statutoryCalendarDays: 60 });
    expect(g.matter.statutorySource.length).toBeGreaterThan(0);
    expect(g.matter.promisedSource.length).toBeGreaterThan(0);
    expect(Array.isArray(g.matter.pauseReasonClasses)).toBe(true);
    expect(g.version).toBe(1);
    expect(Number.isNaN(Date.parse(g.publishedAt))).toBe(false);
    expect(Object.keys(g.content).sort()).toEqual(["acceptanceConditions", "contacts", "content", "fees", "legalBasis", "procedure", "supervision", "timeLimit"]);
    expect(g.materials.length).toBeGreaterThan(0);
    expect(g.materials[0]).toHaveProperty("heldByPlatform");
  });

  it("never shows a draft: the published version stays until a new one is published", async () => {
    const officer = await signIn(t.app, "demo-officer-sthj");
    const opened = await officer.post(`/api/v1/matters/${EIA}/guides`);
    expect(opened.statusCode).toBe(201);
    const draft = opened.json() as { id: number; content: { content: string }; materials: unknown };
    const saved = await t.app.inject({
      method: "PUT",
      url: `/api/v1/guides/${draft.id}`,
      headers: { cookie: officer.cookie, "x-csrf-token": officer.csrfToken },
      payload: { content: { ...draft.content, content: "草稿内容（未发布）" }, materials: draft.materials },
    });
    expect(saved.statusCode).toBe(200);
    expect((await officer.post(`/api/v1/guides/${draft.id}/submit`)).statusCode).toBe(200);

    const shown = (await get(`/api/v1/public/guides/${EIA}`)).json();
    expect(shown.version).toBe(1);
    expect(shown.content.content).not.toContain("草稿内容");
    const all = await list("?pageSize=100");
    expect(all.total).toBe(15);
    expect(all.items.find((i) => i.matterCode === EIA)?.version).toBe(1);
  });

  it("answers 404 for a matter without a published guide and 400 naming `stage` for an unknown stage", async () => {
    const missing = await get("/api/v1/public/guides/ZJ-XXX-999");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
    const bad = await get("/api/v1/public/guides?stage=moon_landing");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain("stage");
    expect((await get("/api/v1/public/guides?pageSize=1000")).statusCode).toBe(400);
  });
});
