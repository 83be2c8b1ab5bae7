import { type Permission, ROLE_PERMISSIONS } from "@tzxm/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../test/app-harness.js";
import { sampleDeclaration } from "../../test/fixtures.js";
import { DEMO_USERS } from "../demo/demo-data.js";

/**
 * "Never a 500 for input": every route, called by someone allowed to call it, with path parameters, query strings
 * and bodies that no form would send (wrong types, bad percent-encoding, huge numbers, broken JSON, deep nesting).
 * Each must be answered with a 4xx (or a 2xx where the garbage happens to be harmless), never 5xx.
 */
const PARAMS = ["abc", "0", "-1", "9".repeat(40), "%E4%B8", "a".repeat(300), "1.5", "%00"];
const BODIES: (string | undefined)[] = [
  undefined,
  "{}",
  "[]",
  '"text"',
  "null",
  "{",
  '{"a":{"b":{"c":[1,2,{"d":null}]}}}',
  '{"id":1e999,"page":-1,"pageSize":"x","code":"\\u0000","name":"","reason":123,"items":{},"on":"2026-02-30","at":"yesterday","totalInvestment":"-1e309","sites":"x"}',
];
const QUERIES = [
  "?page=-1&pageSize=abc&q=%ZZ&from=2026-13-45&to=x&code=%00&status=nope&kind=nope&month=2026-99&active=maybe",
  // Well-formed but odd: impossible dates, a page far past the end, SQL in the search text, a reversed range.
  `?page=99999999&pageSize=100&q=${encodeURIComponent("' OR 1=1 --%_\\")}&from=2026-02-30&to=2025-01-01&month=2026-02&code=2026-330000-99-01-000000X&region=999999&departmentId=99999999999`,
];
/** Routes that end the caller's own session or that the test could not call again afterwards. */
const SKIP = [/\/auth\/(logout|login)$/, /\/account\/password$/, /\/\*$/];

function withParams(url: string, value: string): string {
  return url.replace(/:[a-zA-Z]+/g, value);
}

describe("no route answers 5xx to bad input", () => {
  let t: TestApp;
  const clients = new Map<Permission, Client>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of DEMO_USERS) {
      const client = await signIn(t.app, user.username);
      for (const p of ROLE_PERMISSIONS[user.role]) if (!clients.has(p)) clients.set(p, client);
    }
  });
  afterAll(() => t?.close());

  function call(client: Client | null, method: string, url: string, body?: string) {
    const headers: Record<string, string> = client ? { cookie: client.cookie, "x-csrf-token": client.csrfToken } : {};
    if (body !== undefined) headers["content-type"] = "application/json";
    return t.app.inject({ method: method as "GET", url, headers, ...(body === undefined ? {} : { payload: body }) });
  }

  it("covers every route with a caller allowed to call it", () => {
    const routes = t.app.routeTable.filter((r) => r.method !== "HEAD" && !SKIP.some((s) => s.test(r.url)));
    expect(routes.length).toBeGreaterThan(100);
    const uncallable = routes.filter((r) => r.access !== "public" && !clients.has(r.access as Permission));
    expect(uncallable.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it("answers bad path parameters, queries and bodies without a 5xx", async () => {
    const routes = t.app.routeTable.filter((r) => r.method !== "HEAD" && !SKIP.some((s) => s.test(r.url)));
    const failures: string[] = [];
    let calls = 0;
    for (const r of routes) {
      const client = r.access === "public" ? null : (clients.get(r.access as Permission) ?? null);
      const writes = r.method !== "GET";
      const attempts: { url: string; body?: string }[] = [];
      for (const value of PARAMS) for (const query of writes ? [""] : QUERIES) attempts.push({ url: withParams(r.url, value) + query, ...(writes ? { body: "{}" } : {}) });
      if (!writes) attempts.push({ url: withParams(r.url, "1") + (QUERIES[1] ?? "") });
      if (writes) for (const body of BODIES) for (const value of ["1", "abc"]) attempts.push({ url: withParams(r.url, value), body });
      for (const a of attempts) {
        const res = await call(client, r.method, a.url, a.body);
        calls += 1;
        if (res.statusCode >= 500) failures.push(`${r.method} ${a.url.slice(0, 120)} body=${(a.body ?? "-").slice(0, 40)} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it("refuses a NUL character inside an otherwise valid declaration, naming the field, and stores nothing", async () => {
    const unit = clients.get("projects:declare");
    if (!unit) throw new Error("no caller may declare");
    const before = await t.database.db.selectFrom("project").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const res = await unit.post("/api/v1/projects", sampleDeclaration({ name: "含空字符\u0000的项目" }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "name", message: "不得包含空字符（\\0）" }] });
    const after = await t.database.db.selectFrom("project").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
