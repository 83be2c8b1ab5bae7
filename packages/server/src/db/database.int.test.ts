import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, superuserQuery, testDatabaseKind } from "../../test/test-database.js";
import { checkDatabase, type Database } from "./database.js";
import { listMigrations, migrate } from "./migrate.js";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

async function insertAuditEvent(): Promise<number> {
  const row = await database.db
    .insertInto("audit_event")
    .values({ occurred_at: new Date(), type: "test.event", actor_label: "tester", payload: JSON.stringify({ a: 1 }) })
    .returning("seq")
    .executeTakeFirstOrThrow();
  return row.seq;
}

describe(`database (${testDatabaseKind()})`, () => {
  it("is the database this run asked for, and answers", async () => {
    expect(database.kind).toBe(testDatabaseKind());
    expect(await checkDatabase(database)).toBe(true);
  });

  it("has every migration applied, once, with its checksum", async () => {
    const rows = await database.db
      .selectFrom("schema_migration")
      .select(["version", "checksum"])
      .orderBy("version")
      .execute();
    const files = listMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(rows).toEqual(files.map((m) => ({ version: m.version, checksum: m.checksum })));
  });

  it("has the foundation tables", async () => {
    const result = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'`.execute(database.db);
    const tables = result.rows.map((r) => r.table_name);
    for (const table of [
      "region",
      "industry",
      "central_department",
      "project_type",
      "organisation",
      "app_user",
      "password_history",
      "user_session",
      "audit_event",
      "audit_chain",
      "audit_seal_state",
      "schema_migration",
    ]) {
      expect(tables).toContain(table);
    }
  });

  it("applies nothing when migrate runs again", async () => {
    expect(await migrate(database)).toEqual([]);
  });

  it("refuses to start on a migration that was changed after it was applied", async () => {
    const first = listMigrations()[0];
    if (!first) throw new Error("no migrations");
    await database.db
      .updateTable("schema_migration")
      .set({ checksum: "edited" })
      .where("version", "=", first.version)
      .execute();
    try {
      await expect(migrate(database)).rejects.toThrow(`Migration ${first.version} was changed after it was applied`);
    } finally {
      await database.db
        .updateTable("schema_migration")
        .set({ checksum: first.checksum })
        .where("version", "=", first.version)
        .execute();
    }
    expect(await migrate(database)).toEqual([]);
  });

  it("answers with the same JavaScript types on both databases", async () => {
    const result = await sql<{ i: unknown; n: unknown; d: unknown; t: unknown; tz: unknown }>`
      select 9007199254740991::int8 as i, 12.50::numeric(18, 2) as n, date '2026-02-17' as d,
             timestamptz '2026-02-17 08:00:00+08' as t, current_setting('TimeZone') as tz`.execute(database.db);
    expect(result.rows[0]).toEqual({
      i: 9007199254740991,
      n: "12.50",
      d: "2026-02-17",
      t: new Date("2026-02-17T00:00:00.000Z"),
      tz: "Asia/Shanghai",
    });
  });

  describe("the audit trail is append-only", () => {
    const refused = /append-only/;

    it("refuses UPDATE, DELETE and TRUNCATE of audit_event", async () => {
      const seq = await insertAuditEvent();
      await expect(
        database.db.updateTable("audit_event").set({ type: "forged" }).where("seq", "=", seq).execute(),
      ).rejects.toThrow(refused);
      await expect(database.db.deleteFrom("audit_event").where("seq", "=", seq).execute()).rejects.toThrow(refused);
      await expect(sql`truncate audit_event`.execute(database.db)).rejects.toThrow(refused);
      const kept = await database.db.selectFrom("audit_event").select("type").where("seq", "=", seq).executeTakeFirst();
      expect(kept).toEqual({ type: "test.event" });
    });

    it("refuses UPDATE, DELETE and TRUNCATE of audit_chain", async () => {
      const seq = await insertAuditEvent();
      const position = 1_000_000 + seq;
      await database.db
        .insertInto("audit_chain")
        .values({ position, event_seq: seq, prev_hash: "0".repeat(64), hash: "1".repeat(64), sealed_at: new Date() })
        .execute();
      await expect(
        database.db
          .updateTable("audit_chain")
          .set({ hash: "2".repeat(64) })
          .where("position", "=", position)
          .execute(),
      ).rejects.toThrow(refused);
      await expect(database.db.deleteFrom("audit_chain").where("position", "=", position).execute()).rejects.toThrow(
        refused,
      );
      await expect(sql`truncate audit_chain`.execute(database.db)).rejects.toThrow(refused);
      const kept = await database.db
        .selectFrom("audit_chain")
        .select("hash")
        .where("position", "=", position)
        .executeTakeFirst();
      expect(kept).toEqual({ hash: "1".repeat(64) });
    });

    it("refuses the change inside a transaction too, and the transaction rolls back", async () => {
      const seq = await insertAuditEvent();
      await expect(
        database.db.transaction().execute(async (tx) => {
          await tx.insertInto("central_department").values({ code: "Z9", name: "回滚检验" }).execute();
          await tx.deleteFrom("audit_event").where("seq", "=", seq).execute();
        }),
      ).rejects.toThrow(refused);
      const leaked = await database.db
        .selectFrom("central_department")
        .select("code")
        .where("code", "=", "Z9")
        .execute();
      expect(leaked).toEqual([]);
    });

    it("can be tampered with only by a superuser who switches the triggers off (what the chain must detect)", async () => {
      const seq = await insertAuditEvent();
      const rows = await superuserQuery<{ type: string }>(
        database,
        `set local session_replication_role = replica;
         update audit_event set type = 'forged' where seq = ${seq} returning type`,
      );
      expect(rows).toEqual([{ type: "forged" }]);
      const stored = await database.db
        .selectFrom("audit_event")
        .select("type")
        .where("seq", "=", seq)
        .executeTakeFirst();
      expect(stored).toEqual({ type: "forged" });
      // The switch lasted only for that transaction: the application's own statements are refused again.
      await expect(
        database.db.updateTable("audit_event").set({ type: "again" }).where("seq", "=", seq).execute(),
      ).rejects.toThrow(refused);
    });
  });
});
