import { type Kysely, type Transaction, type Updateable, sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

/** Closed statuses are looked at again for a while: a late-reported step or fee still raises its card. */
const OPEN_STATUSES = ["submitted", "accepted", "paused"] as const;

export function allRules(db: Q) {
  return db.selectFrom("supervision_rule").selectAll().orderBy("code").execute();
}
export type RuleRow = Awaited<ReturnType<typeof allRules>>[number];

export function ruleForUpdate(tx: Q, code: string) {
  return tx.selectFrom("supervision_rule").selectAll().where("code", "=", code).forUpdate().executeTakeFirst();
}

export function updateRule(tx: Q, code: string, set: { enabled: boolean; level: "yellow" | "red"; parameters: unknown; version: number; updated_by: number; updated_at: Date }) {
  return tx
    .updateTable("supervision_rule")
    .set({ ...set, parameters: JSON.stringify(set.parameters) })
    .where("code", "=", code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The next batch of cases to evaluate, claimed FOR UPDATE SKIP LOCKED so that two processes never evaluate the
 * same case at once: open cases, cases closed since `since`, and cases with a fee recorded since `since`.
 */
export function claimCases(tx: Transaction<DB>, afterId: string, since: Date, limit: number) {
  return tx
    .selectFrom("matter_case as c")
    .select("c.id")
    .where("c.id", ">", afterId)
    .where((eb) =>
      eb.or([
        eb("c.status", "in", [...OPEN_STATUSES]),
        eb("c.closed_at", ">=", since),
        eb.exists(eb.selectFrom("case_fee as f").select("f.id").whereRef("f.case_id", "=", "c.id").where("f.recorded_at", ">=", since)),
      ]),
    )
    .orderBy("c.id")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export function casesForEvaluation(tx: Q, ids: string[]) {
  return tx
    .selectFrom("matter_case as c")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .innerJoin("organisation as d", "d.id", "c.department_id")
    .select([
      "c.id", "c.status", "c.project_id", "c.department_id", "c.statutory_days", "c.statutory_unit", "c.promised_days", "c.matter_code",
      "m.name as matter_name", "m.kind as matter_kind", "m.fee_free", "m.statutory_working_days", "m.statutory_calendar_days",
      "m.promised_working_days", "p.code as project_code", "p.name as project_name", "p.region_code", "d.name as department",
    ])
    .where("c.id", "in", ids)
    .execute();
}

export function eventsOf(tx: Q, ids: string[]) {
  return tx
    .selectFrom("case_event")
    .select(["case_id", "seq", "type", "at", "on_date", "recorded_at", "status_after", "body"])
    .where("case_id", "in", ids)
    .orderBy("case_id")
    .orderBy("seq")
    .execute();
}

export function feesOf(tx: Q, ids: string[]) {
  return tx.selectFrom("case_fee").select(["id", "case_id", "amount", "item", "at"]).where("case_id", "in", ids).orderBy("id").execute();
}

export function insertCard(
  tx: Transaction<DB>,
  card: { rule_code: string; rule_version: number; case_id: string; project_id: number; region_code: string; department_id: number; level: "yellow" | "red"; evidence: unknown; raised_at: Date; raised_on: string },
) {
  return tx
    .insertInto("supervision_card")
    .values({ ...card, evidence: JSON.stringify(card.evidence) })
    .onConflict((oc) => oc.columns(["rule_code", "case_id", "level"]).doNothing())
    .returning("id")
    .executeTakeFirst();
}

/**
 * Whether a card on the governing time limit tells a department's leaders what a deadline warning would: an enabled
 * overall_limit rule on the governing limit; for lateness (red) its overdue card (the rule's own level), for an
 * approaching due date (yellow) its yellow card, given only by a red rule that warns at least as early as the
 * deadline sweep (`yellowRemainingDays` ≥ `warnDays`); and that card not yet raised for the case, or raised for
 * this same due date (a card raised for an earlier due date, before an extension, is not raised again).
 */
export async function governingCarded(tx: Q, caseId: string, dueDate: string, warning: "yellow" | "red", warnDays: number): Promise<boolean> {
  const rule = await tx
    .selectFrom("supervision_rule")
    .select(["code", "level", sql<number | null>`(parameters->>'yellowRemainingDays')::int`.as("yellow_days")])
    .where("kind", "=", "overall_limit")
    .where("enabled", "=", true)
    .where(sql<string>`parameters->>'limit'`, "=", "governing")
    .orderBy("code")
    .executeTakeFirst();
  if (!rule) return false;
  if (warning === "yellow" && (rule.level !== "red" || rule.yellow_days === null || rule.yellow_days < warnDays)) return false;
  const level = warning === "yellow" ? "yellow" : rule.level;
  const card = await tx
    .selectFrom("supervision_card")
    .select(sql<string | null>`evidence->'figures'->>'dueDate'`.as("due_date"))
    .where("rule_code", "=", rule.code)
    .where("case_id", "=", caseId)
    .where("level", "=", level)
    .executeTakeFirst();
  return !card || card.due_date === dueDate;
}

/** Supervisors with the region of their organisation (whose scope decides which cards they hear of). */
export function activeSupervisors(tx: Q) {
  return tx
    .selectFrom("app_user as u")
    .innerJoin("organisation as o", "o.id", "u.organisation_id")
    .select(["u.id", "o.region_code"])
    .where("u.role", "=", "supervisor")
    .where("u.disabled", "=", false)
    .execute();
}

export function leadersOf(tx: Q, organisationId: number) {
  return tx.selectFrom("app_user").select("id").where("organisation_id", "=", organisationId).where("role", "=", "leader").where("disabled", "=", false).execute();
}

export function insertMessages(tx: Q, rows: { user_id: number; kind: string; subject: string; title: string; title_en: string; body: string; body_en: string; created_at: Date }[]) {
  if (rows.length === 0) return Promise.resolve();
  return tx
    .insertInto("user_message")
    .values(rows.map((r) => ({ ...r, organisation_id: null })))
    .execute();
}

// --- Cards as viewers see them -----------------------------------------------------------------------------------

function cardQuery(db: Q) {
  return db
    .selectFrom("supervision_card as k")
    .innerJoin("supervision_rule as r", "r.code", "k.rule_code")
    .innerJoin("matter_case as c", "c.id", "k.case_id")
    .innerJoin("project as p", "p.id", "k.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .innerJoin("organisation as d", "d.id", "k.department_id")
    .select([
      "k.id", "k.rule_code", "k.rule_version", "r.name as rule_name", "r.name_en as rule_name_en", "r.kind as rule_kind", "k.case_id",
      "k.level", "k.status", "k.evidence", "k.raised_at", "k.raised_on", "k.explanation", "k.acknowledged_at", "k.closed_at",
      "k.closing_note", "k.department_id", "d.name as department", "k.region_code", "p.code as project_code", "p.name as project_name",
      "c.matter_code", "m.name as matter_name", "c.status as case_status",
    ]);
}

/** The scope of a card: its project's region, and the department it was raised against when the viewer is one. */
const CARD_SCOPE = { region: "k.region_code", organisation: "k.department_id" } as const;

export interface CardFilter {
  status?: ("open" | "acknowledged" | "closed")[] | undefined;
  level?: "yellow" | "red" | undefined;
  caseId?: string | undefined;
  limit: number;
  offset: number;
}

export async function listCards(db: Q, scope: DataScope, f: CardFilter) {
  let q = inScope(cardQuery(db), scope, CARD_SCOPE);
  if (f.status?.length) q = q.where("k.status", "in", f.status);
  if (f.level) q = q.where("k.level", "=", f.level);
  if (f.caseId) q = q.where("k.case_id", "=", f.caseId);
  const total = await db.selectFrom(q.as("x")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  // Red first, open before explained before closed, then the newest.
  const items = await q
    .orderBy(sql`case k.level when 'red' then 0 else 1 end`)
    .orderBy(sql`case k.status when 'open' then 0 when 'acknowledged' then 1 else 2 end`)
    .orderBy("k.raised_at", "desc")
    .orderBy("k.id", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), items };
}
export type CardRow = Awaited<ReturnType<typeof listCards>>["items"][number];

export function cardInScope(db: Q, scope: DataScope, id: number) {
  return inScope(cardQuery(db), scope, CARD_SCOPE).where("k.id", "=", id).executeTakeFirst();
}

export function cardForUpdate(tx: Transaction<DB>, id: number) {
  return tx.selectFrom("supervision_card").select(["id", "status", "department_id", "case_id", "rule_code", "level", "region_code", "project_id"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

export function setCard(tx: Transaction<DB>, id: number, set: Updateable<DB["supervision_card"]>) {
  return tx.updateTable("supervision_card").set(set).where("id", "=", id).execute();
}

export function projectCodeOf(db: Q, projectId: number) {
  return db.selectFrom("project").select(["code", "region_code"]).where("id", "=", projectId).executeTakeFirstOrThrow();
}

// --- Fees --------------------------------------------------------------------------------------------------------

export function caseForFee(db: Q, caseId: string) {
  return db
    .selectFrom("matter_case as c")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .select(["c.id", "c.department_id", "c.status", "p.code as project_code", "p.region_code", "m.fee_free", "m.name as matter_name"])
    .where("c.id", "=", caseId)
    .executeTakeFirst();
}

export function insertFee(tx: Q, fee: { case_id: string; amount: string; item: string; at: Date; recorded_by: number | null; api_key_id: number | null; recorded_at: Date }) {
  return tx.insertInto("case_fee").values(fee).returning(["id", "amount"]).executeTakeFirstOrThrow();
}
