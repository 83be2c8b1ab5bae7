import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { likeLiteral } from "../../db/like.js";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;
export type PolicyRow = Selectable<DB["policy_document"]>;
export type PolicyInsert = Omit<PolicyRow, "id" | "attachments"> & { attachments: unknown };
export type PolicyText = Pick<PolicyRow, "title" | "issuer" | "document_number" | "issued_on" | "category" | "body">;

export async function insertPolicy(tx: Q, p: PolicyInsert): Promise<number> {
  const row = await tx
    .insertInto("policy_document")
    .values({ ...p, attachments: JSON.stringify(p.attachments) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export function policyById(db: Q, id: number): Promise<PolicyRow | undefined> {
  return db.selectFrom("policy_document").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The document locked for the change about to be made. */
export function policyForUpdate(tx: Q, id: number): Promise<PolicyRow | undefined> {
  return tx.selectFrom("policy_document").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function updatePolicyText(tx: Q, id: number, text: PolicyText, at: Date): Promise<void> {
  await tx.updateTable("policy_document").set({ ...text, updated_at: at }).where("id", "=", id).where("status", "=", "draft").execute();
}

export async function setAttachments(tx: Q, id: number, attachments: unknown, at: Date): Promise<void> {
  await tx
    .updateTable("policy_document")
    .set({ attachments: JSON.stringify(attachments), updated_at: at })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .execute();
}

export async function publishPolicy(tx: Q, id: number, by: number, at: Date): Promise<void> {
  await tx
    .updateTable("policy_document")
    .set({ status: "published", published_by: by, published_at: at, updated_at: at })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .execute();
}

export async function withdrawPolicy(tx: Q, id: number, by: number, at: Date, reason: string): Promise<void> {
  await tx
    .updateTable("policy_document")
    .set({ status: "withdrawn", withdrawn_by: by, withdrawn_at: at, withdrawn_reason: reason, updated_at: at })
    .where("id", "=", id)
    .where("status", "=", "published")
    .execute();
}

export interface OwnPolicyFilter {
  status?: PolicyRow["status"] | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** The documents an organisation keeps, the most recently changed first. */
export async function policiesOfOrganisation(db: Q, organisationId: number, f: OwnPolicyFilter) {
  let q = db.selectFrom("policy_document").where("organisation_id", "=", organisationId);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.q) q = q.where("title", "like", `%${likeLiteral(f.q)}%`);
  const items = await q.selectAll().orderBy("updated_at", "desc").orderBy("id", "desc").limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { items, total: Number(count.n) };
}

export interface PublicPolicyFilter {
  q?: string | undefined;
  category?: PolicyRow["category"] | undefined;
  issuer?: string | undefined;
  page: number;
  pageSize: number;
}

/** Published documents only, the newest (by date of issue) first. */
export async function publishedPolicies(db: Q, f: PublicPolicyFilter) {
  let q = db.selectFrom("policy_document").where("status", "=", "published");
  if (f.category) q = q.where("category", "=", f.category);
  if (f.issuer) q = q.where("issuer", "like", `%${likeLiteral(f.issuer)}%`);
  if (f.q) {
    const pattern = `%${likeLiteral(f.q)}%`;
    q = q.where((eb) => eb.or([eb("title", "like", pattern), eb("document_number", "like", pattern), eb("body", "like", pattern)]));
  }
  const items = await q
      .select(["id", "title", "issuer", "document_number", "issued_on", "category", "published_at", sql<number>`jsonb_array_length(attachments)`.as("attachment_count")])
      .orderBy("issued_on", "desc")
      .orderBy("published_at", "desc")
      .orderBy("id", "desc")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { items, total: Number(count.n) };
}

export function publishedPolicy(db: Q, id: number): Promise<PolicyRow | undefined> {
  return db.selectFrom("policy_document").selectAll().where("id", "=", id).where("status", "=", "published").executeTakeFirst();
}

export async function countPolicies(db: Q): Promise<number> {
  return Number((await db.selectFrom("policy_document").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
}
