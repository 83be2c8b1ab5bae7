import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

export function openSignOff(db: Q, caseId: string) {
  return db.selectFrom("case_sign_off").select(["id", "mode", "decision", "requested_by"]).where("case_id", "=", caseId).where("status", "=", "open").executeTakeFirst();
}

export function insertSignOff(tx: Q, s: { case_id: string; mode: "all" | "any"; decision: unknown; requested_by: number; requested_at: Date }) {
  return tx.insertInto("case_sign_off").values({ ...s, decision: JSON.stringify(s.decision), status: "open" }).returning("id").executeTakeFirstOrThrow();
}

export function insertSigners(tx: Q, signOffId: number, userIds: number[]) {
  return tx.insertInto("case_sign_off_signer").values(userIds.map((user_id) => ({ sign_off_id: signOffId, user_id }))).execute();
}

export function signersOf(db: Q, signOffId: number) {
  return db
    .selectFrom("case_sign_off_signer as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select(["s.user_id", "u.display_name", "s.decision", "s.comment", "s.decided_at"])
    .where("s.sign_off_id", "=", signOffId)
    .orderBy("s.user_id")
    .execute();
}

export function recordDecision(tx: Q, signOffId: number, userId: number, decision: "approve" | "reject", comment: string | null, at: Date) {
  return tx
    .updateTable("case_sign_off_signer")
    .set({ decision, comment, decided_at: at })
    .where("sign_off_id", "=", signOffId)
    .where("user_id", "=", userId)
    .where("decision", "is", null)
    .executeTakeFirst();
}

export function closeSignOff(tx: Q, id: number, status: "approved" | "rejected", at: Date) {
  return tx.updateTable("case_sign_off").set({ status, closed_at: at }).where("id", "=", id).execute();
}

export function lockSignOffRow(tx: Q, id: number) {
  return tx.selectFrom("case_sign_off").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
}

export function departmentSigners(db: Q, departmentId: number, userIds: number[]) {
  return db
    .selectFrom("app_user")
    .select(["id", "display_name"])
    .where("organisation_id", "=", departmentId)
    .where("role", "in", ["officer", "leader"])
    .where("disabled", "=", false)
    .where("id", "in", userIds)
    .execute();
}

/** Open rounds in which the user has not decided yet. */
export function pendingSignOffsOf(db: Q, userId: number) {
  return db
    .selectFrom("case_sign_off_signer as s")
    .innerJoin("case_sign_off as r", "r.id", "s.sign_off_id")
    .innerJoin("matter_case as c", "c.id", "r.case_id")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .select(["r.case_id", "r.mode", "r.requested_at", "p.code as project_code", "m.name as matter_name"])
    .where("s.user_id", "=", userId)
    .where("s.decision", "is", null)
    .where("r.status", "=", "open")
    .orderBy("r.requested_at")
    .execute();
}
