import { type Kysely, type Transaction, sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import type { Insertable, Updateable } from "kysely";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

type NewProject = Insertable<DB["project"]>;

/**
 * Inserts the project under `code` unless that code exists: the unique constraint decides under any
 * concurrency, and ON CONFLICT keeps the transaction usable so that the caller can draw another code.
 */
export async function insertProjectIfCodeFree(tx: Q, p: NewProject): Promise<number | undefined> {
  const row = await tx
    .insertInto("project")
    .values(p)
    .onConflict((oc) => oc.column("code").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export function insertVersion(tx: Q, v: { project_id: number; version: number; data: unknown; reason: string; created_at: Date; created_by: number | null }) {
  return tx.insertInto("project_version").values({ ...v, data: JSON.stringify(v.data) }).execute();
}

const projectColumns = [
  "p.id", "p.code", "p.legacy_code", "p.status", "p.name", "p.approval_category", "p.project_type",
  "p.central_department_code", "p.region_code", "p.jurisdiction", "p.unit_organisation_id", "p.predecessor_code",
  "p.successor_code", "p.current_version", "p.declared_at", "p.updated_at", "p.delisted_at", "o.name as unit_name", "o.credit_code as unit_credit_code",
] as const;

/** A project by its code or by the legacy number mapped to it (Art. 12: every lookup accepts either). */
export function findByAnyCode(db: Q, code: string) {
  return db
    .selectFrom("project as p")
    .innerJoin("organisation as o", "o.id", "p.unit_organisation_id")
    .select(projectColumns)
    .where((eb) => eb.or([eb("p.code", "=", code), eb("p.legacy_code", "=", code)]))
    .executeTakeFirst();
}

export type ProjectRecord = NonNullable<Awaited<ReturnType<typeof findByAnyCode>>>;

/** The same lookup restricted to the caller's data scope: a project outside it does not exist for them. */
export function findInScope(db: Q, scope: DataScope, code: string) {
  let q = db.selectFrom("project as p").innerJoin("organisation as o", "o.id", "p.unit_organisation_id");
  q = inScope(q, scope, { region: "p.region_code", organisation: "p.unit_organisation_id" });
  return q
    .select(projectColumns)
    .where((eb) => eb.or([eb("p.code", "=", code), eb("p.legacy_code", "=", code)]))
    .executeTakeFirst();
}

export function latestVersion(db: Q, projectId: number) {
  return db.selectFrom("project_version").selectAll().where("project_id", "=", projectId).orderBy("version", "desc").limit(1).executeTakeFirst();
}

export function legacyCodeTaken(db: Q, legacyCode: string) {
  return db.selectFrom("project").select("code").where("legacy_code", "=", legacyCode).executeTakeFirst();
}

export function codeTableHas(db: Q, table: "project_type" | "central_department", code: string) {
  return db.selectFrom(table).select("code").where("code", "=", code).executeTakeFirst();
}

export function organisationOf(db: Q, id: number) {
  return db.selectFrom("organisation").select(["id", "name", "credit_code", "kind"]).where("id", "=", id).executeTakeFirst();
}

export type VerificationRow = Insertable<DB["code_verification"]>;

export function insertVerification(tx: Q, v: VerificationRow) {
  return tx.insertInto("code_verification").values(v).execute();
}

/** Every audit event recorded under the code, oldest first (traces, Art. 4 and 10). */
export function eventsUnder(db: Q, codes: string[]) {
  return db
    .selectFrom("audit_event")
    .select(["seq", "occurred_at", "type", "actor_label", "payload"])
    .where("subject", "in", codes)
    .orderBy("seq")
    .execute();
}

export function provinceName(db: Q, provinceCode: string) {
  return db.selectFrom("region").select("name").where("code", "=", provinceCode).executeTakeFirst();
}


/** The most specific regional rule containing the region (county, prefecture, province), if any. */
export function majorChangeRuleFor(db: Q, regionCode: string) {
  const candidates = [regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`];
  return db
    .selectFrom("major_change_rule")
    .selectAll()
    .where("region_code", "in", candidates)
    .orderBy(sql`length(rtrim(region_code, '0'))`, "desc")
    .limit(1)
    .executeTakeFirst();
}

export function updateProject(tx: Q, id: number, set: Updateable<DB["project"]>) {
  return tx.updateTable("project").set(set).where("id", "=", id).execute();
}

export function listVersions(db: Q, projectId: number) {
  return db.selectFrom("project_version").selectAll().where("project_id", "=", projectId).orderBy("version").execute();
}
