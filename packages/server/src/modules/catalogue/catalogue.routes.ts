import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../platform/errors.js";
import { requireUser } from "../identity/request-user.js";
import { resolveCode } from "../projects/code-param.js";
import { findInScope } from "../projects/projects.repository.js";
import * as repo from "./catalogue.repository.js";

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/projects/:code/matters",
    {
      config: { access: "projects:read" },
      schema: {
        tags: ["projects"],
        summary: "应办事项 The matters the project was told to handle, each with its state and the guide version told (spec §6)",
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
      const cases = await repo.casesOfProject(db, project.id);
      return {
        code: project.code,
        items: cases.map((c) => ({
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
        })),
      };
    },
  );
};
