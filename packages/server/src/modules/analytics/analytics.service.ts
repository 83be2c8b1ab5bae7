import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { cstDate } from "../../platform/clock.js";
import type { AuthUser } from "../identity/request-user.js";
import { limitsOf } from "../cases/case-clock.js";
import type { CalendarLike } from "../cases/working-day-clock.js";
import { supervisionScope } from "../e-supervision/e-supervision.service.js";
import { type CompletedCase, computePerformance, monthRange, type StepRow } from "../e-supervision/performance.js";
import * as repo from "./analytics.repository.js";
import { groupBy } from "../../platform/group-by.js";

/** 绩效 of one month (Art. 7), department by department with the ranking. */
export async function performance(db: Kysely<DB>, calendar: CalendarLike, user: AuthUser, month: string) {
  const scope = supervisionScope(user);
  const { from, to } = monthRange(month);
  const { cases, events } = await repo.completedBetween(db, scope, from, to);
  const stepsOf: Map<string, StepRow[]> = groupBy(events, (e) => e.case_id);
  const completed: CompletedCase[] = cases.map((c) => ({ caseId: c.id, departmentId: c.department_id, department: c.department, limits: limitsOf(c), steps: stepsOf.get(c.id) ?? [] }));
  const accepted = await repo.acceptedBetween(db, scope, from, to);
  const cards = await repo.cardsBetween(db, scope, from, to);
  const rectifications = await repo.rectificationsClosedBetween(db, scope, from, to);
  const items = computePerformance(calendar, {
    month,
    completed,
    accepted: accepted.map((a) => ({ departmentId: a.department_id, department: a.department, count: Number(a.n) })),
    cards: cards.map((k) => ({ departmentId: k.department_id, department: k.department, level: k.level })),
    rectificationsClosed: rectifications.map((r) => ({ departmentId: r.department_id, department: r.department, count: Number(r.n) })),
  });
  return { month, items };
}

/** The first day of the month `back` months before today's (CST). */
function monthsBack(today: string, back: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

const figure = (rows: { code: string | null; name?: string | null; n: number | string; investment: string | number }[]) =>
  rows.map((r) => ({ code: r.code ?? "", ...(r.name !== undefined ? { name: r.name ?? r.code ?? "" } : {}), projects: Number(r.n), investment: Number(r.investment) }));

/** 监管驾驶舱: projects and investment, throughput and on-time rates, warnings, cards and open rectifications. */
export async function overview(db: Kysely<DB>, user: AuthUser, months: number) {
  const today = cstDate();
  const from = monthsBack(today, months - 1);
  const caseScope = supervisionScope(user);
  const projects = await repo.projectFigures(db, user.scope);
  const throughput = await repo.throughputSince(db, caseScope, from);
  const departments = await repo.departmentThroughputSince(db, caseScope, from);
  const warnings = await repo.openWarnings(db, caseScope);
  const cards = await repo.openCards(db, caseScope);
  const rectifications = await repo.openRectifications(db, caseScope, today);
  const monthsList = Array.from({ length: months }, (_, i) => monthsBack(today, months - 1 - i).slice(0, 7));
  const count = (month: string, type: string) => Number(throughput.find((t) => t.month === month && t.type === type)?.n ?? 0);
  const countWhere = <R extends { n: number | string }>(rows: R[], pick: (r: R) => boolean) => Number(rows.find(pick)?.n ?? 0);
  return {
    today,
    from,
    projects: {
      total: { projects: projects.byStatus.reduce((s, r) => s + Number(r.n), 0), investment: projects.byStatus.reduce((s, r) => s + Number(r.investment), 0) },
      byRegion: figure(projects.byRegion),
      byIndustry: figure(projects.byIndustry),
      byCategory: figure(projects.byCategory),
      byStatus: figure(projects.byStatus),
    },
    throughput: monthsList.map((month) => ({ month, accepted: count(month, "accept"), completed: count(month, "complete") })),
    departments: departments.map((d) => ({
      departmentId: d.department_id,
      department: d.department,
      accepted: Number(d.accepted),
      completed: Number(d.completed),
      onTime: Number(d.on_time),
      onTimeRate: Number(d.completed) > 0 ? Math.round((Number(d.on_time) / Number(d.completed)) * 10_000) / 10_000 : null,
    })),
    warnings: { yellow: countWhere(warnings, (r) => r.warning === "yellow"), red: countWhere(warnings, (r) => r.warning === "red") },
    cards: { yellow: countWhere(cards, (r) => r.level === "yellow"), red: countWhere(cards, (r) => r.level === "red") },
    rectifications: { open: Number(rectifications.n), overdue: Number(rectifications.overdue) },
  };
}
