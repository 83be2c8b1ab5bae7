import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { sm3Hex } from "../platform/crypto.js";
import type { Database } from "./database.js";

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export interface Migration {
  version: string;
  script: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const script = readFileSync(join(dir, f), "utf8");
      return { version: f.replace(/\.sql$/, ""), script, checksum: sm3Hex(script) };
    });
}

/**
 * Applies forward-only migrations, each in its own transaction together with its bookkeeping row. An advisory
 * lock keeps two app processes starting at once on one PostgreSQL from applying the same file twice. A changed
 * file that was already applied stops start-up: migrations are history, never edited.
 */
export async function migrate(database: Database, log: (msg: string) => void = () => {}): Promise<string[]> {
  await database.execScript(`
    create table if not exists schema_migration (
      version text primary key, checksum text not null, applied_at timestamptz(3) not null default now());`);
  const applied: string[] = [];
  await database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(727201)`.execute(conn);
    try {
      const done = new Map(
        (await conn.selectFrom("schema_migration").select(["version", "checksum"]).execute()).map((r) => [r.version, r.checksum]),
      );
      for (const m of listMigrations()) {
        const previous = done.get(m.version);
        if (previous !== undefined) {
          if (previous !== m.checksum) throw new Error(`Migration ${m.version} was changed after it was applied (checksum differs)`);
          continue;
        }
        log(`applying migration ${m.version}`);
        await conn.transaction().execute(async (tx) => {
          await sql.raw(m.script).execute(tx);
          await tx.insertInto("schema_migration").values({ version: m.version, checksum: m.checksum }).execute();
        });
        applied.push(m.version);
      }
    } finally {
      await sql`select pg_advisory_unlock(727201)`.execute(conn);
    }
  });
  return applied;
}
