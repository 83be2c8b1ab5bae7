import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

export function insertApiKey(tx: Q, k: { name: string; organisation_id: number; scopes: string[]; key_prefix: string; key_sm3: string; created_by: number; created_at: Date }) {
  return tx.insertInto("api_key").values(k).returning("id").executeTakeFirstOrThrow();
}

export function activeKeyByDigest(db: Q, digest: string) {
  return db
    .selectFrom("api_key as k")
    .innerJoin("organisation as o", "o.id", "k.organisation_id")
    .select(["k.id", "k.name", "k.organisation_id", "k.scopes", "o.region_code", "o.name as organisation_name"])
    .where("k.key_sm3", "=", digest)
    .where("k.revoked_at", "is", null)
    .executeTakeFirst();
}

export function touchKey(db: Q, id: number, at: Date) {
  return db.updateTable("api_key").set({ last_used_at: at }).where("id", "=", id).execute();
}

export function listKeys(db: Q) {
  return db
    .selectFrom("api_key as k")
    .innerJoin("organisation as o", "o.id", "k.organisation_id")
    .select(["k.id", "k.name", "k.organisation_id", "o.name as organisation_name", "k.scopes", "k.key_prefix", "k.created_at", "k.revoked_at", "k.last_used_at"])
    .orderBy("k.id", "desc")
    .execute();
}

export function keyForUpdate(tx: Q, id: number) {
  return tx.selectFrom("api_key").select(["id", "name", "revoked_at"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

export function revokeKey(tx: Q, id: number, at: Date) {
  return tx.updateTable("api_key").set({ revoked_at: at }).where("id", "=", id).execute();
}
