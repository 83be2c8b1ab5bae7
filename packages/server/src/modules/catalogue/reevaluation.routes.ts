import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import * as reevaluation from "./reevaluation.service.js";

const tags = ["projects"];
const codeParam = z.object({ code: z.string().trim().min(1).max(64) });
const reasons = z.object({ zh: z.array(z.string()), en: z.array(z.string()) });

/** 重新评估应办事项: the difference a rule or guide change makes to a project, and applying it (audited). */
export const reevaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/projects/:code/matters/reevaluation",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "应办事项差异 What the current rules and guides say beside what the project was told; changes nothing",
        params: codeParam,
        response: {
          200: z.object({
            code: z.string(),
            closed: z.boolean(),
            added: z.array(
              z.object({
                matterCode: z.string(),
                matterName: z.string(),
                department: z.string(),
                matterVersion: z.number().int(),
                guideId: z.number().int().nullable(),
                guideVersion: z.number().int().nullable(),
                reasons,
                decidedByRegion: z.string().nullable(),
              }),
            ),
            notRequired: z.array(z.object({ caseId: z.string(), matterCode: z.string(), matterName: z.string(), status: z.string(), withdrawable: z.boolean(), reasons })),
            updated: z.array(
              z.object({
                caseId: z.string(),
                matterCode: z.string(),
                matterName: z.string(),
                status: z.string(),
                toldMatterVersion: z.number().int(),
                currentMatterVersion: z.number().int(),
                toldGuideVersion: z.number().int().nullable(),
                currentGuideVersion: z.number().int().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => reevaluation.showReevaluation(db(), requireUser(request), request.params.code),
  );

  app.post(
    "/projects/:code/matters/reevaluate",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "重新评估应办事项 Tell the project the matters now required and withdraw those no longer required that have not started, with a reason",
        params: codeParam,
        body: z.object({ reason: z.string().trim().min(1).max(500) }),
        response: {
          200: z.object({
            code: z.string(),
            added: z.array(z.object({ matterCode: z.string(), caseId: z.string(), matterVersion: z.number().int(), guideVersion: z.number().int().nullable() })),
            withdrawn: z.array(z.object({ matterCode: z.string(), caseId: z.string() })),
            keptNotRequired: z.array(z.object({ matterCode: z.string(), caseId: z.string(), status: z.string() })),
          }),
        },
      },
    },
    async (request) => reevaluation.reevaluate(db(), requireUser(request), request.params.code, request.body.reason, actorOf(request)),
  );
};
