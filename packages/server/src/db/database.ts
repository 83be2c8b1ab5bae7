import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { acquireDataDirLock } from "./data-dir-lock.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { DB } from "./schema.js";

export type DatabaseKind = "pglite" | "postgres";

/** The one state store, embedded or real, behind one Kysely interface. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DB>;
  /** Runs a multi-statement SQL script (migrations) under the same connection discipline as queries. */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: a tarball of the data directory (test templates, backups). */
  dumpDataDir?(): Promise<Blob>;
}

// Type parsers shared by both drivers, so that PGlite and PostgreSQL answer with the same JS types:
// int8 as number (ids and counts stay far below 2^53), numeric as string (money is exact decimal),
// date as 'YYYY-MM-DD' (a calendar date has no time zone), timestamptz as Date.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const parseInt8 = (v: string) => Number.parseInt(v, 10);
const identity = (v: string) => v;

pg.types.setTypeParser(INT8, parseInt8);
pg.types.setTypeParser(DATE, identity);
pg.types.setTypeParser(NUMERIC, identity);

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** For tests: an in-memory PGlite loaded from a template tarball. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Business dates are China Standard Time; make the server's date functions agree.
  pool.on("connect", (client) => {
    client.query("set time zone 'Asia/Shanghai'").catch(() => {});
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: "postgres",
    db,
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPGlite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  const lock = dataDir ? acquireDataDirLock(dataDir) : undefined;
  try {
    const pglite = await PGlite.create({
      ...(dataDir ? { dataDir: `${dataDir.replace(/\/$/, "")}/pgdata` } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      parsers: { [INT8]: parseInt8, [DATE]: identity, [NUMERIC]: identity },
    });
    await pglite.exec("set time zone 'Asia/Shanghai'");
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      kind: "pglite",
      db,
      async execScript(script) {
        // Through Kysely's single connection, so a script never interleaves with a transaction.
        await db.connection().execute(async () => {
          await pglite.exec(script);
        });
      },
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
      async dumpDataDir() {
        return pglite.dumpDataDir("none");
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

export async function checkDatabase(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
