/**
 * Vitest global setup of the `integration` project: builds ONE migrated template database per run, which every
 * test file then clones (test/test-database.ts). Migrating a fresh database costs seconds; a clone costs well
 * under one, so each file gets a database of its own and files can run in parallel.
 *
 * TEST_DB picks the database: `pglite` (default) or `postgres`, the latter on the server at TEST_DATABASE_URL
 * (a superuser connection; scripts/pg15.sh starts a throwaway PostgreSQL 15 and prints it).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { type Database, openDatabase } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { seedDemo } from "../src/demo/seed-demo.js";
import { seedDemoCatalogue } from "../src/modules/catalogue/catalogue.service.js";
import { seedDemoPortalContent } from "../src/modules/portal-content/demo-portal-content.js";
import { seedReferenceData } from "../src/modules/reference/reference.service.js";

export type TestDatabaseContext =
  | { kind: "pglite" /** a tarball of the migrated template's data directory */; templateFile: string }
  | {
      kind: "postgres";
      serverUrl: string;
      templateName: string /** prefix of every database this run creates */;
      runPrefix: string;
    };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

/**
 * Everything every test database starts with. Extend it here (reference data, for example), never per test:
 * it runs once per run, on PGlite and on PostgreSQL alike.
 */
export async function prepareTemplate(database: Database): Promise<void> {
  await migrate(database);
  await seedReferenceData(database.db);
  await seedDemo(database.db, "Demo#2026");
  await seedDemoCatalogue(database.db);
  await seedDemoPortalContent(database.db);
}

export function testDbKind(): "pglite" | "postgres" {
  const value = process.env.TEST_DB ?? "pglite";
  if (value !== "pglite" && value !== "postgres") throw new Error(`TEST_DB must be pglite or postgres, not '${value}'`);
  return value;
}

/** The URL of database `name` on the server of `serverUrl` (same user, host and port). */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on a short-lived superuser connection to the server's maintenance database. */
export async function adminQuery(serverUrl: string, statement: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

const OBJECT_IN_USE = "55006";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `statement` (CREATE or DROP DATABASE) once no session is left on database `name`. Closing a pg pool
 * resolves before the server has ended its sessions, and both statements refuse a database in use (55006);
 * DROP … WITH (FORCE) would kill the sessions instead, and their clients would raise an unhandled error. So
 * wait (briefly) for them to go, and force a drop only as a last resort.
 */
async function whenUnused(serverUrl: string, name: string, statement: string, lastResort?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      const busy = await client.query("select 1 from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [
        name,
      ]);
      if (busy.rowCount === 0) {
        try {
          await client.query(statement);
          return;
        } catch (e) {
          if ((e as { code?: string }).code !== OBJECT_IN_USE) throw e;
        }
      }
      await sleep(50);
    }
    await client.query(lastResort ?? statement);
  } finally {
    await client.end();
  }
}

export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return whenUnused(serverUrl, name, `drop database if exists ${name}`, `drop database if exists ${name} with (force)`);
}

/** A fresh database copied from `template` (which must have no session while it is copied). */
export function cloneDatabase(serverUrl: string, template: string, name: string): Promise<void> {
  return whenUnused(serverUrl, template, `create database ${name} template ${template}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = testDbKind();
  const started = Date.now();

  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "tzxm-template-"));
    const templateFile = join(dir, "template.tar");
    const database = await openDatabase({});
    try {
      await prepareTemplate(database);
      if (!database.dumpDataDir) throw new Error("the embedded database cannot dump its data directory");
      const blob = await database.dumpDataDir();
      writeFileSync(templateFile, Buffer.from(await blob.arrayBuffer()));
    } finally {
      await database.close();
    }
    console.log(`[test database] PGlite template ready in ${Date.now() - started} ms`);
    project.provide("testDatabase", { kind, templateFile });
    return async () => {
      rmSync(dir, { recursive: true, force: true });
    };
  }

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (run: eval "$(bash scripts/pg15.sh start)")');
  }
  // A per-run prefix: several runs may share one server, and teardown removes exactly what this run made.
  const runPrefix = `tzxm_${randomBytes(4).toString("hex")}`;
  const templateName = `${runPrefix}_template`;
  const version = await adminQuery(serverUrl, "show server_version");
  await adminQuery(serverUrl, `create database ${templateName}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, templateName), poolSize: 1 });
  try {
    await prepareTemplate(database);
  } catch (e) {
    await database.close();
    await dropDatabase(serverUrl, templateName);
    throw e;
  }
  // No session may stay on a template: CREATE DATABASE … TEMPLATE refuses to copy a database in use
  // (cloneDatabase waits for the pool's sessions to end).
  await database.close();
  console.log(
    `[test database] PostgreSQL ${version.rows[0]?.server_version} template ${templateName} ready in ${Date.now() - started} ms`,
  );
  project.provide("testDatabase", { kind, serverUrl, templateName, runPrefix });

  return async () => {
    const leftovers = await adminQuery(
      serverUrl,
      `select datname from pg_database where datname like '${runPrefix}\\_%' order by datname = '${templateName}'`,
    );
    for (const row of leftovers.rows as { datname: string }[]) {
      await dropDatabase(serverUrl, row.datname);
    }
  };
}
