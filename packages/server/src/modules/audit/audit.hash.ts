import { sm3Hex } from "../../platform/crypto.js";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth: the same event always hashes the same, whatever the driver. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** An `audit_event` row as stored (the repository reads and writes this shape): every field goes into the hash. */
export interface HashableEvent {
  seq: number;
  tx_id: string;
  occurred_at: Date;
  type: string;
  actor_user_id: number | null;
  actor_label: string;
  organisation_id: number | null;
  region_code: string | null;
  subject: string | null;
  payload: unknown;
  request_id: string | null;
  ip: string | null;
}

/** The link of the chain: SM3 over the previous hash and every stored field of the event. */
export function chainHash(prevHash: string, e: HashableEvent): string {
  return sm3Hex(
    `${prevHash}\n${canonicalJson({
      seq: e.seq,
      txId: e.tx_id,
      occurredAt: e.occurred_at,
      type: e.type,
      actorUserId: e.actor_user_id,
      actorLabel: e.actor_label,
      organisationId: e.organisation_id,
      regionCode: e.region_code,
      subject: e.subject,
      payload: e.payload,
      requestId: e.request_id,
      ip: e.ip,
    })}`,
  );
}
