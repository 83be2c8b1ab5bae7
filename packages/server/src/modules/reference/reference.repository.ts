import { type Kysely, type Selectable, sql } from "kysely";
import type { DB, IndustryTable, RegionTable } from "../../db/schema.js";

/** Rows per INSERT: 500 regions × 6 parameters stays far below PostgreSQL's 65,535 and is quick on PGlite. */
const BATCH = 500;

export interface RegionRow {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  parentCode: string | null;
  valid: boolean;
  source: string;
}

export interface RegionWithPath extends RegionRow {
  /** Ancestors from the province down to the parent. */
  path: Array<Pick<RegionRow, "code" | "name" | "level">>;
  /** For breadcrumbs and documents: 浙江省 杭州市 西湖区; placeholder prefectures (市辖区 …) left out. */
  fullName: string;
}

export interface IndustryRow {
  code: string;
  name: string;
  level: IndustryTable["level"];
  parentCode: string | null;
}

export interface CodeName {
  code: string;
  name: string;
}

/**
 * Prefecture rows that GB/T 2260 keeps only as containers (municipalities' 市辖区 and 县, the county-level cities
 * under a province): a place name never says them.
 */
const PLACEHOLDER_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

export function regionFullName(chain: Array<Pick<RegionRow, "name" | "level">>): string {
  return chain
    .filter((r) => !(r.level === 2 && PLACEHOLDER_NAMES.has(r.name)))
    .map((r) => r.name)
    .join(" ");
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

function toRegion(r: Selectable<RegionTable>): RegionRow {
  return { code: r.code, name: r.name, level: Number(r.level) as 1 | 2 | 3, parentCode: r.parent_code, valid: r.valid, source: r.source };
}

// --- Writing (seeding) ---------------------------------------------------------------------------------------

/** Inserts or updates regions; callers pass parents before children (the foreign key is checked per statement). */
export async function upsertRegions(db: Kysely<DB>, rows: readonly RegionRow[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await db
      .insertInto("region")
      .values(batch.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode, valid: r.valid, source: r.source })))
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          level: eb.ref("excluded.level"),
          parent_code: eb.ref("excluded.parent_code"),
          valid: eb.ref("excluded.valid"),
          source: eb.ref("excluded.source"),
        })),
      )
      .execute();
  }
}

/** Changes one region; answers false when there is no such code. */
export async function updateRegion(
  db: Kysely<DB>,
  code: string,
  change: { name?: string; valid?: boolean; source: string },
): Promise<boolean> {
  const result = await db.updateTable("region").set(change).where("code", "=", code).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function upsertIndustries(db: Kysely<DB>, rows: readonly IndustryRow[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await db
      .insertInto("industry")
      .values(batch.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })))
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          level: eb.ref("excluded.level"),
          parent_code: eb.ref("excluded.parent_code"),
        })),
      )
      .execute();
  }
}

export async function upsertCodeNames(
  db: Kysely<DB>,
  table: "central_department" | "project_type",
  rows: readonly CodeName[],
): Promise<void> {
  for (const batch of chunks(rows)) {
    await db
      .insertInto(table)
      .values(batch.map((r) => ({ code: r.code, name: r.name })))
      .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ name: eb.ref("excluded.name") })))
      .execute();
  }
}

export async function countRows(db: Kysely<DB>, table: "region" | "industry"): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

// --- Reading -------------------------------------------------------------------------------------------------

/** Valid regions under `parentCode`, or the provinces when it is null; by code. */
export async function listRegions(db: Kysely<DB>, parentCode: string | null): Promise<RegionRow[]> {
  const rows = await db
    .selectFrom("region")
    .select(["code", "name", "level", "parent_code", "valid", "source"])
    .where((eb) => (parentCode === null ? eb("level", "=", 1) : eb("parent_code", "=", parentCode)))
    .where("valid", "=", true)
    .orderBy("code")
    .execute();
  return rows.map(toRegion);
}

/** One region (abolished ones too: old projects keep their codes) with its ancestors, or undefined. */
export async function getRegion(db: Kysely<DB>, code: string): Promise<RegionWithPath | undefined> {
  const { rows } = await sql<Selectable<RegionTable> & { depth: number }>`
    with recursive chain as (
      select code, name, level, parent_code, valid, source, 0 as depth from region where code = ${code}
      union all
      select r.code, r.name, r.level, r.parent_code, r.valid, r.source, chain.depth + 1
        from region r join chain on r.code = chain.parent_code
       where chain.depth < 5
    )
    select code, name, level, parent_code, valid, source, depth from chain order by depth desc`.execute(db);
  const self = rows.at(-1);
  if (!self || self.code !== code) return undefined;
  const chain = rows.map(toRegion);
  return {
    ...toRegion(self),
    path: chain.slice(0, -1).map(({ code: c, name, level }) => ({ code: c, name, level })),
    fullName: regionFullName(chain),
  };
}

/** Industries under `parentCode`, or the sections (门类) when it is null; by code. */
export async function listIndustries(db: Kysely<DB>, parentCode: string | null): Promise<IndustryRow[]> {
  const rows = await db
    .selectFrom("industry")
    .select(["code", "name", "level", "parent_code"])
    .where((eb) => (parentCode === null ? eb("parent_code", "is", null) : eb("parent_code", "=", parentCode)))
    .orderBy("code")
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }));
}

export async function getIndustry(db: Kysely<DB>, code: string): Promise<IndustryRow | undefined> {
  const r = await db.selectFrom("industry").select(["code", "name", "level", "parent_code"]).where("code", "=", code).executeTakeFirst();
  return r && { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code };
}

export async function listCentralDepartments(db: Kysely<DB>): Promise<CodeName[]> {
  return db.selectFrom("central_department").select(["code", "name"]).orderBy("code").execute();
}

export async function listProjectTypes(db: Kysely<DB>): Promise<CodeName[]> {
  return db.selectFrom("project_type").select(["code", "name"]).orderBy("code").execute();
}
