import { type Kysely, type Transaction, sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import type { HashableEvent } from "./audit.hash.js";

export type Tx = Kysely<DB> | Transaction<DB>;

/** A stored event is exactly what the chain hashes. */
export type AuditEventRow = HashableEvent;

export async function insertEvent(tx: Tx, row: Omit<AuditEventRow, "seq" | "tx_id" | "payload"> & { payload: string }) {
  await tx.insertInto("audit_event").values(row).execute();
}

/** The sealer's claim: one process at a time; the others skip rather than wait. */
export async function claimSealState(tx: Transaction<DB>) {
  return tx.selectFrom("audit_seal_state").selectAll().where("id", "=", 1).forUpdate().skipLocked().executeTakeFirst();
}

/** Every transaction with an id below this horizon has committed or aborted (pg_snapshot_xmin). */
export async function currentHorizon(tx: Tx): Promise<string> {
  const r = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(tx);
  return r.rows[0]!.xmin;
}

export async function eventsBetween(tx: Tx, fromXid: string, toXid: string, limit: number): Promise<AuditEventRow[]> {
  return tx
    .selectFrom("audit_event as e")
    .leftJoin("audit_chain as c", "c.event_seq", "e.seq")
    .select([
      "e.seq", sql<string>`e.tx_id::text`.as("tx_id"), "e.occurred_at", "e.type", "e.actor_user_id", "e.actor_label",
      "e.organisation_id", "e.region_code", "e.subject", "e.payload", "e.request_id", "e.ip",
    ])
    .where(sql<boolean>`e.tx_id >= ${fromXid}::xid8 and e.tx_id < ${toXid}::xid8`)
    .where("c.event_seq", "is", null)
    .orderBy(sql`e.tx_id`)
    .orderBy("e.seq")
    .limit(limit)
    .execute() as Promise<AuditEventRow[]>;
}

export async function appendChain(tx: Tx, rows: { position: number; event_seq: number; prev_hash: string; hash: string; sealed_at: Date }[]) {
  if (rows.length) await tx.insertInto("audit_chain").values(rows).execute();
}

export async function updateSealState(tx: Tx, state: { horizon_xid: string; last_position: number; last_hash: string; updated_at: Date }) {
  await tx
    .updateTable("audit_seal_state")
    .set({ horizon_xid: sql`${state.horizon_xid}::xid8` as unknown as string, last_position: state.last_position, last_hash: state.last_hash, updated_at: state.updated_at })
    .where("id", "=", 1)
    .execute();
}

export async function readSealState(db: Tx) {
  return db
    .selectFrom("audit_seal_state")
    .select([sql<string>`horizon_xid::text`.as("horizon_xid"), "last_position", "last_hash"])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
}

/** The chain joined to its events in chain order (a left join: a removed event shows as a missing row). */
export async function chainPage(db: Tx, afterPosition: number, limit: number) {
  return db
    .selectFrom("audit_chain as c")
    .leftJoin("audit_event as e", "e.seq", "c.event_seq")
    .select([
      "c.position", "c.event_seq", "c.prev_hash", "c.hash",
      "e.seq", sql<string | null>`e.tx_id::text`.as("tx_id"), "e.occurred_at", "e.type", "e.actor_user_id", "e.actor_label",
      "e.organisation_id", "e.region_code", "e.subject", "e.payload", "e.request_id", "e.ip",
    ])
    .where("c.position", ">", afterPosition)
    .orderBy("c.position")
    .limit(limit)
    .execute();
}

/** Events below the sealed horizon that the chain does not hold: inserted behind the sealer's back. */
export async function unchainedBelowHorizon(db: Tx, horizon: string) {
  return db
    .selectFrom("audit_event as e")
    .leftJoin("audit_chain as c", "c.event_seq", "e.seq")
    .select(["e.seq"])
    .where(sql<boolean>`e.tx_id < ${horizon}::xid8`)
    .where("c.event_seq", "is", null)
    .orderBy("e.seq")
    .limit(1)
    .execute();
}

export async function countUnsealed(db: Tx): Promise<number> {
  const r = await db
    .selectFrom("audit_event as e")
    .leftJoin("audit_chain as c", "c.event_seq", "e.seq")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("c.event_seq", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listEvents(
  db: Tx,
  scope: DataScope,
  filter: { type?: string | undefined; subject?: string | undefined; page: number; pageSize: number },
) {
  let q = db.selectFrom("audit_event as e").leftJoin("audit_chain as c", "c.event_seq", "e.seq");
  q = inScope(q, scope, { region: "e.region_code", organisation: "e.organisation_id" });
  if (filter.type) q = q.where("e.type", "=", filter.type);
  if (filter.subject) q = q.where("e.subject", "=", filter.subject);
  const [items, total] = await Promise.all([
    q
      .select(["e.seq", "e.occurred_at", "e.type", "e.actor_label", "e.subject", "e.payload", "e.request_id", "c.position"])
      .orderBy("e.seq", "desc")
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
