import { type Permission, ROLE_PERMISSIONS } from "@tzxm/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../test/app-harness.js";
import { DEMO_USERS } from "../demo/demo-data.js";

/**
 * "Never a 500 for input", past the schemas: every JSON write route gets bodies generated from its own OpenAPI
 * request schema (right types, lengths, ranges and enums, so that most pass validation and reach the use case),
 * on path parameters that name things that exist. Whatever the use case makes of them, the answer is not a 5xx.
 * And whatever went through left its trace: a write that answered 2xx recorded at least one audit event.
 * The generator is seeded: a failure names its seed and is reproduced by FUZZ_SEED.
 */
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
};

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const BODIES_PER_ROUTE = Number(process.env.FUZZ_BODIES ?? 12);

/** mulberry32: small, seeded, good enough to spread values. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = ["", " ", "项目", "浙江省杭州市西湖区文三路90号", "A", "x".repeat(64), "名".repeat(200), "'; drop table project; --", "<script>alert(1)</script>", "😀𠀀", "0", "-1", "2026-03-02", "330106", "ZJ-FGW-001"];

function generate(schema: Schema | undefined, random: () => number, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return pick(schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return generate(pick(union), random, depth + 1);
  if (schema.allOf?.length) return generate(schema.allOf[0], random, depth + 1);
  if (schema.nullable && random() < 0.1) return null;
  const type = Array.isArray(schema.type) ? pick(schema.type) : (schema.type ?? (schema.properties ? "object" : "string"));
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random() < 0.6) out[key] = generate(inner, random, depth + 1);
      }
      return out;
    }
    case "array": {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 3, min + 3);
      return Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => generate(schema.items, random, depth + 1));
    }
    case "integer":
    case "number": {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
      const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e12);
      const edge = pick([low, high, 0, 1, Math.floor(low + random() * (high - low))]);
      const n = Math.min(high, Math.max(low, edge));
      return type === "integer" ? Math.round(n) : n;
    }
    case "boolean":
      return random() < 0.5;
    case "null":
      return null;
    default: {
      if (schema.format === "date") return pick(["2026-03-02", "2026-02-28", "1900-01-01", "2099-12-31", "2026-10-01"]);
      if (schema.format === "date-time") return pick(["2026-03-02T09:00:00+08:00", "1970-01-01T00:00:00Z", "2099-12-31T23:59:59+08:00"]);
      if (schema.format === "email") return pick(["a@b.cn", `${"x".repeat(60)}@example.com`]);
      if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      const text = pick(TEXTS);
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 10_000;
      const padded = text.length < min ? text.padEnd(min, "字") : text;
      return [...padded].slice(0, max).join("");
    }
  }
}

describe("no JSON write route answers 5xx to schema-shaped bodies", () => {
  let t: TestApp;
  const clients = new Map<Permission, Client>();
  const params = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ DEMO_SAMPLE_CASES: "true" });
    for (const user of DEMO_USERS) {
      const client = await signIn(t.app, user.username);
      for (const p of ROLE_PERMISSIONS[user.role]) if (!clients.has(p)) clients.set(p, client);
    }
    // Path parameters that name things that exist, so that bodies reach the use cases.
    const db = t.database.db;
    const project = await db.selectFrom("project").select("code").orderBy("id").executeTakeFirst();
    const theCase = await db.selectFrom("matter_case").select("id").where("status", "=", "accepted").orderBy("id").executeTakeFirst();
    params.set("code", project?.code ?? "1");
    params.set("caseId", theCase?.id ?? "1");
    params.set("matterCode", "ZJ-FGW-001");
    params.set("date", "2026-03-02");
  });
  afterAll(() => t?.close());

  const auditCount = async () => Number((await t.database.db.selectFrom("audit_event").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it("answers every generated body without a 5xx, and audits every write that went through", async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>> };
    const access = new Map(t.app.routeTable.map((r) => [`${r.method} ${r.url}`, r.access]));
    const random = prng(SEED);
    const failures: string[] = [];
    const unaudited = new Set<string>();
    let calls = 0;
    let succeeded = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.["application/json"]?.schema;
        if (!schema || /\/auth\/(logout|login)$|\/account\/password$/.test(path)) continue;
        const url = path.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => encodeURIComponent(params.get(name) ?? "1"));
        const fastifyUrl = path.replace(/\{([a-zA-Z]+)\}/g, ":$1");
        const permission = access.get(`${method.toUpperCase()} ${fastifyUrl}`);
        const client = permission && permission !== "public" ? clients.get(permission as Permission) : undefined;
        for (let i = 0; i < BODIES_PER_ROUTE; i++) {
          const body = generate(schema, random);
          const before = await auditCount();
          const res = await t.app.inject({
            method: method.toUpperCase() as "POST",
            url,
            headers: { "content-type": "application/json", ...(client ? { cookie: client.cookie, "x-csrf-token": client.csrfToken } : {}) },
            payload: JSON.stringify(body),
          });
          calls += 1;
          if (res.statusCode < 300) {
            succeeded += 1;
            if ((await auditCount()) === before) unaudited.add(`${method.toUpperCase()} ${path}`);
          }
          if (res.statusCode >= 500) failures.push(`${method.toUpperCase()} ${url} ${JSON.stringify(body).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(calls, `seed ${SEED}`).toBeGreaterThan(200);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(succeeded, `seed ${SEED}: some generated bodies must get through`).toBeGreaterThan(10);
    expect([...unaudited], `seed ${SEED}`).toEqual([]);
  });

  it("answers every GET with generated query parameters without a 5xx", async () => {
    type Parameter = { in: string; name: string; schema?: Schema };
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
    const access = new Map(t.app.routeTable.map((r) => [`${r.method} ${r.url}`, r.access]));
    const random = prng(SEED + 1);
    const failures: string[] = [];
    let calls = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      const operation = operations.get;
      const query = (operation?.parameters ?? []).filter((p) => p.in === "query");
      if (!operation || query.length === 0) continue;
      const url = path.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => encodeURIComponent(params.get(name) ?? "1"));
      const permission = access.get(`GET ${path.replace(/\{([a-zA-Z]+)\}/g, ":$1")}`);
      const client = permission && permission !== "public" ? clients.get(permission as Permission) : undefined;
      for (let i = 0; i < BODIES_PER_ROUTE; i++) {
        const search = new URLSearchParams();
        for (const p of query) {
          if (random() < 0.3) continue;
          const value = generate(p.schema, random);
          if (value !== null && value !== undefined) search.set(p.name, typeof value === "object" ? JSON.stringify(value) : String(value));
        }
        const res = await t.app.inject({ method: "GET", url: `${url}?${search}`, headers: client ? { cookie: client.cookie } : {} });
        calls += 1;
        if (res.statusCode >= 500) failures.push(`GET ${url}?${search.toString().slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(calls, `seed ${SEED}`).toBeGreaterThan(100);
    expect(failures, `seed ${SEED}`).toEqual([]);
  });
});
