import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { randomToken, sm3Hex } from "../../platform/crypto.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import * as repo from "./api-keys.repository.js";

/**
 * API keys for departments' own business systems (Art. 17: 「与各部门审批系统对接」; spec §6 exchange). A key acts
 * for exactly one department and only within its scopes; only its SM3 digest is stored, and the key itself is
 * shown once. Issued and revoked by the security administrator (三员分立: credentials are security's business).
 */
export const API_KEY_SCOPES = ["cases:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiClient {
  keyId: number;
  name: string;
  organisationId: number;
  organisationName: string;
  regionCode: string;
  scopes: string[];
}

const KEY_RE = /^tzxm_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export async function createApiKey(db: Kysely<DB>, input: { name: string; organisationId: number; scopes: ApiKeyScope[] }, creatorId: number, actor: AuditActor) {
  const org = await db.selectFrom("organisation").select(["id", "kind"]).where("id", "=", input.organisationId).executeTakeFirst();
  if (!org || !["comprehensive", "application"].includes(org.kind)) {
    throw new DomainError("VALIDATION_FAILED", { fields: [{ path: "organisationId", message: "接口密钥只能发给审批部门", messageEn: "API keys are issued to approving departments only" }] });
  }
  const prefix = randomToken(6).replace(/[^A-Za-z0-9]/g, "x").slice(0, 8).padEnd(8, "x");
  const key = `tzxm_${prefix}_${randomToken(32)}`;
  return db.transaction().execute(async (tx) => {
    const { id } = await repo.insertApiKey(tx, { name: input.name, organisation_id: org.id, scopes: input.scopes, key_prefix: prefix, key_sm3: sm3Hex(key), created_by: creatorId, created_at: now() });
    await recordAudit(tx, { type: "api_key.created", actor, subject: input.name, payload: { keyId: id, name: input.name, organisationId: org.id, scopes: input.scopes } });
    return { id, name: input.name, organisationId: org.id, scopes: input.scopes, key };
  });
}

/** The client a bearer key stands for, or null when it is malformed, unknown or revoked. */
export async function resolveApiKey(db: Kysely<DB>, key: string): Promise<ApiClient | null> {
  if (!KEY_RE.test(key)) return null;
  const row = await repo.activeKeyByDigest(db, sm3Hex(key));
  if (!row) return null;
  await repo.touchKey(db, row.id, now());
  return { keyId: row.id, name: row.name, organisationId: row.organisation_id, organisationName: row.organisation_name, regionCode: row.region_code, scopes: row.scopes };
}

export function listApiKeys(db: Kysely<DB>) {
  return repo.listKeys(db);
}

export async function revokeApiKey(db: Kysely<DB>, id: number, actor: AuditActor) {
  return db.transaction().execute(async (tx) => {
    const key = await repo.keyForUpdate(tx, id);
    if (!key) throw new DomainError("NOT_FOUND");
    if (key.revoked_at) return;
    await repo.revokeKey(tx, id, now());
    await recordAudit(tx, { type: "api_key.revoked", actor, subject: key.name, payload: { keyId: id, name: key.name } });
  });
}
