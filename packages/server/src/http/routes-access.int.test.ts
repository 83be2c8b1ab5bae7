import { PERMISSIONS } from "@tzxm/shared";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/app-harness.js";
import { buildApp } from "./app.js";

/** Sample values for path parameters, so that every route can be called. */
function concrete(url: string): string {
  return url.replace(/:date/g, "2026-03-02").replace(/:code/g, "330000").replace(/:[a-zA-Z]+/g, "1").replace("/*", "/index.html");
}

describe("every route declares who may call it", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("has a route table that covers the API", () => {
    const urls = t.app.routeTable.map((r) => r.url);
    expect(urls).toContain("/api/health");
    expect(urls).toContain("/api/v1/auth/login");
    expect(urls).toContain("/api/v1/users");
    expect(t.app.routeTable.length).toBeGreaterThan(20);
  });

  it("declares either public or a known permission on every route", () => {
    for (const r of t.app.routeTable) {
      expect([...PERMISSIONS, "public"], `${r.method} ${r.url}`).toContain(r.access);
    }
  });

  it("answers 401 NOT_AUTHENTICATED to an anonymous caller on every non-public route", async () => {
    const guarded = t.app.routeTable.filter((r) => r.access !== "public" && r.method !== "HEAD");
    expect(guarded.length).toBeGreaterThan(8);
    for (const r of guarded) {
      const res = await t.app.inject({ method: r.method as "GET", url: concrete(r.url), payload: r.method === "GET" ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code, `${r.method} ${r.url}`).toBe("NOT_AUTHENTICATED");
    }
  });

  it("answers 409 CONCURRENT_DUPLICATE, not 500, when a unique constraint decides a race", async () => {
    const app = await buildApp(t.app.deps, {
      logger: false,
      plugins: [
        async (a) => {
          a.post("/api/v1/test-race", { config: { access: "public" } }, async () => {
            await t.app.deps.database.db.transaction().execute(async (tx) => {
              await sql`create temporary table race_probe (k int primary key) on commit drop`.execute(tx);
              await sql`insert into race_probe values (1), (1)`.execute(tx);
            });
          });
        },
      ],
    });
    try {
      const res = await app.inject({ method: "POST", url: "/api/v1/test-race" });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: "CONCURRENT_DUPLICATE", message: expect.stringContaining("重复提交") });
    } finally {
      await app.close();
    }
  });

  it("refuses to build an app with a route that declares no access", async () => {
    const deps = t.app.deps;
    await expect(
      buildApp(deps, {
        logger: false,
        plugins: [
          async (app) => {
            app.get("/api/v1/unguarded", async () => ({ ok: true }));
          },
        ],
      }),
    ).rejects.toThrow(/GET \/api\/v1\/unguarded declares no access/);
  });
});
