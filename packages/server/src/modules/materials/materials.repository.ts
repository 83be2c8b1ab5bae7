import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

/** A matter case with its project's code and owner and the material list of the guide version it was told. */
export function caseWithGuide(db: Q, caseId: string) {
  return db
    .selectFrom("matter_case as c")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .leftJoin("service_guide as g", "g.id", "c.guide_id")
    .select([
      "c.id", "c.project_id", "c.matter_code", "m.name as matter_name", "c.status", "p.code as project_code",
      "p.region_code", "p.unit_organisation_id", "g.version as guide_version", "g.materials",
    ])
    .where("c.id", "=", caseId)
    .executeTakeFirst();
}

/** Locks the case row: uploads of one case are written one after the other, and its status is read fresh. */
export function lockCase(tx: Q, caseId: string) {
  return tx.selectFrom("matter_case").select(["id", "status"]).where("id", "=", caseId).forUpdate().executeTakeFirst();
}

const fileColumns = [
  "f.id", "f.case_id", "f.project_id", "f.material_code", "f.file_name", "f.media_type", "f.size_bytes", "f.sm3",
  "f.storage_key", "f.uploaded_at", "f.status", "u.display_name as uploaded_by_name",
] as const;

/** Every file uploaded for the case, newest first within each material. */
export function filesOfCase(db: Q, caseId: string) {
  return db
    .selectFrom("material_file as f")
    .innerJoin("app_user as u", "u.id", "f.uploaded_by")
    .select(fileColumns)
    .where("f.case_id", "=", caseId)
    .orderBy("f.material_code")
    .orderBy("f.id", "desc")
    .execute();
}

export type MaterialFileRow = Awaited<ReturnType<typeof filesOfCase>>[number];

export function fileById(db: Q, id: number) {
  return db
    .selectFrom("material_file as f")
    .innerJoin("app_user as u", "u.id", "f.uploaded_by")
    .select(fileColumns)
    .where("f.id", "=", id)
    .executeTakeFirst();
}

/** Marks the material's current file replaced (kept for the record) and answers its id, if there was one. */
export function replaceCurrent(tx: Q, caseId: string, materialCode: string) {
  return tx
    .updateTable("material_file")
    .set({ status: "replaced" })
    .where("case_id", "=", caseId)
    .where("material_code", "=", materialCode)
    .where("status", "=", "current")
    .returning("id")
    .executeTakeFirst();
}

export function insertFile(
  tx: Q,
  f: {
    case_id: string; project_id: number; material_code: string; file_name: string; media_type: string; size_bytes: number;
    sm3: string; storage_key: string; uploaded_by: number; uploaded_at: Date;
  },
) {
  return tx.insertInto("material_file").values({ ...f, status: "current" }).returning("id").executeTakeFirstOrThrow();
}
