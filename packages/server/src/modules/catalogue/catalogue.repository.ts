import type { Insertable, Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

export function countMatters(db: Q) {
  return db.selectFrom("matter").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
}

export function organisationIdByName(db: Q, name: string) {
  return db.selectFrom("organisation").select("id").where("name", "=", name).executeTakeFirst();
}

export function insertMatter(tx: Q, m: Insertable<DB["matter"]>) {
  return tx.insertInto("matter").values(m).execute();
}

export function insertGuide(tx: Q, g: { matter_code: string; version: number; status: DB["service_guide"]["status"]; content: unknown; materials: unknown; created_by: number | null; created_at: Date; published_by: number | null; published_at: Date | null }) {
  return tx
    .insertInto("service_guide")
    .values({ ...g, content: JSON.stringify(g.content), materials: JSON.stringify(g.materials) })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export function insertRule(tx: Q, r: { matter_code: string; region_code: string; condition: unknown; note: unknown; created_by: number | null; created_at: Date }) {
  return tx
    .insertInto("applicability_rule")
    .values({ ...r, condition: JSON.stringify(r.condition), note: r.note === undefined || r.note === null ? null : JSON.stringify(r.note) })
    .execute();
}

export function activeRules(db: Q) {
  return db.selectFrom("applicability_rule").select(["matter_code", "region_code", "condition", "note"]).where("active", "=", true).execute();
}

/** Every matter with its department's name and its published guide (if any). */
export function mattersWithPublishedGuides(db: Q) {
  return db
    .selectFrom("matter as m")
    .innerJoin("organisation as o", "o.id", "m.department_id")
    .leftJoin("service_guide as g", (join) => join.onRef("g.matter_code", "=", "m.code").on("g.status", "=", "published"))
    .select(["m.code", "m.name", "o.name as department", "g.id as guide_id", "g.version as guide_version"])
    .execute();
}

export function insertCase(
  tx: Q,
  c: { id: string; project_id: number; matter_code: string; guide_id: number | null; reasons: unknown; decided_by_region: string | null; notified_at: Date },
) {
  return tx.insertInto("matter_case").values({ ...c, status: "notified", reasons: JSON.stringify(c.reasons) }).execute();
}

/** The matters a project was told, with the guide version it was told (never today's, Art. 14(1)). */
export function casesOfProject(db: Q, projectId: number) {
  return db
    .selectFrom("matter_case as c")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .innerJoin("organisation as o", "o.id", "m.department_id")
    .leftJoin("service_guide as g", "g.id", "c.guide_id")
    .select([
      "c.id", "c.matter_code", "m.name as matter_name", "o.name as department", "m.stage", "c.status", "c.reasons",
      "c.notified_at", "g.version as guide_version", "m.statutory_working_days", "m.promised_working_days",
    ])
    .where("c.project_id", "=", projectId)
    .orderBy("m.stage")
    .orderBy("c.matter_code")
    .execute();
}
