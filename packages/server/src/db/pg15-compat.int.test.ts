import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind } from "../../test/test-database.js";
import type { Database } from "./database.js";

/**
 * Why the suite runs twice. PGlite is PostgreSQL 18 compiled to WebAssembly, while production may run
 * PostgreSQL 15: SQL from 16-18 passes on PGlite and fails in production. These tests pin that difference, so
 * that the TEST_DB=postgres run is known to catch it (they fail if that run ever stops reaching a real 15).
 */
let database: Database;
const kind = testDatabaseKind();

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe(`SQL newer than PostgreSQL 15 (${kind})`, () => {
  it("runs on the server version this run is meant to test", async () => {
    const result = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(database.db);
    const major = Math.floor(Number(result.rows[0]?.v) / 10_000);
    expect(major).toBe(kind === "postgres" ? 15 : 18);
  });

  it("uuidv7() (PostgreSQL 18) works on PGlite and is refused by PostgreSQL 15", async () => {
    const query = sql<{ id: string }>`select uuidv7()::text as id`.execute(database.db);
    if (kind === "postgres") {
      await expect(query).rejects.toThrow(/function uuidv7\(\) does not exist/);
    } else {
      expect((await query).rows[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    }
  });

  it("JSON_TABLE (PostgreSQL 17) works on PGlite and is refused by PostgreSQL 15", async () => {
    const query = sql<{ a: number }>`
      select a from json_table('[{"a": 1}, {"a": 2}]'::jsonb, '$[*]' columns (a int path '$.a'))`.execute(database.db);
    if (kind === "postgres") {
      await expect(query).rejects.toThrow(/syntax error/);
    } else {
      expect((await query).rows).toEqual([{ a: 1 }, { a: 2 }]);
    }
  });
});
