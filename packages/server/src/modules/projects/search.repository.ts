import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import { likeLiteral } from "../../db/like.js";
import type { DB, ProjectStatus } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

/** Search conditions as the repository takes them: texts already trimmed, dates already instants. */
export interface ProjectFilters {
  code?: string | undefined;
  legacyCode?: string | undefined;
  name?: string | undefined;
  unit?: string | undefined;
  /** GB/T 2260 prefix standing for a region and everything inside it ("" for all). */
  regionPrefix?: string | undefined;
  status?: ProjectStatus | undefined;
  /** Inclusive lower bound of the declaration instant. */
  declaredFrom?: Date | undefined;
  /** Exclusive upper bound of the declaration instant. */
  declaredBefore?: Date | undefined;
}


/** Projects in the caller's scope that meet the filters. The scope is applied by `inScope` and nowhere else. */
function filtered(db: Q, scope: DataScope, f: ProjectFilters) {
  let q = db
    .selectFrom("project as p")
    .innerJoin("organisation as o", "o.id", "p.unit_organisation_id")
    // 100000 (sites across provinces) is a code of the project code, not a row of the division table.
    .leftJoin("region as r", "r.code", "p.region_code");
  q = inScope(q, scope, { region: "p.region_code", organisation: "p.unit_organisation_id" });
  if (f.code) q = q.where(sql<boolean>`p.code like ${`${likeLiteral(f.code.toUpperCase())}%`}`);
  if (f.legacyCode) q = q.where(sql<boolean>`p.legacy_code like ${`${likeLiteral(f.legacyCode.toUpperCase())}%`}`);
  if (f.name) q = q.where("p.name", "ilike", `%${likeLiteral(f.name)}%`);
  const unit = f.unit;
  if (unit) {
    q = q.where((eb) => eb.or([eb("o.name", "ilike", `%${likeLiteral(unit)}%`), eb("o.credit_code", "=", unit.toUpperCase())]));
  }
  if (f.regionPrefix) q = q.where(sql<boolean>`p.region_code like ${`${f.regionPrefix}%`}`);
  if (f.status) q = q.where("p.status", "=", f.status);
  if (f.declaredFrom) q = q.where("p.declared_at", ">=", f.declaredFrom);
  if (f.declaredBefore) q = q.where("p.declared_at", "<", f.declaredBefore);
  return q;
}

const listColumns = [
  "p.code",
  "p.legacy_code",
  "p.name",
  "o.name as unit_name",
  "o.credit_code as unit_credit_code",
  "p.region_code",
  "r.name as region_name",
  "p.status",
  "p.approval_category",
  "p.declared_at",
] as const;

/** One page of matching projects, newest declaration first, and how many match in all. */
export async function searchProjects(db: Q, scope: DataScope, f: ProjectFilters, page: { page: number; pageSize: number }) {
  const q = filtered(db, scope, f);
  const [items, total] = await Promise.all([
    q
      .select(listColumns)
      .orderBy("p.declared_at", "desc")
      .orderBy("p.id", "desc")
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export type ProjectListRow = Awaited<ReturnType<typeof searchProjects>>["items"][number];

/** Up to `limit` matching projects in the same order, for an export; `total` tells whether it was capped. */
export async function exportProjects(db: Q, scope: DataScope, f: ProjectFilters, limit: number) {
  const q = filtered(db, scope, f);
  const rows = await q.select(listColumns).orderBy("p.declared_at", "desc").orderBy("p.id", "desc").limit(limit).execute();
  const total =
    rows.length < limit ? rows.length : Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return { rows, total };
}
