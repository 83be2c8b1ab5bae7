import type { ProjectStatus } from "@tzxm/shared";
import type { Kysely } from "kysely";
import { regionPrefixOf } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { projectWorkbook } from "./export.js";
import * as repo from "./search.repository.js";

/** The search as the API takes it (query string); dates are CST calendar dates, both ends inclusive. */
export interface SearchQuery {
  code?: string | undefined;
  legacyCode?: string | undefined;
  name?: string | undefined;
  unit?: string | undefined;
  region?: string | undefined;
  status?: ProjectStatus | undefined;
  declaredFrom?: string | undefined;
  declaredTo?: string | undefined;
}

/** At most this many rows go into one workbook; a larger result is cut and the sheet says so. */
export const EXPORT_LIMIT = 10_000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight at the start of a CST calendar date (UTC+8, no daylight saving). */
function cstMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export function toFilters(q: SearchQuery): repo.ProjectFilters {
  return {
    code: q.code || undefined,
    legacyCode: q.legacyCode || undefined,
    name: q.name || undefined,
    unit: q.unit || undefined,
    // GB/T 2260 codes nest by prefix, as for data scope: 330000 holds 330100, which holds 330106.
    regionPrefix: q.region ? regionPrefixOf(q.region) : undefined,
    status: q.status,
    declaredFrom: q.declaredFrom ? cstMidnight(q.declaredFrom) : undefined,
    declaredBefore: q.declaredTo ? new Date(cstMidnight(q.declaredTo).getTime() + DAY_MS) : undefined,
  };
}

export function searchProjects(db: Kysely<DB>, user: AuthUser, q: SearchQuery, page: { page: number; pageSize: number }) {
  return repo.searchProjects(db, user.scope, toFilters(q), page);
}

/** The filters that were given, as text, for the audit trail of an export. */
function givenFilters(q: SearchQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

/**
 * 导出项目清单: the same search without paging, as a workbook. Exporting a list with units' data leaves a trace
 * (痕迹管理, Art. 4): the rows are read and the event written in one transaction, so the count recorded is the
 * count exported.
 */
export async function exportProjects(db: Kysely<DB>, user: AuthUser, q: SearchQuery, actor: AuditActor) {
  const { rows, total } = await db.transaction().execute(async (tx) => {
    const found = await repo.exportProjects(tx, user.scope, toFilters(q), EXPORT_LIMIT);
    await recordAudit(tx, { type: "project.exported", actor, payload: { rows: found.rows.length, filters: givenFilters(q) } });
    return found;
  });
  return { workbook: await projectWorkbook(rows, total), rows: rows.length, total };
}
