import { type CaseStatus, allowedCaseEvents } from "@tzxm/shared";
import { cstDate } from "../../platform/clock.js";
import { MATTER_STAGES } from "../catalogue/catalogue-seed.js";
import type { AuthUser } from "../identity/request-user.js";
import { resolveCode } from "../projects/code-param.js";
import { findInScope } from "../projects/projects.repository.js";
import { clockOf, limitsOf, presentClock } from "./case-clock.js";
import * as repo from "./cases.repository.js";
import { type CasesContext, userRoleOnCase } from "./cases.service.js";
import { groupBy } from "../../platform/group-by.js";

/** One row of a queue or of the parallel view: the case, its clock computed now, the steps the viewer may take. */
function summarise(ctx: CasesContext, c: repo.CaseRow, events: repo.CaseEventRow[], viewer: AuthUser, today: string) {
  const clock = presentClock(clockOf(ctx.calendar, c, events, today, ctx.warnDays), limitsOf(c));
  const role = userRoleOnCase(viewer, c);
  return {
    caseId: c.id,
    projectCode: c.project_code,
    projectName: c.project_name,
    matterCode: c.matter_code,
    matterName: c.matter_name,
    stage: c.stage,
    department: c.department,
    status: c.status,
    result: c.result,
    documentNumber: c.document_number,
    document: c.document_sm3 && c.document_file_name ? { fileName: c.document_file_name, size: c.document_size, sm3: c.document_sm3 } : null,
    lastStepAt: c.last_step_at?.toISOString() ?? null,
    clock,
    allowedSteps: role ? allowedCaseEvents(c.status as CaseStatus, role) : [],
  };
}

export async function departmentCaseQueue(ctx: CasesContext, user: AuthUser, filter: repo.QueueFilter) {
  const { total, items } = await repo.departmentQueue(ctx.db, user.organisation.id, filter);
  const events = await repo.eventsOfCases(ctx.db, items.map((c) => c.id));
  const today = cstDate();
  return { total, items: items.map((c) => summarise(ctx, c, events.get(c.id) ?? [], user, today)) };
}

export async function departmentCaseWorkload(ctx: CasesContext, user: AuthUser) {
  const rows = await repo.departmentWorkload(ctx.db, user.organisation.id);
  return { department: user.organisation.name, items: rows.map((r) => ({ status: r.status, warning: r.warning, count: Number(r.n) })) };
}

/** 并联审批 view: every case of the project, side by side, grouped by stage (in stage order). */
export async function projectCases(ctx: CasesContext, user: AuthUser, codeInput: string) {
  const project = await findInScope(ctx.db, user.scope, await resolveCode(ctx.db, codeInput));
  if (!project) return null;
  const cases = await repo.casesOfProjectInScope(ctx.db, user.scope, project.code);
  const order = Object.keys(MATTER_STAGES);
  const events = await repo.eventsOfCases(ctx.db, cases.map((c) => c.id));
  const today = cstDate();
  const stages = groupBy(cases, (c) => c.stage, (c) => summarise(ctx, c, events.get(c.id) ?? [], user, today));
  return {
    code: project.code,
    stages: [...stages.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([stage, items]) => ({ stage, items })),
  };
}
