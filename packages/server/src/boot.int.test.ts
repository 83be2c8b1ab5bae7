import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { adminQuery, databaseUrl } from "../test/global-setup.js";
import { prepareDatabase } from "./boot.js";
import { loadConfig } from "./config/env.js";
import { type Database, openDatabase } from "./db/database.js";
import { DEMO_USERS } from "./demo/demo-data.js";

const KEY = "ab".repeat(32);
const opened: { database: Database; drop?: () => Promise<void> }[] = [];

/** An empty database (no migrations), of the kind this run tests. */
async function emptyDatabase(): Promise<{ database: Database; url?: string }> {
  const context = inject("testDatabase");
  if (context.kind === "pglite") {
    const database = await openDatabase({});
    opened.push({ database });
    return { database };
  }
  const name = `${context.runPrefix}_boot${randomBytes(4).toString("hex")}`;
  await adminQuery(context.serverUrl, `create database ${name}`);
  const url = databaseUrl(context.serverUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  opened.push({ database, drop: () => adminQuery(context.serverUrl, `drop database if exists ${name} with (force)`).then(() => {}) });
  return { database, url };
}

afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.database.close();
    await o.drop?.();
  }
});

const countUsers = async (d: Database) => Number((await d.db.selectFrom("app_user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describe("start-up preparation", () => {
  it("migrates, loads reference data, and loads demo data once on the embedded database", async () => {
    const { database, url } = await emptyDatabase();
    const env = url ? { DATABASE_URL: url, DEMO_MODE: "true", DEMO_DATA_ON_POSTGRES: "true", FIELD_ENCRYPTION_KEY: KEY } : {};
    await prepareDatabase(loadConfig(env), () => {}, { database });
    expect(await countUsers(database)).toBe(DEMO_USERS.length);
    const regions = await database.db.selectFrom("region").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(regions.n)).toBeGreaterThan(3000);
    await prepareDatabase(loadConfig(env), () => {}, { database });
    expect(await countUsers(database)).toBe(DEMO_USERS.length);
  });

  it("never loads demo data into a DATABASE_URL database unless asked to", async () => {
    const { database, url } = await emptyDatabase();
    if (!url) {
      // The embedded database is the demo's home; this rule is about PostgreSQL. Check the config side here.
      expect(loadConfig({ DATABASE_URL: "postgres://h/db", FIELD_ENCRYPTION_KEY: KEY }).DEMO_MODE).toBe(false);
      return;
    }
    await prepareDatabase(loadConfig({ DATABASE_URL: url, FIELD_ENCRYPTION_KEY: KEY }), () => {}, { database });
    expect(await countUsers(database)).toBe(0);
    await prepareDatabase(loadConfig({ DATABASE_URL: url, DEMO_MODE: "true", FIELD_ENCRYPTION_KEY: KEY }), () => {}, { database });
    expect(await countUsers(database)).toBe(0);
  });
});
