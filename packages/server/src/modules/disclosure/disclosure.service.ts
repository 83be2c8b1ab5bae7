import type { ManagedDisclosure, PublicDisclosure } from "@tzxm/shared";
import type { Kysely } from "kysely";
import type { Config } from "../../config/env.js";
import { type DataScope, regionInScope, regionPrefixOf } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { cstDate, now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import * as repo from "./disclosure.repository.js";

/**
 * 信息公开 (Art. 18), what the public and the back office read: the public lists hold exactly the items that are
 * public — published, not taken down, of a project neither withdrawn nor delisted, and inside this platform's
 * region (a provincial platform shows its province, the central platform everything). Superseded projects'
 * items stay: their decisions were made and remain history under the old code (the new code names it).
 */
export { DISCLOSURE_KINDS, type DisclosureKind, type ManagedDisclosure, type PublicDisclosure } from "@tzxm/shared";

export interface DisclosureQuery {
  kind?: repo.DisclosureKind | undefined;
  q?: string | undefined;
  department?: string | undefined;
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The platform's own region as a scope: what its public lists may hold. */
export const platformScope = (config: Config): DataScope => ({ regionPrefix: regionPrefixOf(config.PLATFORM_REGION) });

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function filtersOf(q: DisclosureQuery): repo.DisclosureFilters {
  return {
    kind: q.kind,
    q: q.q || undefined,
    department: q.department || undefined,
    regionPrefix: q.region ? regionPrefixOf(q.region) : undefined,
    publishedFrom: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
    publishedBefore: q.to ? new Date(`${dayAfter(q.to)}T00:00:00+08:00`) : undefined,
  };
}

export function publicView(r: repo.DisclosureListRow): PublicDisclosure {
  return {
    id: Number(r.id),
    kind: r.kind,
    projectCode: r.project_code,
    projectName: r.project_name,
    department: r.department,
    title: r.title,
    ...(r.result ? { result: r.result } : {}),
    ...(r.outcome ? { outcome: r.outcome } : {}),
    ...(r.document_number ? { documentNumber: r.document_number } : {}),
    ...(r.document_title ? { documentTitle: r.document_title } : {}),
    decidedOn: r.decided_on,
    publishedOn: cstDate(r.published_at),
    publishedAt: r.published_at.toISOString(),
    regionCode: r.region_code,
  };
}

export async function listPublic(db: Kysely<DB>, config: Config, query: DisclosureQuery, page: { page: number; pageSize: number }) {
  const { items, total } = await repo.listItems(db, platformScope(config), filtersOf(query), { limit: page.pageSize, offset: (page.page - 1) * page.pageSize }, { publicOnly: true });
  return { items: items.map(publicView), page: page.page, pageSize: page.pageSize, total };
}

/** Open data: up to `cap` public items in list order; `total` says whether the cap cut it. */
export async function exportPublic(db: Kysely<DB>, config: Config, query: DisclosureQuery, cap: number) {
  const { items, total } = await repo.listItems(db, platformScope(config), filtersOf(query), { limit: cap, offset: 0 }, { publicOnly: true });
  return { items: items.map(publicView), total };
}

export async function lastPublished(db: Kysely<DB>, config: Config) {
  const rows = await repo.lastPublishedByKind(db, platformScope(config));
  return new Map(rows.map((r) => [r.kind, { last: r.last ? new Date(r.last as Date | string) : null, count: Number(r.n) }]));
}

/**
 * Who may take an item down: a leader of the department that decided it, or a supervisor whose region holds it.
 * The reason is kept on the item and in the audit trail (what was published, and when it stopped being).
 */
function mayWithdraw(user: AuthUser, item: { department_id: number | null; region_code: string }): boolean {
  if (user.role === "supervisor") return regionInScope(user.scope, item.region_code);
  return user.role === "leader" && item.department_id !== null && Number(item.department_id) === user.organisation.id;
}

function managedView(r: repo.DisclosureListRow, user: AuthUser): ManagedDisclosure {
  return {
    ...publicView(r),
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    withdrawnReason: r.withdrawn_reason,
    canWithdraw: r.withdrawn_at === null && mayWithdraw(user, r),
  };
}

/** The back office: every item in the caller's data scope, taken down or not. */
export async function listManaged(db: Kysely<DB>, user: AuthUser, query: DisclosureQuery, page: { page: number; pageSize: number }) {
  const { items, total } = await repo.listItems(db, user.scope, filtersOf(query), { limit: page.pageSize, offset: (page.page - 1) * page.pageSize }, { publicOnly: false });
  return { items: items.map((r) => managedView(r, user)), page: page.page, pageSize: page.pageSize, total };
}

export async function withdrawDisclosure(db: Kysely<DB>, user: AuthUser, id: number, reason: string, actor: AuditActor): Promise<ManagedDisclosure> {
  await db.transaction().execute(async (tx) => {
    const item = await repo.itemForUpdate(tx, id);
    // An item outside the caller's data scope does not exist for them.
    if (!item || !regionInScope(user.scope, item.region_code)) throw new DomainError("NOT_FOUND");
    if (item.withdrawn_at !== null) throw new DomainError("DISCLOSURE_ALREADY_WITHDRAWN");
    if (!mayWithdraw(user, item)) throw new DomainError("DISCLOSURE_NOT_OWN_DEPARTMENT");
    await repo.withdrawItem(tx, id, user.id, now(), reason);
    await recordAudit(tx, { type: "disclosure.withdrawn", actor, subject: item.project_code, regionCode: item.region_code, payload: { itemId: id, kind: item.kind, reason } });
  });
  const { items } = await repo.listItems(db, user.scope, {}, { limit: 1, offset: 0 }, { publicOnly: false, id });
  const row = items[0];
  if (!row) throw new DomainError("NOT_FOUND");
  return managedView(row, user);
}
