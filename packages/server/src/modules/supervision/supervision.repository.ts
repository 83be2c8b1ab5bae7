import { type Insertable, type Kysely, type SelectQueryBuilder, type Transaction, type Updateable, sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

const projectColumns = ["p.id", "p.code", "p.name", "p.status", "p.region_code", "p.unit_organisation_id", "o.name as unit_name"] as const;

function projectQuery(db: Q) {
  return db.selectFrom("project as p").innerJoin("organisation as o", "o.id", "p.unit_organisation_id").select(projectColumns);
}

/**
 * Every supervision query joins the project as `p`: a row is in the viewer's scope when its project is (region; a
 * unit: its own projects only). `issuedBy` names the record's issuing department column where the department's
 * own records stay in scope wherever the project lies (the lists).
 */
function scoped<D, TB extends keyof D, O>(q: SelectQueryBuilder<D, TB, O>, scope: DataScope, issuedBy?: string) {
  return inScope(q, scope, { region: "p.region_code", organisation: "p.unit_organisation_id", issuedBy });
}

/** What every supervision record shows beside its own columns: its project (`p`) and its issuing department (`d`). */
const recordColumns = ["p.code as project_code", "p.name as project_name", "p.region_code", "d.name as department_name"] as const;

export interface Page {
  page: number;
  pageSize: number;
}

/** One page of a list in the given order, with the number of rows on all pages. */
async function pageOf<D, TB extends keyof D, O>(q: SelectQueryBuilder<D, TB, O>, f: Page, order: (q: SelectQueryBuilder<D, TB, O>) => SelectQueryBuilder<D, TB, O>) {
  const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as("n")).$castTo<{ n: number }>().executeTakeFirstOrThrow();
  const items = await order(q).limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items, total: Number(count.n) };
}

/** A project by its code within the viewer's scope (region; a unit: its own projects only). */
export function projectInScope(db: Q, scope: DataScope, code: string) {
  return scoped(projectQuery(db), scope)
    .where((eb) => eb.or([eb("p.code", "=", code), eb("p.legacy_code", "=", code)]))
    .executeTakeFirst();
}
export type SupervisedProject = NonNullable<Awaited<ReturnType<typeof projectInScope>>>;

/** A project outside the department's region that the department handles a matter of (it supervises what it approved). */
export function projectHandledBy(db: Q, departmentId: number, code: string) {
  return projectQuery(db)
    .where((eb) => eb.or([eb("p.code", "=", code), eb("p.legacy_code", "=", code)]))
    .where((eb) => eb.exists(eb.selectFrom("matter_case as c").select("c.id").whereRef("c.project_id", "=", "p.id").where("c.department_id", "=", departmentId)))
    .executeTakeFirst();
}

/** Supervision of one project happens one change after the other (listing once, document numbers once). */
export function lockProject(tx: Q, projectId: number) {
  return tx.selectFrom("project").select("id").where("id", "=", projectId).forUpdate().execute();
}

// --- Inspections ----------------------------------------------------------------------------------------------

export async function insertInspection(tx: Q, row: Insertable<DB["inspection"]>): Promise<number> {
  const r = await tx.insertInto("inspection").values(row).returning("id").executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function insertFindings(tx: Q, rows: Insertable<DB["inspection_finding"]>[]) {
  if (rows.length > 0) await tx.insertInto("inspection_finding").values(rows).execute();
}

function inspectionQuery(db: Q) {
  return db
    .selectFrom("inspection as i")
    .innerJoin("project as p", "p.id", "i.project_id")
    .innerJoin("organisation as d", "d.id", "i.organisation_id")
    .innerJoin("app_user as u", "u.id", "i.created_by")
    .selectAll("i")
    .select([...recordColumns, "p.unit_organisation_id", "u.display_name as created_by_name"]);
}
export type InspectionRow = Awaited<ReturnType<typeof inspectionById>> & object;

export function inspectionById(db: Q, scope: DataScope, id: number) {
  return scoped(inspectionQuery(db), scope).where("i.id", "=", id).executeTakeFirst();
}

export function inspectionForUpdate(tx: Q, id: number) {
  return tx.selectFrom("inspection").select(["id", "project_id", "organisation_id", "status"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

export function updateInspection(tx: Q, id: number, set: Updateable<DB["inspection"]>) {
  return tx.updateTable("inspection").set(set).where("id", "=", id).execute();
}

export function inspectionsOfProject(db: Q, projectId: number) {
  return inspectionQuery(db).where("i.project_id", "=", projectId).orderBy("i.inspected_on", "desc").orderBy("i.id", "desc").execute();
}

export function findingsOf(db: Q, inspectionIds: number[]) {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("inspection_finding").selectAll().where("inspection_id", "in", inspectionIds).orderBy("id").execute();
}

export function findingById(db: Q, id: number) {
  return db.selectFrom("inspection_finding").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listInspections(db: Q, scope: DataScope, f: Page & { status?: "open" | "closed" | undefined; projectCode?: string | undefined }) {
  let q = scoped(inspectionQuery(db), scope, "i.organisation_id");
  if (f.status) q = q.where("i.status", "=", f.status);
  if (f.projectCode) q = q.where("p.code", "=", f.projectCode);
  return pageOf(q, f, (q) => q.orderBy("i.inspected_on", "desc").orderBy("i.id", "desc"));
}

// --- Rectification orders -------------------------------------------------------------------------------------

export async function insertOrder(tx: Q, row: Insertable<DB["rectification_order"]>): Promise<number> {
  const r = await tx.insertInto("rectification_order").values(row).returning("id").executeTakeFirstOrThrow();
  return Number(r.id);
}

function orderQuery(db: Q) {
  return db
    .selectFrom("rectification_order as r")
    .innerJoin("project as p", "p.id", "r.project_id")
    .innerJoin("organisation as o", "o.id", "p.unit_organisation_id")
    .innerJoin("organisation as d", "d.id", "r.organisation_id")
    .selectAll("r")
    .select([...recordColumns, "p.unit_organisation_id", "o.name as unit_name"]);
}
export type OrderRow = Awaited<ReturnType<typeof orderById>> & object;

export function orderById(db: Q, scope: DataScope, id: number) {
  return scoped(orderQuery(db), scope).where("r.id", "=", id).executeTakeFirst();
}

/** The order unscoped, locked (its issuing department may lie outside the region: it follows up what it issued). */
export async function orderForUpdate(tx: Q, id: number) {
  const locked = await tx.selectFrom("rectification_order").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  if (!locked) return undefined;
  return orderQuery(tx).where("r.id", "=", id).executeTakeFirst();
}

export function updateOrder(tx: Q, id: number, set: Updateable<DB["rectification_order"]>) {
  return tx.updateTable("rectification_order").set(set).where("id", "=", id).execute();
}

export function ordersOfProject(db: Q, projectId: number) {
  return orderQuery(db).where("r.project_id", "=", projectId).orderBy("r.issued_on", "desc").orderBy("r.id", "desc").execute();
}

export interface OrderFilter extends Page {
  status?: "open" | "submitted" | "closed" | undefined;
  /** Open or submitted past the deadline on `today` (CST). */
  overdueOn?: string | undefined;
  projectCode?: string | undefined;
}

/** Orders in scope: overdue first, then by deadline; closed ones last. */
export function listOrders(db: Q, scope: DataScope, f: OrderFilter, today: string) {
  let q = scoped(orderQuery(db), scope, "r.organisation_id");
  if (f.status) q = q.where("r.status", "=", f.status);
  if (f.overdueOn) q = q.where("r.status", "<>", "closed").where("r.deadline", "<", f.overdueOn);
  if (f.projectCode) q = q.where("p.code", "=", f.projectCode);
  return pageOf(q, f, (q) =>
    q.orderBy(sql`case when r.status = 'closed' then 2 when r.deadline < ${today} then 0 else 1 end`).orderBy("r.deadline", "asc").orderBy("r.id", "desc"),
  );
}

export function stepsOf(db: Q, orderIds: number[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("rectification_step").selectAll().where("order_id", "in", orderIds).orderBy("order_id").orderBy("seq").execute();
}

export async function insertStep(tx: Q, row: Omit<Insertable<DB["rectification_step"]>, "seq">) {
  const last = await tx.selectFrom("rectification_step").select((eb) => eb.fn.max("seq").as("seq")).where("order_id", "=", row.order_id).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await tx.insertInto("rectification_step").values({ ...row, seq }).execute();
  return seq;
}

export function stepOf(db: Q, orderId: number, seq: number) {
  return db.selectFrom("rectification_step").selectAll().where("order_id", "=", orderId).where("seq", "=", seq).executeTakeFirst();
}

// --- Penalty decisions ----------------------------------------------------------------------------------------

export async function insertPenalty(tx: Q, row: Insertable<DB["penalty_decision"]>): Promise<number> {
  const r = await tx.insertInto("penalty_decision").values(row).returning("id").executeTakeFirstOrThrow();
  return Number(r.id);
}

export function penaltyByNumber(db: Q, organisationId: number, documentNumber: string) {
  return db.selectFrom("penalty_decision").select("id").where("organisation_id", "=", organisationId).where("document_number", "=", documentNumber).executeTakeFirst();
}

function penaltyQuery(db: Q) {
  return db
    .selectFrom("penalty_decision as x")
    .innerJoin("project as p", "p.id", "x.project_id")
    .innerJoin("organisation as o", "o.id", "p.unit_organisation_id")
    .innerJoin("organisation as d", "d.id", "x.organisation_id")
    .selectAll("x")
    .select([...recordColumns, "o.name as unit_name"]);
}
export type PenaltyRow = Awaited<ReturnType<typeof penaltiesOfProject>>[number];

export function penaltiesOfProject(db: Q, projectId: number) {
  return penaltyQuery(db).where("x.project_id", "=", projectId).orderBy("x.decided_on", "desc").orderBy("x.id", "desc").execute();
}

export function penaltyById(db: Q, id: number) {
  return penaltyQuery(db).where("x.id", "=", id).executeTakeFirstOrThrow();
}

export function listPenalties(db: Q, scope: DataScope, f: Page) {
  return pageOf(scoped(penaltyQuery(db), scope, "x.organisation_id"), f, (q) => q.orderBy("x.decided_on", "desc").orderBy("x.id", "desc"));
}

// --- The abnormal list (异常名录) ------------------------------------------------------------------------------

export function activeListingOf(db: Q, projectId: number) {
  return db.selectFrom("abnormal_listing").select("id").where("project_id", "=", projectId).where("removed_on", "is", null).executeTakeFirst();
}

export async function insertListing(tx: Q, row: Insertable<DB["abnormal_listing"]>): Promise<number> {
  const r = await tx.insertInto("abnormal_listing").values(row).returning("id").executeTakeFirstOrThrow();
  return Number(r.id);
}

function listingQuery(db: Q) {
  return db
    .selectFrom("abnormal_listing as a")
    .innerJoin("project as p", "p.id", "a.project_id")
    .innerJoin("organisation as o", "o.id", "a.unit_organisation_id")
    .innerJoin("organisation as d", "d.id", "a.organisation_id")
    .selectAll("a")
    .select([...recordColumns, "o.name as unit_name", "o.credit_code as unit_credit_code"]);
}
export type ListingRow = Awaited<ReturnType<typeof listingsOfProject>>[number];

export function listingsOfProject(db: Q, projectId: number) {
  return listingQuery(db).where("a.project_id", "=", projectId).orderBy("a.listed_on", "desc").orderBy("a.id", "desc").execute();
}

export function listingById(db: Q, id: number) {
  return listingQuery(db).where("a.id", "=", id).executeTakeFirst();
}

export async function listingForUpdate(tx: Q, id: number) {
  const locked = await tx.selectFrom("abnormal_listing").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  return locked ? listingById(tx, id) : undefined;
}

export function updateListing(tx: Q, id: number, set: Updateable<DB["abnormal_listing"]>) {
  return tx.updateTable("abnormal_listing").set(set).where("id", "=", id).execute();
}

export function listListings(db: Q, scope: DataScope, f: Page & { active?: boolean | undefined }) {
  let q = scoped(listingQuery(db), scope, "a.organisation_id");
  if (f.active === true) q = q.where("a.removed_on", "is", null);
  if (f.active === false) q = q.where("a.removed_on", "is not", null);
  return pageOf(q, f, (q) => q.orderBy(sql`case when a.removed_on is null then 0 else 1 end`).orderBy("a.listed_on", "desc").orderBy("a.id", "desc"));
}

// --- Messages to the unit -------------------------------------------------------------------------------------

export type MessageRow = { user_id: number | null; organisation_id: number | null; kind: string; subject: string; title: string; title_en: string; body: string; body_en: string; created_at: Date };

export async function insertMessages(tx: Q, messages: MessageRow[]) {
  if (messages.length > 0) await tx.insertInto("user_message").values(messages).execute();
}
