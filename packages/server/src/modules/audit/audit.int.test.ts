import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.js";
import { createTestDatabase, superuserQuery, testDatabaseKind } from "../../../test/test-database.js";
import { systemActor } from "./audit.catalogue.js";
import { countUnsealedEvents, recordAudit, sealPending, verifyChain } from "./audit.service.js";

const event = (n: number) =>
  ({ type: "demo.seeded", actor: systemActor("test"), regionCode: "330000", payload: { organisations: n, users: n } }) as const;

/**
 * Seals until nothing is left. The horizon is cluster-wide on PostgreSQL: a transaction of another test file
 * running at the same moment holds it back for a while (as any long transaction does in production).
 */
async function sealAll(database: Database): Promise<number> {
  let sealed = 0;
  for (let i = 0; i < 200; i++) {
    sealed += await sealPending(database.db);
    if ((await countUnsealedEvents(database.db)) === 0) return sealed;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("audit events stayed unsealed for 10 s");
}

async function writeEvents(database: Database, count: number) {
  for (let i = 0; i < count; i++) await database.db.transaction().execute((tx) => recordAudit(tx, event(i)));
}

describe("audit trail: one transaction, sealed chain, verification", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("stores the event with the business change, or neither", async () => {
    const before = await database.db.selectFrom("audit_event").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    await expect(
      database.db.transaction().execute(async (tx) => {
        await recordAudit(tx, event(1));
        await tx.insertInto("central_department").values({ code: "98", name: "测试部门" }).execute();
        throw new Error("the use case fails after writing");
      }),
    ).rejects.toThrow(/use case fails/);
    const after = await database.db.selectFrom("audit_event").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await database.db.selectFrom("central_department").selectAll().where("code", "=", "98").executeTakeFirst()).toBeUndefined();
  });

  it("refuses a payload that does not match the catalogue", async () => {
    await expect(
      database.db.transaction().execute((tx) =>
        recordAudit(tx, { type: "user.unlocked", actor: systemActor(), payload: { userId: "seven" } } as never),
      ),
    ).rejects.toThrow();
  });

  it("seals every committed event exactly once, in order, and verifies", async () => {
    await writeEvents(database, 30);
    // Writers in parallel with sealers: nothing may be skipped or sealed twice.
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => database.db.transaction().execute((tx) => recordAudit(tx, event(100 + i)))),
      sealPending(database.db),
      sealPending(database.db),
    ]);
    await sealAll(database);
    const events = await database.db.selectFrom("audit_event").select("seq").execute();
    const chain = await database.db.selectFrom("audit_chain").select(["position", "event_seq"]).orderBy("position").execute();
    expect(chain.map((c) => c.event_seq).sort((a, b) => a - b)).toEqual(events.map((e) => e.seq).sort((a, b) => a - b));
    expect(chain.map((c) => c.position)).toEqual(chain.map((_, i) => i + 1));
    const result = await verifyChain(database.db);
    expect(result).toMatchObject({ ok: true, checkedEvents: events.length, unsealed: 0 });
  });

  it("refuses UPDATE and DELETE on the trail for the application itself", async () => {
    await expect(sql`update audit_event set actor_label = 'x'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_chain`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});

describe("audit chain tampering by a database superuser", () => {
  async function sealedDatabase() {
    const database = await createTestDatabase();
    await writeEvents(database, 12);
    await sealAll(database);
    const seqs = (await database.db.selectFrom("audit_event").select("seq").orderBy("seq").execute()).map((r) => r.seq);
    return { database, seqs };
  }

  it("names an altered event", async () => {
    const { database, seqs } = await sealedDatabase();
    try {
      const target = seqs[5]!;
      await superuserQuery(database, `set local session_replication_role = replica; update audit_event set payload = '{"organisations": 999, "users": 5}' where seq = ${target}`);
      const r = await verifyChain(database.db);
      expect(r.ok).toBe(false);
      expect(r.problem).toMatchObject({ seq: target, kind: "altered" });
      expect(r.checkedEvents).toBe(seqs.indexOf(target));
    } finally {
      await database.close();
    }
  });

  it("names a removed event", async () => {
    const { database, seqs } = await sealedDatabase();
    try {
      const target = seqs[3]!;
      await superuserQuery(database, `set local session_replication_role = replica; delete from audit_event where seq = ${target}`);
      expect((await verifyChain(database.db)).problem).toMatchObject({ seq: target, kind: "removed" });
    } finally {
      await database.close();
    }
  });

  it("names an event inserted behind the sealer's back", async () => {
    const { database } = await sealedDatabase();
    try {
      // A row forged with an old transaction id, below the sealed horizon: it can never be chained.
      const rows = await superuserQuery<{ seq: number }>(
        database,
        `insert into audit_event (tx_id, occurred_at, type, actor_label, payload) values ('3'::xid8, now(), 'demo.seeded', 'forger', '{"organisations":1,"users":1}') returning seq`,
      );
      const r = await verifyChain(database.db);
      expect(r.problem).toMatchObject({ seq: rows[0]!.seq, kind: "inserted" });
    } finally {
      await database.close();
    }
  });

  it("never seals an event whose transaction is still open (PostgreSQL: real concurrent transactions)", async () => {
    // On PGlite there is one connection, so two transactions cannot overlap; the horizon rule is exercised
    // for real on PostgreSQL 15, where a later transaction can commit before an earlier one.
    const database = await createTestDatabase();
    try {
      await sealAll(database); // drain what the template holds
      if (testDatabaseKind() !== "postgres") {
        await writeEvents(database, 3);
        expect(await sealAll(database)).toBe(3);
        return;
      }
      let releaseA!: () => void;
      const aWrote = new Promise<void>((resolve) => {
        releaseA = resolve;
      });
      let finishA!: () => void;
      const aMayCommit = new Promise<void>((resolve) => {
        finishA = resolve;
      });
      const a = database.db.transaction().execute(async (tx) => {
        await recordAudit(tx, event(1)); // lower seq, earlier transaction id
        releaseA();
        await aMayCommit;
      });
      await aWrote;
      await database.db.transaction().execute((tx) => recordAudit(tx, event(2))); // commits first
      expect(await sealPending(database.db)).toBe(0); // B must wait for A, or A would be skipped
      finishA();
      await a;
      expect(await sealAll(database)).toBe(2);
      const order = await database.db.selectFrom("audit_chain as c").innerJoin("audit_event as e", "e.seq", "c.event_seq")
        .select("e.payload").orderBy("c.position", "desc").limit(2).execute();
      // A's event (organisations: 1) began first and is chained first, although B committed first.
      expect(order.map((r) => (r.payload as { organisations: number }).organisations)).toEqual([2, 1]);
      expect((await verifyChain(database.db)).ok).toBe(true);
    } finally {
      await database.close();
    }
  });
});
