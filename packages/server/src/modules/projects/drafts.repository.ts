import { type Kysely, type Transaction, sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

/**
 * 项目申报草稿: the only SQL on `project_draft`. Reads go through `inScope` (a project unit's scope is its own
 * organisation), so another unit's draft simply does not exist for the caller.
 */
const columns = ["d.id", "d.organisation_id", "d.step", "d.data", "d.created_at", "d.updated_at"] as const;

function scoped(db: Q, scope: DataScope) {
  const q = db.selectFrom("project_draft as d").innerJoin("organisation as o", "o.id", "d.organisation_id");
  return inScope(q, scope, { region: "o.region_code", organisation: "d.organisation_id" });
}

export function findDraftInScope(db: Q, scope: DataScope, id: string) {
  return scoped(db, scope).select(columns).where("d.id", "=", id).executeTakeFirst();
}

export type DraftRow = NonNullable<Awaited<ReturnType<typeof findDraftInScope>>>;

/** The drafts in scope, most recently saved first, with the project name typed so far (if any). */
export async function listDraftsInScope(db: Q, scope: DataScope, page: { page: number; pageSize: number }) {
  const items = await scoped(db, scope)
    .leftJoin("app_user as u", "u.id", "d.updated_by")
    .select([
      "d.id",
      "d.step",
      "d.created_at",
      "d.updated_at",
      "u.display_name as updated_by_name",
      sql<string | null>`left(nullif(btrim(d.data->>'name'), ''), 100)`.as("name"),
    ])
    .orderBy("d.updated_at", "desc")
    .orderBy("d.id")
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const { n } = await scoped(db, scope)
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirstOrThrow();
  return { items, total: Number(n) };
}

export function insertDraft(
  tx: Q,
  d: { id: string; organisation_id: number; user_id: number; step: number; data: unknown; at: Date },
) {
  return tx
    .insertInto("project_draft")
    .values({
      id: d.id,
      organisation_id: d.organisation_id,
      created_by: d.user_id,
      updated_by: d.user_id,
      step: d.step,
      data: JSON.stringify(d.data),
      created_at: d.at,
      updated_at: d.at,
    })
    .execute();
}

/** Overwrites the draft of that organisation; answers whether a row was changed. */
export async function updateDraft(tx: Q, d: { id: string; organisation_id: number; user_id: number; step: number; data: unknown; at: Date }) {
  const result = await tx
    .updateTable("project_draft")
    .set({ step: d.step, data: JSON.stringify(d.data), updated_by: d.user_id, updated_at: d.at })
    .where("id", "=", d.id)
    .where("organisation_id", "=", d.organisation_id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteDraft(tx: Q, id: string, organisationId: number) {
  const result = await tx.deleteFrom("project_draft").where("id", "=", id).where("organisation_id", "=", organisationId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
