import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

/** The organisation registered under a 统一社会信用代码, of whatever kind. */
export function organisationByCreditCode(db: Q, creditCode: string) {
  return db.selectFrom("organisation").select(["id", "kind", "name", "region_code"]).where("credit_code", "=", creditCode).executeTakeFirst();
}

/** Registers the unit of an imported project (统一社会信用代码 checked by the caller). */
export function insertProjectUnit(tx: Q, o: { name: string; region_code: string; credit_code: string }) {
  return tx.insertInto("organisation").values({ kind: "project_unit", ...o }).returning("id").executeTakeFirstOrThrow();
}

/** Versions of the migrations applied to this database (the CLI refuses to run before `npm run migrate`). */
export async function appliedMigrations(db: Q): Promise<string[]> {
  return (await db.selectFrom("schema_migration").select("version").execute()).map((r) => r.version);
}

/** Whether the reference data (regions) is loaded: without it every row would fail for want of a region. */
export async function regionsLoaded(db: Q): Promise<boolean> {
  return (await db.selectFrom("region").select("code").limit(1).executeTakeFirst()) !== undefined;
}
