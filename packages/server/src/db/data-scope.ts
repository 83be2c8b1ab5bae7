import { type SelectQueryBuilder, sql } from "kysely";

/**
 * Which data a user may see (数据权限). Computed once per request from the signed-in user (identity module)
 * and applied here, in the query layer, by `inScope`: routes and services never build region or department
 * conditions themselves.
 *
 * - `regionPrefix`: GB/T 2260 codes nest by prefix (33 浙江省 ⊃ 3301 杭州市 ⊃ 330106 西湖区), so a user of a
 *   prefecture department sees rows whose region code starts with its four digits. `""` sees every region
 *   (the central platform's comprehensive management).
 * - `organisationId`: when set, only rows of that organisation (a project unit sees its own data only).
 */
export interface DataScope {
  regionPrefix: string;
  organisationId?: number | undefined;
  /**
   * A department user's own department: rows that department issued (a rectification order, a penalty) stay
   * visible to it wherever the project lies (a department supervises what it approved outside its region).
   */
  departmentId?: number | undefined;
}

/** The prefix that stands for a region and everything inside it. 100000 (central) stands for all. */
export function regionPrefixOf(regionCode: string): string {
  if (regionCode === "100000") return "";
  if (regionCode.endsWith("0000")) return regionCode.slice(0, 2);
  if (regionCode.endsWith("00")) return regionCode.slice(0, 4);
  return regionCode;
}

export function regionInScope(scope: DataScope, regionCode: string | null | undefined): boolean {
  return regionCode != null && regionCode.startsWith(scope.regionPrefix);
}

type Columns = {
  region: string;
  organisation?: string;
  /** The column holding the issuing department: its own rows are in scope for that department anywhere. */
  issuedBy?: string;
};

/**
 * Restricts a query to the scope. `region` and `organisation` name the columns (qualified as needed) that
 * hold the row's region code and owning organisation. A row without a region is outside every regional scope.
 */
export function inScope<D, TB extends keyof D, O>(
  qb: SelectQueryBuilder<D, TB, O>,
  scope: DataScope,
  columns: Columns,
): SelectQueryBuilder<D, TB, O> {
  let q = qb;
  if (scope.regionPrefix !== "") {
    const inRegion = sql<boolean>`${sql.ref(columns.region)} like ${`${scope.regionPrefix}%`}`;
    q =
      columns.issuedBy && scope.departmentId !== undefined
        ? q.where(sql<boolean>`(${inRegion} or ${sql.ref(columns.issuedBy)} = ${scope.departmentId})`)
        : q.where(inRegion);
  }
  if (scope.organisationId !== undefined) {
    // A scope limited to one organisation on data without an owner column shows nothing.
    q = columns.organisation
      ? q.where(sql<boolean>`${sql.ref(columns.organisation)} = ${scope.organisationId}`)
      : q.where(sql<boolean>`false`);
  }
  return q;
}

