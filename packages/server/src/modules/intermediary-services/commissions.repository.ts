import { type Kysely, type Transaction, type Updateable, sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

/** The case a commission is for, locked (steps of one case are taken one after the other). */
export async function caseForCommission(tx: Q, caseId: string) {
  const locked = await tx.selectFrom("matter_case").select("id").where("id", "=", caseId).forUpdate().executeTakeFirst();
  if (!locked) return undefined;
  return tx
    .selectFrom("matter_case as c")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .select([
      "c.id", "c.status", "c.department_id", "c.matter_code", "m.name as matter_name", "m.pause_reason_classes",
      "p.code as project_code", "p.name as project_name", "p.region_code", "p.unit_organisation_id",
    ])
    .where("c.id", "=", caseId)
    .executeTakeFirst();
}
export type CommissionCase = NonNullable<Awaited<ReturnType<typeof caseForCommission>>>;

export function caseStatus(db: Q, caseId: string) {
  return db.selectFrom("matter_case").select(["id", "status", "department_id"]).where("id", "=", caseId).executeTakeFirst();
}

/** The reason class of the case's latest pause, if any: a resumption is ours only when that pause was. */
export async function lastPauseClass(db: Q, caseId: string): Promise<string | null> {
  const row = await db
    .selectFrom("case_event")
    .select(sql<string | null>`body->>'reasonClass'`.as("reason_class"))
    .where("case_id", "=", caseId)
    .where("type", "=", "pause")
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.reason_class ?? null;
}

export function intermediaryForCommission(db: Q, id: number) {
  return db.selectFrom("intermediary_org").select(["id", "name", "status", "services", "organisation_id", "region_code"]).where("id", "=", id).executeTakeFirst();
}

/** Registered, active intermediaries whose staff can sign in: the ones a department may commission. */
export function commissionableIntermediaries(db: Q) {
  return db
    .selectFrom("intermediary_org")
    .select(["id", "name", "region_code", "services"])
    .where("status", "=", "active")
    .where("organisation_id", "is not", null)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export async function insertCommission(
  tx: Q,
  c: Pick<DB["intermediary_commission"], "case_id" | "intermediary_id" | "department_id" | "service" | "requirements" | "promised_working_days" | "commissioned_by"> & { commissioned_at: Date },
): Promise<number> {
  const row = await tx.insertInto("intermediary_commission").values({ ...c, status: "commissioned" }).returning("id").executeTakeFirstOrThrow();
  return Number(row.id);
}

export function openCommissionOfCase(db: Q, caseId: string) {
  return db.selectFrom("intermediary_commission").select("id").where("case_id", "=", caseId).where("status", "in", ["commissioned", "accepted"]).executeTakeFirst();
}

export function commissionForUpdate(tx: Q, id: number) {
  return tx
    .selectFrom("intermediary_commission as k")
    .innerJoin("intermediary_org as i", "i.id", "k.intermediary_id")
    .selectAll("k")
    .select(["i.name as intermediary_name", "i.organisation_id as intermediary_organisation_id"])
    .where("k.id", "=", id)
    .forUpdate("k")
    .executeTakeFirst();
}
export type LockedCommission = NonNullable<Awaited<ReturnType<typeof commissionForUpdate>>>;

export function updateCommission(tx: Q, id: number, set: Updateable<DB["intermediary_commission"]>) {
  return tx.updateTable("intermediary_commission").set(set).where("id", "=", id).execute();
}

/** Who sees which commissions: the intermediary its own, the department its own, a supervisor its region's. */
export type CommissionVisibility =
  | { kind: "intermediary"; organisationId: number }
  | { kind: "department"; departmentId: number }
  | { kind: "scope"; scope: DataScope };

function commissionQuery(db: Q, v: CommissionVisibility) {
  let q = db
    .selectFrom("intermediary_commission as k")
    .innerJoin("matter_case as c", "c.id", "k.case_id")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .innerJoin("organisation as d", "d.id", "k.department_id")
    .innerJoin("intermediary_org as i", "i.id", "k.intermediary_id")
    .innerJoin("app_user as cu", "cu.id", "k.commissioned_by")
    .leftJoin("app_user as eu", "eu.id", "k.evaluated_by")
    .selectAll("k")
    .select([
      "c.status as case_status", "c.matter_code", "m.name as matter_name", "p.code as project_code", "p.name as project_name",
      "p.region_code", "d.name as department_name", "i.name as intermediary_name", "i.organisation_id as intermediary_organisation_id",
      "cu.display_name as commissioned_by_name", "eu.display_name as evaluated_by_name",
    ]);
  if (v.kind === "intermediary") q = q.where("i.organisation_id", "=", v.organisationId);
  else if (v.kind === "department") q = q.where("k.department_id", "=", v.departmentId);
  else q = inScope(q, v.scope, { region: "p.region_code" });
  return q;
}
export type CommissionRow = Awaited<ReturnType<typeof commissionById>> & object;

export function commissionById(db: Q, v: CommissionVisibility, id: number) {
  return commissionQuery(db, v).where("k.id", "=", id).executeTakeFirst();
}

export interface CommissionFilter {
  status?: DB["intermediary_commission"]["status"] | undefined;
  caseId?: string | undefined;
  page: number;
  pageSize: number;
}

/** Open commissions first (those whose clocks run), then the newest. */
export async function listCommissions(db: Q, v: CommissionVisibility, f: CommissionFilter) {
  let q = commissionQuery(db, v);
  if (f.status) q = q.where("k.status", "=", f.status);
  if (f.caseId) q = q.where("k.case_id", "=", f.caseId);
  const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const items = await q
    .orderBy(sql`case k.status when 'commissioned' then 0 when 'accepted' then 0 when 'delivered' then 1 else 2 end`)
    .orderBy("k.commissioned_at", "desc")
    .orderBy("k.id", "desc")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(count.n) };
}

/**
 * An officer or leader of the department who can be named as taking a step the platform takes for it: the given
 * user if still one of its handlers, else one of its leaders, else one of its officers.
 */
export function departmentHandler(db: Q, departmentId: number, preferredUserId: number) {
  return db
    .selectFrom("app_user as u")
    .innerJoin("organisation as o", "o.id", "u.organisation_id")
    .select(["u.id", "u.username", "u.display_name", "u.role", "o.id as organisation_id", "o.name as organisation_name", "o.kind", "o.region_code"])
    .where("u.organisation_id", "=", departmentId)
    .where("u.role", "in", ["officer", "leader"])
    .where("u.disabled", "=", false)
    .orderBy(sql`case when u.id = ${preferredUserId} then 0 when u.role = 'leader' then 1 else 2 end`)
    .orderBy("u.id")
    .limit(1)
    .executeTakeFirst();
}

export type MessageRow = { user_id: number | null; organisation_id: number | null; kind: string; subject: string; title: string; title_en: string; body: string; body_en: string; created_at: Date };

export async function insertMessages(tx: Q, messages: MessageRow[]) {
  if (messages.length > 0) await tx.insertInto("user_message").values(messages).execute();
}
