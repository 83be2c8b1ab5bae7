import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";

/** 项目申报草稿: saved on every wizard step, owned by the unit, never validated against §4 until declared. */
describe("declaration drafts", () => {
  let t: TestApp;
  let unit: Client;

  /** PUT and DELETE with the client's cookie and CSRF token (the shared client only has GET and POST). */
  const send = (c: Client, method: "PUT" | "DELETE", url: string, body?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: c.cookie, "x-csrf-token": c.csrfToken }, ...(body === undefined ? {} : { payload: body as object }) });
  const auditOf = (subject: string) =>
    t.database.db.selectFrom("audit_event").select(["type", "payload", "actor_label"]).where("subject", "=", subject).orderBy("seq").execute();

  beforeAll(async () => {
    t = await startTestApp();
    unit = await signIn(t.app, "demo-unit");
  });
  afterAll(() => t.close());

  it("creates, saves, lists, reads and deletes a half-filled draft, auditing each change in its transaction", async () => {
    const created = await unit.post("/api/v1/project-drafts", { data: { name: "半成品项目", unit: { contactName: "王" } } });
    expect(created.statusCode).toBe(201);
    const { id, step, data, updatedAt } = created.json();
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(step).toBe(0);
    expect(data).toEqual({ name: "半成品项目", unit: { contactName: "王" } });
    expect(typeof updatedAt).toBe("string");

    // Half-filled and even wrong values are kept as typed: a draft is not a declaration.
    const partial = { ...sampleDeclaration(), totalInvestment: "abc", sites: [{ regionCode: "33" }], classified: null };
    const saved = await send(unit, "PUT", `/api/v1/project-drafts/${id}`, { step: 2, data: partial });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ id, step: 2, data: partial });

    const read = await unit.get(`/api/v1/project-drafts/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id, step: 2, data: partial });

    await new Promise((resolve) => setTimeout(resolve, 5)); // timestamps have millisecond precision
    const second = (await unit.post("/api/v1/project-drafts", { step: 1, data: {} })).json();
    const list = (await unit.get("/api/v1/project-drafts")).json();
    expect(list).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([second.id, id]);
    expect(list.items[0]).toMatchObject({ name: null, step: 1 });
    expect(list.items[1]).toMatchObject({ name: sampleDeclaration().name, step: 2, updatedBy: expect.any(String) });

    expect((await send(unit, "DELETE", `/api/v1/project-drafts/${id}`)).statusCode).toBe(204);
    expect((await unit.get(`/api/v1/project-drafts/${id}`)).statusCode).toBe(404);
    expect((await send(unit, "DELETE", `/api/v1/project-drafts/${id}`)).statusCode).toBe(404);
    expect((await unit.get("/api/v1/project-drafts")).json().items.map((d: { id: string }) => d.id)).toEqual([second.id]);

    const events = await auditOf(id);
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ["project.draft_saved", { draftId: id, step: 0 }],
      ["project.draft_saved", { draftId: id, step: 2 }],
      ["project.draft_deleted", { draftId: id }],
    ]);
    expect(events.every((e) => e.actor_label === "demo-unit")).toBe(true);
    // The trace names the draft, never what was typed into it.
    expect(JSON.stringify(events)).not.toContain("半成品项目");
  });

  it("lets a colleague of the same unit continue a draft, and hides it from another unit (404, not listed)", async () => {
    const { insertOrganisation, insertUser } = await import("../identity/identity.repository.js");
    const { creditCodeCheckCharacter } = await import("../reference/credit-code.js");
    await t.database.db.transaction().execute(async (tx) => {
      const demo = await tx.selectFrom("app_user").select(["password_hash", "organisation_id"]).where("username", "=", "demo-unit").executeTakeFirstOrThrow();
      await insertUser(tx, { username: "unit-colleague", display_name: "同单位同事", organisation_id: demo.organisation_id, role: "project_unit", password_hash: demo.password_hash, second_factor_exempt: true });
      const stem = "91330106MA2H3K7L6";
      const org = await insertOrganisation(tx, { kind: "project_unit", name: "另一家企业", region_code: "330106", credit_code: stem + creditCodeCheckCharacter(stem) });
      await insertUser(tx, { username: "other-unit", display_name: "另一家企业经办人", organisation_id: org.id, role: "project_unit", password_hash: demo.password_hash, second_factor_exempt: true });
    });
    const { id } = (await unit.post("/api/v1/project-drafts", { step: 1, data: { name: "同单位共享草稿" } })).json();

    const colleague = await signIn(t.app, "unit-colleague");
    expect((await colleague.get(`/api/v1/project-drafts/${id}`)).json()).toMatchObject({ id, data: { name: "同单位共享草稿" } });
    expect((await send(colleague, "PUT", `/api/v1/project-drafts/${id}`, { step: 3, data: { name: "同事续填" } })).statusCode).toBe(200);
    const mine = (await unit.get("/api/v1/project-drafts")).json().items.find((d: { id: string }) => d.id === id);
    expect(mine).toMatchObject({ name: "同事续填", step: 3, updatedBy: "同单位同事" });

    const other = await signIn(t.app, "other-unit");
    expect((await other.get(`/api/v1/project-drafts/${id}`)).statusCode).toBe(404);
    expect((await send(other, "PUT", `/api/v1/project-drafts/${id}`, { step: 0, data: { name: "篡改" } })).statusCode).toBe(404);
    expect((await send(other, "DELETE", `/api/v1/project-drafts/${id}`)).statusCode).toBe(404);
    const theirs = (await other.get("/api/v1/project-drafts")).json();
    expect(theirs).toMatchObject({ items: [], total: 0 });
    // Still untouched for its owner.
    expect((await unit.get(`/api/v1/project-drafts/${id}`)).json()).toMatchObject({ step: 3, data: { name: "同事续填" } });
  });

  it("refuses departments (403) and anonymous callers (401)", async () => {
    const officer = await signIn(t.app, "demo-officer-fgw");
    const res = await officer.post("/api/v1/project-drafts", { data: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
    expect((await officer.get("/api/v1/project-drafts")).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/v1/project-drafts" })).statusCode).toBe(401);
  });

  it("refuses what is not a JSON object and drafts above 256 KB with a clear error, storing nothing", async () => {
    const count = async () => Number((await t.database.db.selectFrom("project_draft").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const data of [[1, 2], "text", 5, null]) {
      const res = await unit.post("/api/v1/project-drafts", { data });
      expect(res.statusCode, JSON.stringify(data)).toBe(400);
      expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "data" }] });
    }
    const big = { name: "大草稿", constructionContent: "字".repeat(100_000) }; // ≈ 300 KB in UTF-8
    const tooLarge = await unit.post("/api/v1/project-drafts", { data: big });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toMatchObject({ code: "DRAFT_TOO_LARGE", fields: [{ path: "data" }] });
    expect(tooLarge.json().error.message).toContain("256 KB");
    const huge = await unit.post("/api/v1/project-drafts", { data: { constructionContent: "x".repeat(2_000_000) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("PAYLOAD_TOO_LARGE");

    const { id } = (await unit.post("/api/v1/project-drafts", { data: { name: "小草稿" } })).json();
    const grown = await send(unit, "PUT", `/api/v1/project-drafts/${id}`, { step: 2, data: big });
    expect(grown.json().error.code).toBe("DRAFT_TOO_LARGE");
    expect((await unit.get(`/api/v1/project-drafts/${id}`)).json()).toMatchObject({ step: 0, data: { name: "小草稿" } });
    expect(await count()).toBe(before + 1);
    expect((await send(unit, "PUT", `/api/v1/project-drafts/${id}`, { data: {} })).json().error.fields[0].path).toBe("step");
    expect((await unit.get("/api/v1/project-drafts/short")).statusCode).toBe(400);
  });

  it("never stores a classified project, not even as a draft (Art. 3)", async () => {
    const refused = await unit.post("/api/v1/project-drafts", { data: { name: "某涉密工程", classified: true } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("CLASSIFIED_PROJECT_REFUSED");
    const { id } = (await unit.post("/api/v1/project-drafts", { data: { name: "普通项目" } })).json();
    const turned = await send(unit, "PUT", `/api/v1/project-drafts/${id}`, { step: 4, data: { name: "普通项目", classified: true } });
    expect(turned.json().error.code).toBe("CLASSIFIED_PROJECT_REFUSED");
    const stored = await t.database.db.selectFrom("project_draft").select("data").execute();
    expect(JSON.stringify(stored)).not.toContain("某涉密工程");
    expect(JSON.stringify(stored)).not.toContain('"classified":true');
  });
});
