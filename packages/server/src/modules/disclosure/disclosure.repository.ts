import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import { likeLiteral } from "../../db/like.js";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;
export type DisclosureKind = DB["disclosure_item"]["kind"];
export type DisclosureRow = Selectable<DB["disclosure_item"]>;
export type NewDisclosure = Omit<Insertable<DB["disclosure_item"]>, "id" | "published_at" | "withdrawn_at" | "withdrawn_by" | "withdrawn_reason" | "decided_on"> & {
  decided_on: string;
};

/**
 * Publishes one fact unless it was published before: the unique (kind, source, source_id) decides under any
 * concurrency (a second publisher waits for the first one's commit, then does nothing). The id when this call
 * published it.
 */
export async function insertItemIfNew(tx: Q, item: NewDisclosure, at: Date): Promise<number | undefined> {
  const row = await tx
    .insertInto("disclosure_item")
    .values({ ...item, published_at: at })
    .onConflict((oc) => oc.columns(["kind", "source", "source_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

/** Whether a project may appear in public lists at all: not withdrawn (撤回) and not delisted (摘牌). */
const projectIsPublic = sql<boolean>`(p.id is null or (p.status <> 'withdrawn' and p.delisted_at is null))`;

/**
 * Completed matter cases (办结, granted or denied) not yet published as approval results, of projects that are
 * public and inside the platform's region; with the completion date of their 'complete' step.
 */
export function unpublishedCompletedCases(tx: Q, platform: DataScope, limit: number) {
  let q = tx
    .selectFrom("matter_case as c")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .innerJoin("organisation as d", "d.id", "c.department_id")
    .innerJoin("case_event as e", (j) => j.onRef("e.case_id", "=", "c.id").on("e.type", "=", "complete"))
    .leftJoin("disclosure_item as di", (j) => j.onRef("di.source_id", "=", "c.id").on("di.kind", "=", "approval").on("di.source", "=", "case"));
  q = inScope(q, platform, { region: "p.region_code" });
  return q
    .select([
      "c.id", "c.result", "c.document_number", "c.document_title", "c.department_id", "e.on_date", "m.name as matter_name",
      "d.name as department", "p.id as project_id", "p.code as project_code", "p.name as project_name", "p.region_code",
    ])
    .where("c.status", "=", "completed")
    .where("di.id", "is", null)
    .where(projectIsPublic)
    .orderBy("c.closed_at")
    .orderBy("c.id")
    .limit(limit)
    .execute();
}

/** 处罚结果: public penalty decisions not yet published (Art. 18), with their document numbers. */
export function unpublishedPenalties(tx: Q, platform: DataScope, limit: number) {
  let q = tx
    .selectFrom("penalty_decision as x")
    .innerJoin("project as p", "p.id", "x.project_id")
    .innerJoin("organisation as d", "d.id", "x.organisation_id")
    .leftJoin("disclosure_item as di", (j) => j.on(sql<boolean>`di.source_id = x.id::text`).on("di.kind", "=", "penalty").on("di.source", "=", "penalty_decision"));
  q = inScope(q, platform, { region: "p.region_code" });
  return q
    .select(["x.id", "x.document_number", "x.decided_on", "x.violation", "x.penalty", "x.organisation_id", "d.name as department", "p.id as project_id", "p.code as project_code", "p.name as project_name", "p.region_code"])
    .where("x.public", "=", true)
    .where("di.id", "is", null)
    .where(projectIsPublic)
    .orderBy("x.id")
    .limit(limit)
    .execute();
}

/**
 * 监管信息: closed inspections not yet published, with how many findings of each severity and how their
 * rectification orders ended. The inspection's summary and the findings' descriptions stay internal.
 */
export function unpublishedInspections(tx: Q, platform: DataScope, limit: number) {
  let q = tx
    .selectFrom("inspection as x")
    .innerJoin("project as p", "p.id", "x.project_id")
    .innerJoin("organisation as d", "d.id", "x.organisation_id")
    .leftJoin("disclosure_item as di", (j) => j.on(sql<boolean>`di.source_id = x.id::text`).on("di.kind", "=", "supervision").on("di.source", "=", "inspection"));
  q = inScope(q, platform, { region: "p.region_code" });
  return q
    .select([
      "x.id", "x.mode", "x.inspected_on", "x.organisation_id", "d.name as department", "p.id as project_id", "p.code as project_code", "p.name as project_name", "p.region_code",
      sql<number>`(select count(*) from inspection_finding f where f.inspection_id = x.id)`.as("findings"),
      sql<number>`(select count(*) from rectification_order o where o.inspection_id = x.id)`.as("orders"),
      sql<number>`(select count(*) from rectification_order o where o.inspection_id = x.id and o.status = 'closed')`.as("orders_closed"),
    ])
    .where("x.status", "=", "closed")
    .where("di.id", "is", null)
    .where(projectIsPublic)
    .orderBy("x.id")
    .limit(limit)
    .execute();
}

export interface DisclosureFilters {
  kind?: DisclosureKind | undefined;
  q?: string | undefined;
  department?: string | undefined;
  /** GB/T 2260 prefix standing for a region and everything inside it. */
  regionPrefix?: string | undefined;
  /** Inclusive lower bound of the publication instant. */
  publishedFrom?: Date | undefined;
  /** Exclusive upper bound of the publication instant. */
  publishedBefore?: Date | undefined;
}

interface ListOptions {
  publicOnly: boolean;
  /** Just this item (the back office after a change). */
  id?: number;
}

function filtered(db: Q, scope: DataScope, f: DisclosureFilters, options: ListOptions) {
  let q = db.selectFrom("disclosure_item as di").leftJoin("project as p", "p.id", "di.project_id");
  q = inScope(q, scope, { region: "di.region_code" });
  if (options.publicOnly) q = q.where("di.withdrawn_at", "is", null).where(projectIsPublic);
  if (options.id !== undefined) q = q.where("di.id", "=", options.id);
  if (f.kind) q = q.where("di.kind", "=", f.kind);
  const text = f.q;
  if (text) {
    const like = `%${likeLiteral(text)}%`;
    q = q.where((eb) =>
      eb.or([
        eb("di.project_code", "like", `${likeLiteral(text.toUpperCase())}%`),
        eb("di.project_name", "ilike", like),
        eb("di.title", "ilike", like),
        eb("di.document_number", "ilike", like),
      ]),
    );
  }
  if (f.department) q = q.where("di.department", "ilike", `%${likeLiteral(f.department)}%`);
  if (f.regionPrefix) q = q.where(sql<boolean>`di.region_code like ${`${f.regionPrefix}%`}`);
  if (f.publishedFrom) q = q.where("di.published_at", ">=", f.publishedFrom);
  if (f.publishedBefore) q = q.where("di.published_at", "<", f.publishedBefore);
  return q;
}

const itemColumns = [
  "di.id", "di.kind", "di.source", "di.source_id", "di.project_id", "di.project_code", "di.project_name", "di.region_code",
  "di.department_id", "di.department", "di.title", "di.result", "di.outcome", "di.document_number", "di.document_title",
  "di.decided_on", "di.published_at", "di.withdrawn_at", "di.withdrawn_by", "di.withdrawn_reason",
] as const;

/**
 * One page of items, newest publication first, and how many match. `publicOnly`: what the public may see (not
 * taken down, project neither withdrawn nor delisted); otherwise every item in scope (the back office).
 */
export async function listItems(db: Q, scope: DataScope, f: DisclosureFilters, page: { limit: number; offset: number }, options: ListOptions) {
  const q = filtered(db, scope, f, options);
  const items = await q.select(itemColumns).orderBy("di.published_at", "desc").orderBy("di.id", "desc").limit(page.limit).offset(page.offset).execute();
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { items, total: Number(total.n) };
}
export type DisclosureListRow = Awaited<ReturnType<typeof listItems>>["items"][number];

/** The latest publication of each kind the public can see (the catalogue's `modified`). */
export function lastPublishedByKind(db: Q, scope: DataScope) {
  return filtered(db, scope, {}, { publicOnly: true })
    .select(["di.kind", (eb) => eb.fn.max("di.published_at").as("last"), (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("di.kind")
    .execute();
}

/** The item locked for its take-down. */
export function itemForUpdate(tx: Q, id: number) {
  return tx.selectFrom("disclosure_item").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function withdrawItem(tx: Q, id: number, by: number, at: Date, reason: string): Promise<void> {
  await tx
    .updateTable("disclosure_item")
    .set({ withdrawn_at: at, withdrawn_by: by, withdrawn_reason: reason })
    .where("id", "=", id)
    .where("withdrawn_at", "is", null)
    .execute();
}
