import { type Kysely, sql } from "kysely";
import { type DataScope, inScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";

/**
 * The dashboards' and performance's queries (监管驾驶舱, 绩效). Two scopes: `projects` (the viewer's own data scope:
 * projects of their region) and `cases` (supervisionScope: the region, or one department's cases only).
 */
type Q = Kysely<DB>;

/** Case data in scope: the project's region, and the handling department when the viewer is one department. */
const CASE_SCOPE = { region: "p.region_code", organisation: "c.department_id" } as const;

function casesWithSteps(db: Q) {
  return db
    .selectFrom("case_event as e")
    .innerJoin("matter_case as c", "c.id", "e.case_id")
    .innerJoin("project as p", "p.id", "c.project_id")
    .innerJoin("organisation as d", "d.id", "c.department_id");
}

// --- 绩效 -------------------------------------------------------------------------------------------------------

/** Cases completed in [from, to) with their limits (as fixed at acceptance) and steps. */
export async function completedBetween(db: Q, scope: DataScope, from: string, to: string) {
  const cases = await inScope(casesWithSteps(db), scope, CASE_SCOPE)
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .select([
      "c.id", "c.department_id", "d.name as department", "c.statutory_days", "c.statutory_unit", "c.promised_days",
      "m.statutory_working_days", "m.statutory_calendar_days", "m.promised_working_days",
    ])
    .where("e.type", "=", "complete")
    .where("e.on_date", ">=", from)
    .where("e.on_date", "<", to)
    .execute();
  if (cases.length === 0) return { cases, events: [] };
  const events = await db
    .selectFrom("case_event")
    .select(["case_id", "type", "on_date", "status_after", "body"])
    .where(
      "case_id",
      "in",
      cases.map((c) => c.id),
    )
    .orderBy("case_id")
    .orderBy("seq")
    .execute();
  return { cases, events };
}

/** Acceptances dated in [from, to), per department. */
export function acceptedBetween(db: Q, scope: DataScope, from: string, to: string) {
  return inScope(casesWithSteps(db), scope, CASE_SCOPE)
    .select(["c.department_id", "d.name as department", (eb) => eb.fn.countAll<number>().as("n")])
    .where("e.type", "=", "accept")
    .where("e.on_date", ">=", from)
    .where("e.on_date", "<", to)
    .groupBy(["c.department_id", "d.name"])
    .execute();
}

/** Cards raised in [from, to). */
export function cardsBetween(db: Q, scope: DataScope, from: string, to: string) {
  return inScope(
    db.selectFrom("supervision_card as k").innerJoin("organisation as d", "d.id", "k.department_id"),
    scope,
    { region: "k.region_code", organisation: "k.department_id" },
  )
    .select(["k.department_id", "d.name as department", "k.level"])
    .where("k.raised_on", ">=", from)
    .where("k.raised_on", "<", to)
    .execute();
}

function rectifications(db: Q, scope: DataScope) {
  return inScope(
    db.selectFrom("rectification_order as r").innerJoin("project as p", "p.id", "r.project_id").innerJoin("organisation as d", "d.id", "r.organisation_id"),
    scope,
    { region: "p.region_code", organisation: "r.organisation_id" },
  );
}

/** Rectification orders (helper G's 0017) closed in [from, to), per issuing department. */
export function rectificationsClosedBetween(db: Q, scope: DataScope, from: string, to: string) {
  return rectifications(db, scope)
    .select(["r.organisation_id as department_id", "d.name as department", (eb) => eb.fn.countAll<number>().as("n")])
    .where("r.status", "=", "closed")
    .where("r.closed_on", ">=", from)
    .where("r.closed_on", "<", to)
    .groupBy(["r.organisation_id", "d.name"])
    .execute();
}

// --- 监管驾驶舱 ---------------------------------------------------------------------------------------------------

const investment = sql<string>`coalesce(sum(nullif(v.data->>'totalInvestment', '')::numeric), 0)`;

function projects(db: Q, scope: DataScope) {
  return inScope(
    db.selectFrom("project as p").innerJoin("project_version as v", (j) => j.onRef("v.project_id", "=", "p.id").onRef("v.version", "=", "p.current_version")),
    scope,
    { region: "p.region_code", organisation: "p.unit_organisation_id" },
  );
}

/** Projects and investment (万元) by prefecture-level region (地市), industry section (门类), category and status. */
export async function projectFigures(db: Q, scope: DataScope) {
  const prefecture = sql<string>`case when p.region_code = '100000' then '100000' else left(p.region_code, 4) || '00' end`;
  const byRegion = await db
    .selectFrom(projects(db, scope).select([prefecture.as("code"), (eb) => eb.fn.countAll<number>().as("n"), investment.as("investment")]).groupBy(prefecture).as("x"))
    .leftJoin("region as r", "r.code", "x.code")
    .select(["x.code", "r.name", "x.n", "x.investment"])
    .orderBy("x.code")
    .execute();
  const section = sql<string>`coalesce(i.parent_code, i.code, '?')`;
  const byIndustry = await db
    .selectFrom(
      projects(db, scope)
        .leftJoin("industry as i", (j) => j.on(sql<boolean>`i.code = left(v.data->>'industryCode', 2)`))
        .select([section.as("code"), (eb) => eb.fn.countAll<number>().as("n"), investment.as("investment")])
        .groupBy(section)
        .as("x"),
    )
    .leftJoin("industry as s", "s.code", "x.code")
    .select(["x.code", "s.name", "x.n", "x.investment"])
    .orderBy("x.code")
    .execute();
  const byCategory = await projects(db, scope).select(["p.approval_category as code", (eb) => eb.fn.countAll<number>().as("n"), investment.as("investment")]).groupBy("p.approval_category").orderBy("p.approval_category").execute();
  const byStatus = await projects(db, scope).select(["p.status as code", (eb) => eb.fn.countAll<number>().as("n"), investment.as("investment")]).groupBy("p.status").orderBy("p.status").execute();
  return { byRegion, byIndustry, byCategory, byStatus };
}

/** Acceptances and completions per month from `from` (a month's first day). */
export function throughputSince(db: Q, scope: DataScope, from: string) {
  const month = sql<string>`to_char(e.on_date, 'YYYY-MM')`;
  return inScope(casesWithSteps(db), scope, CASE_SCOPE)
    .select([month.as("month"), "e.type", (eb) => eb.fn.countAll<number>().as("n")])
    .where("e.type", "in", ["accept", "complete"])
    .where("e.on_date", ">=", from)
    .groupBy([month, "e.type"])
    .execute();
}

/**
 * Per department since `from`: acceptances, completions, and completions on time. On time reads the clock's answer
 * stored by the completing step (a completed case is `red` exactly when it was completed after its limit).
 */
export function departmentThroughputSince(db: Q, scope: DataScope, from: string) {
  return inScope(casesWithSteps(db), scope, CASE_SCOPE)
    .select([
      "c.department_id",
      "d.name as department",
      sql<number>`count(*) filter (where e.type = 'accept')`.as("accepted"),
      sql<number>`count(*) filter (where e.type = 'complete')`.as("completed"),
      sql<number>`count(*) filter (where e.type = 'complete' and c.warning <> 'red')`.as("on_time"),
    ])
    .where("e.type", "in", ["accept", "complete"])
    .where("e.on_date", ">=", from)
    .groupBy(["c.department_id", "d.name"])
    .orderBy("d.name")
    .execute();
}

/** Open cases (accepted or paused) by warning. */
export function openWarnings(db: Q, scope: DataScope) {
  return inScope(db.selectFrom("matter_case as c").innerJoin("project as p", "p.id", "c.project_id"), scope, CASE_SCOPE)
    .select(["c.warning", (eb) => eb.fn.countAll<number>().as("n")])
    .where("c.status", "in", ["accepted", "paused"])
    .groupBy("c.warning")
    .execute();
}

/** Cards not yet closed, by level. */
export function openCards(db: Q, scope: DataScope) {
  return inScope(db.selectFrom("supervision_card as k"), scope, { region: "k.region_code", organisation: "k.department_id" })
    .select(["k.level", (eb) => eb.fn.countAll<number>().as("n")])
    .where("k.status", "in", ["open", "acknowledged"])
    .groupBy("k.level")
    .execute();
}

/** Rectification orders not yet closed, and how many of them are past their deadline. */
export function openRectifications(db: Q, scope: DataScope, today: string) {
  return rectifications(db, scope)
    .select([(eb) => eb.fn.countAll<number>().as("n"), sql<number>`count(*) filter (where r.deadline < ${today})`.as("overdue")])
    .where("r.status", "in", ["open", "submitted"])
    .executeTakeFirstOrThrow();
}
