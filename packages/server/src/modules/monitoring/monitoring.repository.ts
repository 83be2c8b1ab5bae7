import { type Insertable, type Kysely, type Transaction, sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { cstDate } from "../../platform/clock.js";

type Q = Kysely<DB> | Transaction<DB>;

const projectColumns = [
  "p.id", "p.code", "p.name", "p.status", "p.approval_category", "p.region_code", "p.unit_organisation_id",
  "p.declared_at", "p.decision_on", "p.delisted_at", "p.current_version",
] as const;

export function projectInScope(db: Q, scope: DataScope, code: string) {
  return inScope(db.selectFrom("project as p").select(projectColumns).where((eb) => eb.or([eb("p.code", "=", code), eb("p.legacy_code", "=", code)])), scope, {
    region: "p.region_code",
    organisation: "p.unit_organisation_id",
  }).executeTakeFirst();
}
export type MonitoredProject = NonNullable<Awaited<ReturnType<typeof projectInScope>>>;

/** The project again, locked: reports, applications and the sweep act on a project one at a time. */
export function lockProject(tx: Q, id: number) {
  return tx.selectFrom("project as p").select(projectColumns).where("p.id", "=", id).forUpdate().executeTakeFirstOrThrow();
}

/** A batch of projects the sweep may act on, skipping those another process (or a request) holds. */
export function claimProjects(tx: Q, afterId: number, limit: number) {
  return tx
    .selectFrom("project as p")
    .select(projectColumns)
    .where("p.status", "in", ["in_approval", "approved", "filed", "under_construction", "suspended"])
    .where("p.delisted_at", "is", null)
    .where("p.id", ">", afterId)
    .orderBy("p.id")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export function setProject(tx: Q, id: number, set: { status?: DB["project"]["status"]; delisted_at?: Date; updated_at: Date }) {
  return tx.updateTable("project").set(set).where("id", "=", id).execute();
}

const reportColumns = ["id", "kind", "on_date", "investment_completed", "progress_percent", "note", "images", "status_before", "status_after", "reported_at"] as const;

export function reportsOf(db: Q, projectId: number) {
  return db.selectFrom("implementation_report").select(reportColumns).where("project_id", "=", projectId).orderBy("on_date").orderBy("id").execute();
}
export type ReportRow = Awaited<ReturnType<typeof reportsOf>>[number];

export function insertReport(tx: Q, r: Insertable<DB["implementation_report"]>) {
  return tx.insertInto("implementation_report").values(r).returning(reportColumns).executeTakeFirstOrThrow();
}

/** The most specific frequency rule: the county, its prefecture, its province (GB/T 2260 codes nest by prefix). */
export async function frequencyFor(db: Q, regionCode: string) {
  const candidates = [regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`];
  const rows = await db.selectFrom("report_frequency_rule").select(["region_code", "frequency", "due_day"]).where("region_code", "in", candidates).execute();
  return candidates.map((c) => rows.find((r) => r.region_code === c)).find((r) => r !== undefined);
}

export function listFrequencies(db: Q) {
  return db.selectFrom("report_frequency_rule").select(["region_code", "frequency", "due_day", "updated_at"]).orderBy("region_code").execute();
}

export function upsertFrequency(tx: Q, row: Insertable<DB["report_frequency_rule"]>) {
  return tx
    .insertInto("report_frequency_rule")
    .values(row)
    .onConflict((oc) => oc.column("region_code").doUpdateSet({ frequency: row.frequency, due_day: row.due_day ?? 10, updated_by: row.updated_by ?? null, updated_at: row.updated_at }))
    .execute();
}

export function extensionOf(db: Q, projectId: number) {
  return db.selectFrom("validity_extension").selectAll().where("project_id", "=", projectId).executeTakeFirst();
}
export type ExtensionRow = NonNullable<Awaited<ReturnType<typeof extensionOf>>>;

/** Inserted unless the project already has one: the unique project_id decides "only once" under concurrency. */
export function insertExtension(tx: Q, row: Insertable<DB["validity_extension"]>) {
  return tx.insertInto("validity_extension").values(row).onConflict((oc) => oc.column("project_id").doNothing()).returning("id").executeTakeFirst();
}

export function decideExtension(tx: Q, id: number, set: { status: "approved" | "refused"; months: number; decided_on: string; decided_by: number; decided_at: Date; opinion: string }) {
  return tx.updateTable("validity_extension").set(set).where("id", "=", id).where("status", "=", "pending").returning("id").executeTakeFirst();
}

/** A department's extension applications, pending first (the oldest deadline first), then the decided, newest first. */
export function extensionsOfDepartment(db: Q, departmentId: number, status: "pending" | "approved" | "refused" | undefined) {
  let q = db
    .selectFrom("validity_extension as x")
    .innerJoin("project as p", "p.id", "x.project_id")
    .select(["x.id", "x.status", "x.months", "x.reason", "x.applied_on", "x.decision_due_on", "x.decided_on", "x.opinion", "p.code", "p.name", "p.decision_on"])
    .where("x.department_id", "=", departmentId);
  if (status) q = q.where("x.status", "=", status);
  return q.orderBy(sql`case x.status when 'pending' then 0 else 1 end`).orderBy("x.decision_due_on").orderBy("x.id", "desc").limit(500).execute();
}

/** The department whose matter decides the project (the 核准 matter's handling department). */
export function decidingDepartment(db: Q, projectId: number) {
  return db
    .selectFrom("matter_case as c")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .innerJoin("organisation as o", "o.id", "c.department_id")
    .select(["c.department_id", "o.name as department"])
    .where("c.project_id", "=", projectId)
    .where("m.decides_project", "=", true)
    .orderBy("c.notified_at")
    .executeTakeFirst();
}

export function explanationOf(db: Q, projectId: number) {
  return db.selectFrom("dormancy_explanation").selectAll().where("project_id", "=", projectId).executeTakeFirst();
}

export function insertExplanation(tx: Q, row: Insertable<DB["dormancy_explanation"]>) {
  return tx.insertInto("dormancy_explanation").values(row).onConflict((oc) => oc.column("project_id").doNothing()).returning("id").executeTakeFirst();
}

/**
 * The first procedure after filing (令2018年第14号 第十五条 「办理任何其他手续」): a step of any matter case but the
 * filing itself, an implementation report, or a change of the project's information.
 */
export async function firstActivityOn(db: Q, projectId: number): Promise<string | null> {
  const step = await db
    .selectFrom("case_event as e")
    .innerJoin("matter_case as c", "c.id", "e.case_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .select((eb) => eb.fn.min("e.on_date").as("on"))
    .where("c.project_id", "=", projectId)
    .where("m.decides_project", "=", false)
    .executeTakeFirst();
  const report = await db.selectFrom("implementation_report").select((eb) => eb.fn.min("on_date").as("on")).where("project_id", "=", projectId).executeTakeFirst();
  const change = await db.selectFrom("project_version").select((eb) => eb.fn.min("created_at").as("at")).where("project_id", "=", projectId).where("version", ">", 1).executeTakeFirst();
  const dates = [step?.on, report?.on, change?.at ? cstDate(new Date(change.at as unknown as string)) : null].filter((d): d is string => typeof d === "string");
  return dates.length ? dates.sort()[0]! : null;
}

export function remindersOf(db: Q, projectId: number) {
  return db.selectFrom("monitoring_reminder").select(["kind", "due_date", "raised_on"]).where("project_id", "=", projectId).orderBy("id").execute();
}

/** True when this call raised it (the unique row makes each reminder once, whichever process gets there first). */
export async function raiseReminder(tx: Q, row: Insertable<DB["monitoring_reminder"]>): Promise<boolean> {
  const raised = await tx.insertInto("monitoring_reminder").values(row).onConflict((oc) => oc.columns(["project_id", "kind", "due_date"]).doNothing()).returning("id").executeTakeFirst();
  return raised !== undefined;
}

export function messageUnit(tx: Q, m: { organisation_id: number; kind: string; subject: string; title: string; title_en: string; body: string; body_en: string; created_at: Date }) {
  return tx.insertInto("user_message").values({ ...m, user_id: null }).execute();
}

/** The department's users who hear of an extension application (officers and leaders). */
export function departmentHandlers(db: Q, organisationId: number) {
  return db.selectFrom("app_user").select("id").where("organisation_id", "=", organisationId).where("role", "in", ["officer", "leader"]).where("disabled", "=", false).execute();
}

export function messageUsers(tx: Q, userIds: number[], m: { kind: string; subject: string; title: string; title_en: string; body: string; body_en: string; created_at: Date }) {
  if (userIds.length === 0) return Promise.resolve();
  return tx.insertInto("user_message").values(userIds.map((user_id) => ({ ...m, user_id, organisation_id: null }))).execute();
}

