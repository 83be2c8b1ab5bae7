import { type Kysely, type Transaction, type Updateable, sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

const caseColumns = [
  "c.id", "c.project_id", "c.matter_code", "c.status", "c.department_id", "c.officer_id", "c.guide_id",
  "c.submitted_at", "c.accepted_at", "c.closed_at", "c.result", "c.opinion", "c.document_number", "c.document_title",
  "c.statutory_days", "c.statutory_unit", "c.promised_days", "c.extended_days", "c.due_date", "c.remaining_days",
  "c.warning", "c.calendar_version", "c.last_step_at", "c.notified_at", "c.document_file_name", "c.document_size", "c.document_sm3",
  "p.code as project_code", "p.name as project_name", "p.status as project_status", "p.region_code",
  "p.unit_organisation_id", "m.name as matter_name", "m.stage", "m.pause_reason_classes", "m.statutory_working_days",
  "m.statutory_calendar_days", "m.extendable_working_days", "m.promised_working_days", "m.sign_off_mode", "m.decides_project", "d.name as department",
] as const;

function caseQuery(db: Q) {
  return db
    .selectFrom("matter_case as c")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .innerJoin("organisation as d", "d.id", "c.department_id")
    .select(caseColumns);
}

export function findCase(db: Q, caseId: string) {
  return caseQuery(db).where("c.id", "=", caseId).executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/**
 * The case and its project, locked for the step about to be taken: steps of one case are taken one after the
 * other, and steps of one project's cases too (so that "was this the last matter?" is answered once).
 */
export async function findCaseForUpdate(tx: Q, caseId: string) {
  const row = await tx.selectFrom("matter_case").select(["id", "project_id"]).where("id", "=", caseId).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  await tx.selectFrom("project").select("id").where("id", "=", row.project_id).forUpdate().execute();
  return findCase(tx, caseId);
}

export function eventsOfCase(db: Q, caseId: string) {
  return db
    .selectFrom("case_event")
    .select(["seq", "type", "at", "on_date", "recorded_at", "actor_kind", "actor_label", "status_after", "body"])
    .where("case_id", "=", caseId)
    .orderBy("seq")
    .execute();
}
export type CaseEventRow = Awaited<ReturnType<typeof eventsOfCase>>[number];

/** The steps of several cases in one query (queues, the parallel view), by case id, each in order. */
export async function eventsOfCases(db: Q, caseIds: string[]): Promise<Map<string, CaseEventRow[]>> {
  const byCase = new Map<string, CaseEventRow[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom("case_event")
    .select(["case_id", "seq", "type", "at", "on_date", "recorded_at", "actor_kind", "actor_label", "status_after", "body"])
    .where("case_id", "in", caseIds)
    .orderBy("case_id")
    .orderBy("seq")
    .execute();
  for (const { case_id, ...e } of rows) byCase.get(case_id)?.push(e);
  return byCase;
}

export function insertEvent(
  tx: Q,
  e: {
    case_id: string;
    seq: number;
    type: string;
    at: Date;
    on_date: string;
    recorded_at: Date;
    actor_kind: DB["case_event"]["actor_kind"];
    actor_user_id: number | null;
    api_key_id: number | null;
    actor_label: string;
    status_after: string;
    body: unknown;
  },
) {
  return tx.insertInto("case_event").values({ ...e, body: JSON.stringify(e.body) }).execute();
}

export function updateCase(tx: Q, caseId: string, set: Updateable<DB["matter_case"]>) {
  return tx.updateTable("matter_case").set(set).where("id", "=", caseId).execute();
}

export function statusesOfProjectCases(tx: Q, projectId: number) {
  return tx.selectFrom("matter_case").select(["id", "status"]).where("project_id", "=", projectId).execute();
}

/** A commission to an intermediary still under way (中介服务, Art. 16): the case waits for it. */
export function openCommissionOf(db: Q, caseId: string) {
  return db.selectFrom("intermediary_commission").select(["id", "intermediary_id"]).where("case_id", "=", caseId).where("status", "in", ["commissioned", "accepted"]).executeTakeFirst();
}

/** A withdrawn case ends its open commission: the intermediary is no longer needed. */
export function cancelOpenCommissions(tx: Q, caseId: string, by: number | null, at: Date, reason: string) {
  return tx
    .updateTable("intermediary_commission")
    .set({ status: "cancelled", cancelled_by: by, cancelled_at: at, cancelled_reason: reason })
    .where("case_id", "=", caseId)
    .where("status", "in", ["commissioned", "accepted"])
    .returning(["id", "intermediary_id"])
    .execute();
}

/** 审批/核准 decision date (the deciding matter's completion): the monitoring module counts validity from it. */
export function setProjectDecisionOn(tx: Q, projectId: number, on: string) {
  return tx.updateTable("project").set({ decision_on: on }).where("id", "=", projectId).where("decision_on", "is", null).execute();
}

export function setProjectStatus(tx: Q, projectId: number, status: DB["project"]["status"], at: Date) {
  return tx.updateTable("project").set({ status, updated_at: at }).where("id", "=", projectId).execute();
}

/** Current files of the case's materials (for the submission check). */
export function currentMaterialCodes(db: Q, caseId: string) {
  return db.selectFrom("material_file").select("material_code").where("case_id", "=", caseId).where("status", "=", "current").execute();
}

export function guideMaterials(db: Q, guideId: number) {
  return db.selectFrom("service_guide").select("materials").where("id", "=", guideId).executeTakeFirst();
}

export function organisationById(db: Q, id: number) {
  return db.selectFrom("organisation").select(["id", "name", "kind", "region_code"]).where("id", "=", id).executeTakeFirst();
}

export function userInOrganisation(db: Q, userId: number, organisationId: number) {
  return db
    .selectFrom("app_user")
    .select(["id", "display_name", "role"])
    .where("id", "=", userId)
    .where("organisation_id", "=", organisationId)
    .where("disabled", "=", false)
    .executeTakeFirst();
}

/** A department's active officers and leaders (transfer targets, signers). */
export function departmentColleagues(db: Q, organisationId: number) {
  return db
    .selectFrom("app_user")
    .select(["id", "display_name", "role"])
    .where("organisation_id", "=", organisationId)
    .where("role", "in", ["officer", "leader"])
    .where("disabled", "=", false)
    .orderBy("role")
    .orderBy("id")
    .execute();
}

/** A department's leaders and the handling officer: who hears of a warning. */
export function leadersOf(db: Q, organisationId: number) {
  return db.selectFrom("app_user").select("id").where("organisation_id", "=", organisationId).where("role", "=", "leader").where("disabled", "=", false).execute();
}

export function insertMessages(
  tx: Q,
  messages: { user_id: number | null; organisation_id: number | null; kind: string; subject: string; title: string; title_en: string; body: string; body_en: string; created_at: Date }[],
) {
  if (messages.length === 0) return Promise.resolve();
  return tx.insertInto("user_message").values(messages).execute();
}

/** Cases of one project (the parallel view), within the viewer's scope through the project. */
export function casesOfProjectInScope(db: Q, scope: DataScope, projectCode: string) {
  return inScope(caseQuery(db).where("p.code", "=", projectCode), scope, { region: "p.region_code", organisation: "p.unit_organisation_id" })
    .orderBy("m.stage")
    .orderBy("c.matter_code")
    .execute();
}

/** What a project was told (告知应办事项) case by case, with the guide version told and the reasons. */
export function toldCasesOfProject(db: Q, projectId: number) {
  return db
    .selectFrom("matter_case as c")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .innerJoin("organisation as d", "d.id", "c.department_id")
    .leftJoin("service_guide as g", "g.id", "c.guide_id")
    .select([...caseColumns, "c.reasons", "g.version as guide_version"])
    .where("c.project_id", "=", projectId)
    .orderBy("m.stage")
    .orderBy("c.matter_code")
    .execute();
}

export interface QueueFilter {
  status?: string[] | undefined;
  warning?: "none" | "yellow" | "red" | undefined;
  limit: number;
  offset: number;
}

/** A department's queue (待办): open cases first by urgency, then the newest. */
export async function departmentQueue(db: Q, departmentId: number, f: QueueFilter) {
  let q = caseQuery(db).where("c.department_id", "=", departmentId);
  if (f.status?.length) q = q.where("c.status", "in", f.status as DB["matter_case"]["status"][]);
  if (f.warning) q = q.where("c.warning", "=", f.warning);
  const total = await db
    .selectFrom(q.as("x"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const items = await q
    .orderBy(sql`case c.warning when 'red' then 0 when 'yellow' then 1 else 2 end`)
    .orderBy(sql`c.due_date asc nulls last`)
    .orderBy("c.notified_at", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), items };
}

/** Counts per status and warning of a department's cases: the workload chart. */
export function departmentWorkload(db: Q, departmentId: number) {
  return db
    .selectFrom("matter_case")
    .select(["status", "warning", (eb) => eb.fn.countAll<number>().as("n")])
    .where("department_id", "=", departmentId)
    .groupBy(["status", "warning"])
    .execute();
}
