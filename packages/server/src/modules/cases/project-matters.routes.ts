import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { cstDate } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import { requireUser } from "../identity/request-user.js";
import { resolveCode } from "../projects/code-param.js";
import { findInScope } from "../projects/projects.repository.js";
import { clockOf, limitsOf, presentClock } from "./case-clock.js";
import * as repo from "./cases.repository.js";

const clockView = z.object({
  statutoryWorkingDays: z.number().nullable(),
  statutoryCalendarDays: z.number().nullable(),
  promisedWorkingDays: z.number(),
  extendedWorkingDays: z.number(),
  limitUnit: z.string(),
  usedWorkingDays: z.number(),
  remainingWorkingDays: z.number(),
  dueDate: z.string().nullable(),
  dueDateUnavailableYear: z.number().nullable(),
  running: z.boolean(),
  phase: z.string(),
  warning: z.enum(["none", "yellow", "red"]),
  overdue: z.boolean(),
  promised: z.unknown(),
});

/** 应办事项 (spec §6): what the project was told, each matter with its case's state and, once accepted, its clock. */
export const projectMattersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/projects/:code/matters",
    {
      config: { access: "projects:read" },
      schema: {
        tags: ["projects"],
        summary: "应办事项 The matters the project was told to handle, each with its state, the guide version told and its clock (spec §6)",
        params: z.object({ code: z.string().trim().min(1).max(64) }),
        response: {
          200: z.object({
            code: z.string(),
            items: z.array(
              z.object({
                caseId: z.string(),
                matterCode: z.string(),
                matterName: z.string(),
                department: z.string(),
                stage: z.string(),
                status: z.string(),
                guideVersion: z.number().nullable(),
                reasons: z.unknown(),
                notifiedAt: z.string(),
                statutoryWorkingDays: z.number().nullable(),
                promisedWorkingDays: z.number(),
                clock: clockView.optional(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const db = app.deps.database.db;
      const project = await findInScope(db, requireUser(request).scope, await resolveCode(db, request.params.code));
      if (!project) throw new DomainError("NOT_FOUND");
      const cases = await repo.toldCasesOfProject(db, project.id);
      const today = cstDate();
      const events = await repo.eventsOfCases(db, cases.filter((c) => c.accepted_at !== null).map((c) => c.id));
      const items = cases.map((c) => {
        const accepted = events.get(c.id);
        const clock = accepted ? presentClock(clockOf(app.deps.calendar, c, accepted, today, app.deps.config.CASE_WARN_WORKING_DAYS), limitsOf(c)) : undefined;
        return {
          caseId: c.id,
          matterCode: c.matter_code,
          matterName: c.matter_name,
          department: c.department,
          stage: c.stage,
          status: c.status,
          guideVersion: c.guide_version,
          reasons: c.reasons,
          notifiedAt: c.notified_at.toISOString(),
          statutoryWorkingDays: c.statutory_working_days,
          promisedWorkingDays: c.promised_working_days,
          ...(clock ? { clock } : {}),
        };
      });
      return { code: project.code, items };
    },
  );
};
