/**
 * Databases for integration tests (`*.int.test.ts`). Each call to createTestDatabase() gives a fresh database,
 * already migrated, cloned from the template that test/global-setup.ts built for this run:
 *  - TEST_DB=pglite (default): an in-memory PGlite loaded from the template's data-directory tarball;
 *  - TEST_DB=postgres: `CREATE DATABASE … TEMPLATE …` on the TEST_DATABASE_URL server, dropped again by close().
 * Call it once per file (beforeAll) and close it in afterAll; tests in one file share that database.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { type Database, type DatabaseKind, openDatabase } from "../src/db/database.js";
import { cloneDatabase, databaseUrl, dropDatabase } from "./global-setup.js";

/** Which database this run tests against. */
export function testDatabaseKind(): DatabaseKind {
  return inject("testDatabase").kind;
}

let templateBytes: Uint8Array<ArrayBuffer> | undefined;

/**
 * PGlite only: the migrated template's data directory as a tarball, for `openDatabase({ loadDataDir })`,
 * also together with `dataDir` to start an on-disk database from it.
 */
export function pgliteTemplate(): Blob {
  const context = inject("testDatabase");
  if (context.kind !== "pglite") throw new Error("pgliteTemplate() exists only when TEST_DB=pglite");
  templateBytes ??= new Uint8Array(readFileSync(context.templateFile));
  return new Blob([templateBytes]);
}

/** Where superuserQuery() connects for a PostgreSQL test database (PGlite runs everything as its superuser). */
const superuserUrls = new WeakMap<Database, string>();

export async function createTestDatabase(): Promise<Database> {
  const context = inject("testDatabase");
  if (context.kind === "pglite") {
    return openDatabase({ loadDataDir: pgliteTemplate() });
  }

  const name = `${context.runPrefix}_t${randomBytes(6).toString("hex")}`;
  await cloneDatabase(context.serverUrl, context.templateName, name);
  const url = databaseUrl(context.serverUrl, name);
  let inner: Database;
  try {
    inner = await openDatabase({ databaseUrl: url, poolSize: 5 });
  } catch (e) {
    await dropDatabase(context.serverUrl, name);
    throw e;
  }
  let closed = false;
  const database: Database = {
    kind: inner.kind,
    db: inner.db,
    execScript: (script) => inner.execScript(script),
    async close() {
      if (closed) return;
      closed = true;
      await inner.close();
      await dropDatabase(context.serverUrl, name);
    },
  };
  superuserUrls.set(database, url);
  return database;
}

/**
 * Runs `script` (one or more statements, no parameters) as a database superuser on the same database as
 * `database`, in one implicit transaction, and returns the rows of its last statement. For tests that must get
 * past the database's own protections, e.g. to tamper with the append-only audit trail:
 *
 *   await superuserQuery(database, "set local session_replication_role = replica; update audit_event set …");
 *
 * Use SET LOCAL: on PostgreSQL the script runs on a connection of its own, closed afterwards; on PGlite it
 * shares the single session with the application, so session_replication_role and role are reset afterwards.
 */
export async function superuserQuery<R = Record<string, unknown>>(database: Database, script: string): Promise<R[]> {
  if (database.kind === "pglite") {
    try {
      const result = await sql.raw<R>(script).execute(database.db);
      return result.rows;
    } finally {
      await sql.raw("reset session_replication_role; reset role").execute(database.db);
    }
  }
  const url = superuserUrls.get(database);
  if (!url) throw new Error("superuserQuery() needs a database made by createTestDatabase()");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = (await client.query(script)) as pg.QueryResult | pg.QueryResult[];
    const last = Array.isArray(result) ? result.at(-1) : result;
    return (last?.rows ?? []) as R[];
  } finally {
    await client.end();
  }
}

/** PostgreSQL only: the connection URL of a test database, for a child process (a CLI) to open it. */
export function connectionUrlOf(database: Database): string {
  const url = superuserUrls.get(database);
  if (!url) throw new Error("connectionUrlOf() needs a PostgreSQL database made by createTestDatabase()");
  return url;
}
