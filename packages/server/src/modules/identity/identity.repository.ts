import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import type { Role } from "@tzxm/shared";
import { type DataScope, inScope } from "../../db/data-scope.js";
import { likeLiteral } from "../../db/like.js";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

const userColumns = [
  "u.id", "u.username", "u.display_name", "u.role", "u.password_hash", "u.totp_secret", "u.second_factor_exempt",
  "u.failed_attempts", "u.locked_until", "u.disabled", "u.organisation_id",
  "o.name as organisation_name", "o.kind as organisation_kind", "o.region_code",
] as const;

export function findUserByUsername(db: Q, username: string) {
  return db.selectFrom("app_user as u").innerJoin("organisation as o", "o.id", "u.organisation_id").select(userColumns).where("u.username", "=", username).executeTakeFirst();
}

export type UserRecord = NonNullable<Awaited<ReturnType<typeof findUserByUsername>>>;

/** Counts a failure atomically; locks the account when the count reaches the threshold. */
export async function recordFailure(tx: Transaction<DB>, userId: number, threshold: number, lockUntil: Date) {
  return tx
    .updateTable("app_user")
    .set({
      failed_attempts: sql<number>`case when failed_attempts + 1 >= ${threshold} then 0 else failed_attempts + 1 end`,
      locked_until: sql<Date | null>`case when failed_attempts + 1 >= ${threshold} then ${lockUntil}::timestamptz else locked_until end`,
    })
    .where("id", "=", userId)
    .returning(["failed_attempts", "locked_until"])
    .executeTakeFirstOrThrow();
}

export function resetFailures(tx: Q, userId: number) {
  return tx.updateTable("app_user").set({ failed_attempts: 0, locked_until: null }).where("id", "=", userId).execute();
}

export function insertSession(
  tx: Q,
  s: { id: string; user_id: number; csrf_token: string; created_at: Date; last_seen_at: Date; expires_at: Date; ip: string | null; user_agent: string | null },
) {
  return tx.insertInto("user_session").values(s).execute();
}

export function findLiveSession(db: Q, id: string) {
  return db
    .selectFrom("user_session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .innerJoin("organisation as o", "o.id", "u.organisation_id")
    .select([
      "s.id as session_id", "s.csrf_token", "s.created_at", "s.last_seen_at", "s.expires_at",
      ...userColumns,
    ])
    .where("s.id", "=", id)
    .where("s.ended_at", "is", null)
    .executeTakeFirst();
}

export function touchSession(db: Q, id: string, at: Date) {
  return db.updateTable("user_session").set({ last_seen_at: at }).where("id", "=", id).where("ended_at", "is", null).execute();
}

export function endSession(tx: Q, id: string, at: Date, reason: string) {
  return tx.updateTable("user_session").set({ ended_at: at, end_reason: reason }).where("id", "=", id).where("ended_at", "is", null).executeTakeFirst();
}

export function endSessionsOfUser(tx: Q, userId: number, at: Date, reason: string, exceptId?: string) {
  let q = tx.updateTable("user_session").set({ ended_at: at, end_reason: reason }).where("user_id", "=", userId).where("ended_at", "is", null);
  if (exceptId) q = q.where("id", "<>", exceptId);
  return q.execute();
}

export function recentPasswordHashes(db: Q, userId: number, depth: number) {
  return db.selectFrom("password_history").select("password_hash").where("user_id", "=", userId).orderBy("created_at", "desc").orderBy("id", "desc").limit(depth).execute();
}

export async function setPassword(tx: Q, userId: number, hash: string, at: Date) {
  await tx.updateTable("app_user").set({ password_hash: hash, password_changed_at: at }).where("id", "=", userId).execute();
  await tx.insertInto("password_history").values({ user_id: userId, password_hash: hash }).execute();
}

export function setTotpSecret(tx: Q, userId: number, encryptedSecret: string) {
  return tx.updateTable("app_user").set({ totp_secret: encryptedSecret }).where("id", "=", userId).execute();
}

export async function insertUser(
  tx: Q,
  u: { username: string; display_name: string; organisation_id: number; role: Role; password_hash: string; second_factor_exempt?: boolean },
) {
  const row = await tx.insertInto("app_user").values(u).returning("id").executeTakeFirstOrThrow();
  await tx.insertInto("password_history").values({ user_id: row.id, password_hash: u.password_hash }).execute();
  return row.id;
}

export function usernameExists(db: Q, username: string) {
  return db.selectFrom("app_user").select("id").where("username", "=", username).executeTakeFirst();
}

// Data-scoped reads: the scope is applied here, in the query layer, through inScope().

export async function listUsers(db: Q, scope: DataScope, f: { q?: string | undefined; page: number; pageSize: number }) {
  let q = db.selectFrom("app_user as u").innerJoin("organisation as o", "o.id", "u.organisation_id");
  q = inScope(q, scope, { region: "o.region_code", organisation: "o.id" });
  const text = f.q ? `%${likeLiteral(f.q)}%` : undefined;
  if (text) q = q.where((eb) => eb.or([eb("u.username", "ilike", text), eb("u.display_name", "ilike", text)]));
  const [items, total] = await Promise.all([
    q
      .select(["u.id", "u.username", "u.display_name", "u.role", "u.locked_until", "u.disabled", "u.totp_secret", "o.id as organisation_id", "o.name as organisation_name"])
      .orderBy("u.id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findUserInScope(db: Q, scope: DataScope, id: number) {
  let q = db.selectFrom("app_user as u").innerJoin("organisation as o", "o.id", "u.organisation_id");
  q = inScope(q, scope, { region: "o.region_code", organisation: "o.id" });
  return q.select(["u.id", "u.username", "o.region_code"]).where("u.id", "=", id).executeTakeFirst();
}

export async function listOrganisations(db: Q, scope: DataScope, f: { kind?: string | undefined; page: number; pageSize: number }) {
  let q = db.selectFrom("organisation as o").innerJoin("region as r", "r.code", "o.region_code");
  q = inScope(q, scope, { region: "o.region_code", organisation: "o.id" });
  if (f.kind) q = q.where("o.kind", "=", f.kind as DB["organisation"]["kind"]);
  const [items, total] = await Promise.all([
    q
      .select(["o.id", "o.kind", "o.name", "o.region_code", "r.name as region_name", "o.credit_code"])
      .orderBy("o.region_code")
      .orderBy("o.id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findOrganisationInScope(db: Q, scope: DataScope, id: number) {
  let q = db.selectFrom("organisation as o");
  q = inScope(q, scope, { region: "o.region_code", organisation: "o.id" });
  return q.select(["o.id", "o.kind", "o.region_code"]).where("o.id", "=", id).executeTakeFirst();
}

export function insertOrganisation(tx: Q, o: { kind: DB["organisation"]["kind"]; name: string; short_name?: string | null; region_code: string; credit_code?: string | null }) {
  return tx.insertInto("organisation").values(o).returning("id").executeTakeFirstOrThrow();
}

export function regionName(db: Q, code: string) {
  return db.selectFrom("region").select("name").where("code", "=", code).executeTakeFirst();
}

export function countActiveSessions(db: Q, at: Date) {
  return db.selectFrom("user_session").select((eb) => eb.fn.countAll<number>().as("n")).where("ended_at", "is", null).where("expires_at", ">", at).executeTakeFirstOrThrow();
}

export function countUsersByRole(db: Q, scope: DataScope) {
  let q = db.selectFrom("app_user as u").innerJoin("organisation as o", "o.id", "u.organisation_id");
  q = inScope(q, scope, { region: "o.region_code", organisation: "o.id" });
  return q.select(["u.role", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("u.role").execute();
}

export function setPendingTotpSecret(db: Q, sessionId: string, encrypted: string | null) {
  return db.updateTable("user_session").set({ pending_totp_secret: encrypted }).where("id", "=", sessionId).execute();
}

export async function pendingTotpSecret(db: Q, sessionId: string) {
  const r = await db.selectFrom("user_session").select("pending_totp_secret").where("id", "=", sessionId).executeTakeFirst();
  return r?.pending_totp_secret ?? null;
}

/** When the user last signed in before the current session (shown on the workbench, 等保 登录信息提示). */
export async function previousSignIn(db: Q, userId: number, currentSessionId: string) {
  const r = await db
    .selectFrom("user_session")
    .select("created_at")
    .where("user_id", "=", userId)
    .where("id", "<>", currentSessionId)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return r?.created_at ?? null;
}

export function creditCodeExists(db: Q, creditCode: string) {
  return db.selectFrom("organisation").select("id").where("credit_code", "=", creditCode).executeTakeFirst();
}
