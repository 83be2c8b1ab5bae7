import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import { likeLiteral } from "../../db/like.js";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;
export type IntermediaryRow = Selectable<DB["intermediary_org"]> & { region_name: string | null };
export type IntermediaryFields = Pick<
  Selectable<DB["intermediary_org"]>,
  "name" | "credit_code" | "region_code" | "organisation_id" | "contact_name" | "contact_phone" | "address"
> & { qualifications: unknown; services: unknown };

const json = (f: IntermediaryFields) => ({ ...f, qualifications: JSON.stringify(f.qualifications), services: JSON.stringify(f.services) });

export async function insertIntermediary(tx: Q, f: IntermediaryFields, by: number | null, at: Date): Promise<number> {
  const row = await tx
    .insertInto("intermediary_org")
    .values({ ...json(f), status: "active", suspended_reason: null, created_by: by, created_at: at, updated_by: by, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

function withRegion(db: Q) {
  return db.selectFrom("intermediary_org as i").leftJoin("region as r", "r.code", "i.region_code").selectAll("i").select("r.name as region_name");
}

export function intermediaryById(db: Q, id: number): Promise<IntermediaryRow | undefined> {
  return withRegion(db).where("i.id", "=", id).executeTakeFirst();
}

export function intermediaryForUpdate(tx: Q, id: number) {
  return tx.selectFrom("intermediary_org").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export function intermediaryByCreditCode(db: Q, creditCode: string) {
  return db.selectFrom("intermediary_org").select(["id"]).where("credit_code", "=", creditCode).executeTakeFirst();
}

export function intermediaryByOrganisation(db: Q, organisationId: number) {
  return db.selectFrom("intermediary_org").select(["id"]).where("organisation_id", "=", organisationId).executeTakeFirst();
}

export function organisationKind(db: Q, id: number) {
  return db.selectFrom("organisation").select(["id", "kind", "name"]).where("id", "=", id).executeTakeFirst();
}

export async function updateIntermediary(tx: Q, id: number, f: IntermediaryFields, by: number, at: Date): Promise<void> {
  await tx.updateTable("intermediary_org").set({ ...json(f), updated_by: by, updated_at: at }).where("id", "=", id).execute();
}

export async function setIntermediaryStatus(tx: Q, id: number, status: "active" | "suspended", reason: string | null, by: number, at: Date) {
  await tx.updateTable("intermediary_org").set({ status, suspended_reason: reason, updated_by: by, updated_at: at }).where("id", "=", id).execute();
}

export interface IntermediaryFilter {
  q?: string | undefined;
  service?: string | undefined;
  /** A region and everything inside it (the prefix of its code). */
  regionPrefix?: string | undefined;
  status?: "active" | "suspended" | undefined;
  page: number;
  pageSize: number;
}

/** A page of the directory; `scope` limits it to a back-office user's data scope, none for the public. */
export async function listIntermediaries(db: Q, f: IntermediaryFilter, scope?: DataScope) {
  let q = withRegion(db);
  if (scope) q = inScope(q, { regionPrefix: scope.regionPrefix }, { region: "i.region_code" });
  if (f.status) q = q.where("i.status", "=", f.status);
  if (f.regionPrefix) q = q.where("i.region_code", "like", `${likeLiteral(f.regionPrefix)}%`);
  if (f.q) {
    const pattern = `%${likeLiteral(f.q)}%`;
    q = q.where((eb) => eb.or([eb("i.name", "like", pattern), eb("i.credit_code", "like", pattern)]));
  }
  if (f.service) {
    const pattern = `%${likeLiteral(f.service)}%`;
    q = q.where(sql<boolean>`exists (select 1 from jsonb_array_elements(i.services) s where s->>'service' like ${pattern})`);
  }
  const items = await q.orderBy("i.name").orderBy("i.id").limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { items, total: Number(count.n) };
}

export async function countIntermediaries(db: Q): Promise<number> {
  return Number((await db.selectFrom("intermediary_org").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
}
