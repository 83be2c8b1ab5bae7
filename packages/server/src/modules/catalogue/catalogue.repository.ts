import type { Insertable, Kysely, Transaction } from "kysely";
import { likeLiteral } from "../../db/like.js";
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

export function insertMatterVersion(tx: Q, v: Insertable<DB["matter_version"]>) {
  return tx.insertInto("matter_version").values(v).execute();
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
    .select(["m.code", "m.name", "m.version as matter_version", "o.name as department", "g.id as guide_id", "g.version as guide_version"])
    .execute();
}

export function insertCase(
  tx: Q,
  c: { id: string; project_id: number; matter_code: string; matter_version: number; guide_id: number | null; reasons: unknown; decided_by_region: string | null; notified_at: Date },
) {
  return tx.insertInto("matter_case").values({ ...c, status: "notified", reasons: JSON.stringify(c.reasons) }).execute();
}

// ---- 办事指南版本管理 (service guide versions, guides.service.ts) ----

export type GuideRow = {
  id: number;
  matter_code: string;
  version: number;
  status: DB["service_guide"]["status"];
  content: unknown;
  materials: unknown;
  created_at: Date;
  published_at: Date | null;
};

/** A matter with its owning department (for the department check of guides.service.ts). */
export function matterByCode(db: Q, code: string) {
  return db.selectFrom("matter").select(["code", "name", "department_id"]).where("code", "=", code).executeTakeFirst();
}

/** The department's matters with each of their guide versions' id, version and status. */
export function departmentMattersWithGuides(db: Q, departmentId: number) {
  return db
    .selectFrom("matter as m")
    .leftJoin("service_guide as g", "g.matter_code", "m.code")
    .select(["m.code", "m.name", "m.stage", "g.id as guide_id", "g.version", "g.status"])
    .where("m.department_id", "=", departmentId)
    .orderBy("m.code")
    .orderBy("g.version")
    .execute();
}

export function guidesOfMatter(db: Q, matterCode: string): Promise<GuideRow[]> {
  return db
    .selectFrom("service_guide")
    .select(["id", "matter_code", "version", "status", "content", "materials", "created_at", "published_at"])
    .where("matter_code", "=", matterCode)
    .orderBy("version", "desc")
    .execute();
}

/** A guide version with its matter's department, locked for the change about to be made. */
export function guideForUpdate(tx: Q, id: number) {
  return tx
    .selectFrom("service_guide as g")
    .innerJoin("matter as m", "m.code", "g.matter_code")
    .select(["g.id", "g.matter_code", "g.version", "g.status", "g.content", "g.materials", "m.department_id"])
    .where("g.id", "=", id)
    .forUpdate("g")
    .executeTakeFirst();
}

export function updateGuideDraft(tx: Q, id: number, content: unknown, materials: unknown) {
  return tx
    .updateTable("service_guide")
    .set({ content: JSON.stringify(content), materials: JSON.stringify(materials) })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
}

export function deleteGuideDraft(tx: Q, id: number) {
  return tx.deleteFrom("service_guide").where("id", "=", id).where("status", "=", "draft").executeTakeFirst();
}

export function setGuideStatus(tx: Q, id: number, from: DB["service_guide"]["status"], to: DB["service_guide"]["status"], published?: { by: number; at: Date }) {
  return tx
    .updateTable("service_guide")
    .set({ status: to, ...(published ? { published_by: published.by, published_at: published.at } : {}) })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
}

/** Supersedes the matter's published version (if any) and answers its version. */
export function supersedePublished(tx: Q, matterCode: string) {
  return tx
    .updateTable("service_guide")
    .set({ status: "superseded" })
    .where("matter_code", "=", matterCode)
    .where("status", "=", "published")
    .returning("version")
    .executeTakeFirst();
}

/** Locks the matter row so that two new drafts of one matter are opened one after the other. */
export function lockMatter(tx: Q, code: string) {
  return tx.selectFrom("matter").select(["code", "department_id"]).where("code", "=", code).forUpdate().executeTakeFirst();
}

// ---- 办事指南公开 (public service guides, public-guides.routes.ts): only ever the published version ----

export type PublicGuideFilters = { q?: string | undefined; department?: string | undefined; stage?: string | undefined; page: number; pageSize: number };

function publishedGuides(db: Q) {
  return db
    .selectFrom("service_guide as g")
    .innerJoin("matter as m", "m.code", "g.matter_code")
    .innerJoin("organisation as o", "o.id", "m.department_id")
    .where("g.status", "=", "published");
}

/** Matters with a published guide, narrowed by name (contains), department (name contains, or id) and stage. */
export async function listPublishedGuides(db: Q, f: PublicGuideFilters) {
  let q = publishedGuides(db);
  if (f.q) q = q.where("m.name", "like", `%${likeLiteral(f.q)}%`);
  if (f.department) {
    const byName = `%${likeLiteral(f.department)}%`;
    const id = /^\d{1,15}$/.test(f.department) ? Number(f.department) : null;
    q = q.where((eb) => (id === null ? eb("o.name", "like", byName) : eb.or([eb("o.name", "like", byName), eb("o.id", "=", id)])));
  }
  if (f.stage) q = q.where("m.stage", "=", f.stage);
  const [items, total] = await Promise.all([
    q
      .select([
        "m.code", "m.name", "o.id as department_id", "o.name as department", "m.kind", "m.stage", "g.version", "g.published_at",
        "m.statutory_working_days", "m.statutory_calendar_days", "m.promised_working_days",
      ])
      .orderBy("m.code")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** A matter's published guide in full, with the matter's facts; undefined when it has none. */
export function publishedGuideOfMatter(db: Q, matterCode: string) {
  return publishedGuides(db)
    .select([
      "m.code", "m.name", "o.id as department_id", "o.name as department", "m.kind", "m.stage",
      "m.statutory_working_days", "m.statutory_calendar_days", "m.statutory_source", "m.extendable_working_days", "m.extension_source",
      "m.promised_working_days", "m.promised_source", "m.pause_reason_classes", "g.version", "g.published_at", "g.content", "g.materials",
    ])
    .where("m.code", "=", matterCode)
    .executeTakeFirst();
}
