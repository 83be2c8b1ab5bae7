import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

/** SQL of the catalogue administration (matters-admin, rules, reevaluation services). */
type Q = Kysely<DB> | Transaction<DB>;

/** The master-data columns a matter_version keeps (and a matter holds as its current version). */
export const MASTER_COLUMNS = [
  "name", "department_id", "kind", "stage", "statutory_working_days", "statutory_calendar_days", "statutory_source",
  "extendable_working_days", "extension_source", "promised_working_days", "promised_source", "pause_reason_classes",
  "sign_off_mode",
] as const;
export type MasterColumn = (typeof MASTER_COLUMNS)[number];
export type MasterData = Pick<Selectable<DB["matter"]>, MasterColumn>;

export function allMatters(db: Q) {
  return db
    .selectFrom("matter as m")
    .innerJoin("organisation as o", "o.id", "m.department_id")
    .leftJoin("service_guide as g", (join) => join.onRef("g.matter_code", "=", "m.code").on("g.status", "=", "published"))
    .select([
      "m.code", "m.version", "m.updated_at", "o.name as department", "o.region_code as department_region", "g.version as guide_version",
      ...MASTER_COLUMNS.map((c) => `m.${c}` as const),
    ])
    .select((eb) =>
      eb
        .selectFrom("applicability_rule as r")
        .whereRef("r.matter_code", "=", "m.code")
        .where("r.active", "=", true)
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("active_rules"),
    )
    .orderBy("m.code")
    .execute();
}

export function matterForUpdate(tx: Q, code: string) {
  return tx
    .selectFrom("matter as m")
    .innerJoin("organisation as o", "o.id", "m.department_id")
    .select(["m.code", "m.version", "o.region_code as department_region", ...MASTER_COLUMNS.map((c) => `m.${c}` as const)])
    .where("m.code", "=", code)
    .forUpdate("m")
    .executeTakeFirst();
}

export function matterDepartmentRegion(db: Q, code: string) {
  return db
    .selectFrom("matter as m")
    .innerJoin("organisation as o", "o.id", "m.department_id")
    .select(["m.code", "m.name", "o.region_code as department_region"])
    .where("m.code", "=", code)
    .executeTakeFirst();
}

export function matterVersions(db: Q, code: string) {
  return db
    .selectFrom("matter_version as v")
    .innerJoin("organisation as o", "o.id", "v.department_id")
    .leftJoin("app_user as u", "u.id", "v.changed_by")
    .select(["v.version", "v.changed_at", "v.reason", "u.username as changed_by", "o.name as department", ...MASTER_COLUMNS.map((c) => `v.${c}` as const)])
    .where("v.matter_code", "=", code)
    .orderBy("v.version", "desc")
    .execute();
}

export function organisationById(db: Q, id: number) {
  return db.selectFrom("organisation").select(["id", "name", "kind", "region_code"]).where("id", "=", id).executeTakeFirst();
}

/** Departments that may own a matter (comprehensive or approving), within a region prefix. */
export function departments(db: Q, regionPrefix: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "name", "kind", "region_code"])
    .where("kind", "in", ["comprehensive", "application"])
    .where("region_code", "like", `${regionPrefix}%`)
    .orderBy("region_code")
    .orderBy("id")
    .execute();
}

export async function saveMatterVersion(tx: Q, code: string, version: number, data: MasterData, by: number, at: Date, reason: string) {
  await tx.insertInto("matter_version").values({ matter_code: code, version, ...data, changed_by: by, changed_at: at, reason }).execute();
  await tx.updateTable("matter").set({ ...data, version, updated_at: at }).where("code", "=", code).execute();
}

// ---- applicability rules ----

export function listRules(db: Q, f: { matter?: string | undefined; region?: string | undefined; history: boolean }) {
  let q = db
    .selectFrom("applicability_rule as r")
    .innerJoin("matter as m", "m.code", "r.matter_code")
    .leftJoin("region as g", "g.code", "r.region_code")
    .leftJoin("app_user as c", "c.id", "r.created_by")
    .leftJoin("app_user as d", "d.id", "r.deactivated_by")
    .select([
      "r.id", "r.matter_code", "m.name as matter_name", "r.region_code", "g.name as region_name", "r.condition", "r.note", "r.active",
      "r.reason", "r.created_at", "c.username as created_by", "r.deactivated_at", "d.username as deactivated_by", "r.deactivation_reason", "r.replaced_by",
    ]);
  if (f.matter) q = q.where("r.matter_code", "=", f.matter);
  if (f.region) q = q.where("r.region_code", "=", f.region);
  if (!f.history) q = q.where("r.active", "=", true);
  return q.orderBy("r.matter_code").orderBy("r.region_code").orderBy("r.id", "desc").execute();
}

export function activeRuleRows(db: Q) {
  return db.selectFrom("applicability_rule").select(["id", "matter_code", "region_code", "condition", "note"]).where("active", "=", true).orderBy("id").execute();
}

export function activeRuleFor(tx: Q, matterCode: string, regionCode: string) {
  return tx
    .selectFrom("applicability_rule")
    .select(["id", "condition", "note"])
    .where("matter_code", "=", matterCode)
    .where("region_code", "=", regionCode)
    .where("active", "=", true)
    .forUpdate()
    .executeTakeFirst();
}

export function deactivateRule(tx: Q, id: number, by: number, at: Date, reason: string) {
  return tx.updateTable("applicability_rule").set({ active: false, deactivated_at: at, deactivated_by: by, deactivation_reason: reason }).where("id", "=", id).where("active", "=", true).executeTakeFirst();
}

export function setReplacedBy(tx: Q, id: number, replacedBy: number) {
  return tx.updateTable("applicability_rule").set({ replaced_by: replacedBy }).where("id", "=", id).execute();
}

export async function insertRule(tx: Q, r: { matter_code: string; region_code: string; condition: unknown; note: unknown; reason: string; created_by: number; created_at: Date }) {
  const row = await tx
    .insertInto("applicability_rule")
    .values({ ...r, condition: JSON.stringify(r.condition), note: r.note === undefined || r.note === null ? null : JSON.stringify(r.note) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export function regionName(db: Q, code: string) {
  return db.selectFrom("region").select("name").where("code", "=", code).executeTakeFirst();
}

// ---- re-evaluation ----

export function lockProject(tx: Q, id: number) {
  return tx.selectFrom("project").select(["id", "status"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The project's cases that are not withdrawn, with the versions they were told and the current ones. */
export function openCases(db: Q, projectId: number) {
  return db
    .selectFrom("matter_case as c")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .leftJoin("service_guide as g", "g.id", "c.guide_id")
    .leftJoin("service_guide as pg", (join) => join.onRef("pg.matter_code", "=", "c.matter_code").on("pg.status", "=", "published"))
    .select([
      "c.id", "c.matter_code", "m.name as matter_name", "c.status", "c.matter_version", "m.version as current_matter_version",
      "g.version as guide_version", "pg.version as current_guide_version",
    ])
    .where("c.project_id", "=", projectId)
    .where("c.status", "<>", "withdrawn")
    .orderBy("c.matter_code")
    .execute();
}

export function openCaseOf(db: Q, projectId: number, matterCode: string) {
  return db.selectFrom("matter_case").select("id").where("project_id", "=", projectId).where("matter_code", "=", matterCode).where("status", "<>", "withdrawn").executeTakeFirst();
}

export function withdrawNotifiedCase(tx: Q, id: string) {
  return tx.updateTable("matter_case").set({ status: "withdrawn" }).where("id", "=", id).where("status", "=", "notified").executeTakeFirst();
}
