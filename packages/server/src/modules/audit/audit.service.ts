import type { Kysely } from "kysely";
import type { DataScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { AUDIT_EVENTS, type AuditEvent } from "./audit.catalogue.js";
import { GENESIS_HASH, chainHash } from "./audit.hash.js";
import * as repo from "./audit.repository.js";
import type { Tx } from "./audit.repository.js";

/**
 * Writes one audit event inside the caller's transaction, so that the business change and its trace commit
 * or vanish together. No lock is taken: events commit in parallel and the sealer chains them afterwards.
 */
export async function recordAudit(tx: Tx, event: AuditEvent): Promise<void> {
  const payload = AUDIT_EVENTS[event.type].parse(event.payload);
  await repo.insertEvent(tx, {
    occurred_at: now(),
    type: event.type,
    actor_user_id: event.actor.userId ?? null,
    actor_label: event.actor.label,
    organisation_id: event.actor.organisationId ?? null,
    region_code: event.regionCode ?? event.actor.regionCode ?? null,
    subject: event.subject ?? null,
    payload: JSON.stringify(payload),
    request_id: event.actor.requestId ?? null,
    ip: event.actor.ip ?? null,
  });
}

const SEAL_BATCH = 1000;

/**
 * Seals committed events into the SM3 hash chain. The horizon is pg_snapshot_xmin: every transaction with a
 * smaller id has finished, so every event it wrote is visible now and none can appear later below it. Events
 * between the previous horizon and this one are chained in (transaction id, sequence) order: batch after
 * batch this follows the order in which they became durable, and no event is ever skipped, however the
 * writers' commits interleave. Only one process seals at a time (FOR UPDATE SKIP LOCKED on the state row);
 * the others return at once. Returns the number of events sealed.
 */
export async function sealPending(db: Kysely<DB>): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction().execute(async (tx) => {
      const state = await repo.claimSealState(tx);
      if (!state) return 0;
      const from = String(state.horizon_xid);
      const horizon = await repo.currentHorizon(tx);
      const events = await repo.eventsBetween(tx, from, horizon, SEAL_BATCH);
      let position = state.last_position;
      let prev = state.last_hash;
      const links = events.map((e) => {
        position += 1;
        const hash = chainHash(prev, e);
        const link = { position, event_seq: e.seq, prev_hash: prev, hash, sealed_at: now() };
        prev = hash;
        return link;
      });
      await repo.appendChain(tx, links);
      // A full batch may stop part-way through the range: keep the old horizon so the next round takes the
      // rest of it (chained events are excluded by the query), and move the horizon only once it is drained.
      const drained = events.length < SEAL_BATCH;
      await repo.updateSealState(tx, { horizon_xid: drained ? horizon : from, last_position: position, last_hash: prev, updated_at: now() });
      return events.length;
    });
    total += sealed;
    if (sealed < SEAL_BATCH) return total;
  }
}

export interface ChainProblem {
  seq: number;
  kind: "altered" | "removed" | "inserted" | "chain_broken";
  message: string;
  messageEn: string;
}

export interface VerifyResult {
  ok: boolean;
  checkedEvents: number;
  sealedThrough: number;
  unsealed: number;
  problem?: ChainProblem;
}

/**
 * Recomputes the chain from the genesis hash and names the first event that was altered, removed or inserted
 * out of order. Reads page by page so that a long trail verifies in bounded memory.
 */
export async function verifyChain(db: Kysely<DB>): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let position = 0;
  let checked = 0;
  for (;;) {
    const page = await repo.chainPage(db, position, 2000);
    for (const link of page) {
      if (link.position !== position + 1 || link.prev_hash !== prev) {
        return fail(checked, position, {
          seq: link.event_seq,
          kind: "chain_broken",
          message: `审计链在第 ${link.position} 位断裂（事件 ${link.event_seq}）`,
          messageEn: `The chain is broken at position ${link.position} (event ${link.event_seq})`,
        });
      }
      if (link.seq === null) {
        return fail(checked, position, {
          seq: link.event_seq,
          kind: "removed",
          message: `审计事件 ${link.event_seq} 已被删除`,
          messageEn: `Audit event ${link.event_seq} was removed`,
        });
      }
      const hash = chainHash(prev, link as unknown as Parameters<typeof chainHash>[1]);
      if (hash !== link.hash) {
        return fail(checked, position, {
          seq: link.event_seq,
          kind: "altered",
          message: `审计事件 ${link.event_seq} 的内容已被篡改`,
          messageEn: `Audit event ${link.event_seq} was altered`,
        });
      }
      prev = link.hash;
      position = link.position;
      checked += 1;
    }
    if (page.length < 2000) break;
  }
  const state = await repo.readSealState(db);
  const stray = await repo.unchainedBelowHorizon(db, state.horizon_xid);
  if (stray[0]) {
    const seq = stray[0].seq;
    return fail(checked, position, {
      seq,
      kind: "inserted",
      message: `审计事件 ${seq} 不在审计链中（被插入或顺序错误）`,
      messageEn: `Audit event ${seq} is not in the chain (inserted out of order)`,
    });
  }
  if (state.last_position !== position || state.last_hash !== prev) {
    return fail(checked, position, {
      seq: 0,
      kind: "chain_broken",
      message: "审计链末端与封存状态不一致（链尾被删除）",
      messageEn: "The end of the chain does not match the sealer's state (links removed)",
    });
  }
  return { ok: true, checkedEvents: checked, sealedThrough: position, unsealed: await repo.countUnsealed(db) };

  async function fail(checkedEvents: number, sealedThrough: number, problem: ChainProblem): Promise<VerifyResult> {
    return { ok: false, checkedEvents, sealedThrough, unsealed: await repo.countUnsealed(db), problem };
  }
}

export function listAuditEvents(db: Kysely<DB>, scope: DataScope, filter: Parameters<typeof repo.listEvents>[2]) {
  return repo.listEvents(db, scope, filter);
}

export const countUnsealedEvents = (db: Kysely<DB>) => repo.countUnsealed(db);

/** The background sealer: runs every `intervalMs` until stopped; safe in every process at once. */
export function startAuditSealer(db: Kysely<DB>, intervalMs: number, onError: (e: unknown) => void): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(() => sealPending(db).catch(onError));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
