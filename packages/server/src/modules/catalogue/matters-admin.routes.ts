import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import * as matters from "./matters-admin.service.js";

const tags = ["catalogue"];
const codeParam = z.object({ code: z.string().trim().min(1).max(50) });
const master = {
  name: z.string(),
  departmentId: z.number().int(),
  kind: z.string(),
  stage: z.string(),
  statutoryWorkingDays: z.number().int().nullable(),
  statutoryCalendarDays: z.number().int().nullable(),
  statutorySource: z.string(),
  extendableWorkingDays: z.number().int().nullable(),
  extensionSource: z.string().nullable(),
  promisedWorkingDays: z.number().int(),
  promisedSource: z.string(),
  pauseReasonClasses: z.array(z.string()),
};

/**
 * 事项主数据 (versioned master data of the matter catalogue), kept by the comprehensive management department
 * (`catalogue:manage` and an organisation of kind comprehensive). Registered under /api/v1.
 */
export const mattersAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/catalogue/matters",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "事项清单 Every matter with its current master-data version, published guide and active rule count",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                version: z.number().int(),
                ...master,
                department: z.string(),
                guideVersion: z.number().int().nullable(),
                activeRules: z.number().int(),
                updatedAt: z.string(),
                editable: z.boolean(),
              }),
            ),
            departments: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), regionCode: z.string() })),
          }),
        },
      },
    },
    async (request) => matters.listMatters(db(), requireUser(request)),
  );

  app.get(
    "/catalogue/matters/:code/versions",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "事项版本 Every master-data version of a matter, newest first, with who changed it, when and why",
        params: codeParam,
        response: {
          200: z.object({
            code: z.string(),
            items: z.array(z.object({ version: z.number().int(), changedAt: z.string(), changedBy: z.string().nullable(), reason: z.string(), department: z.string(), ...master })),
          }),
        },
      },
    },
    async (request) => matters.listMatterVersions(db(), requireUser(request), request.params.code),
  );

  app.put(
    "/catalogue/matters/:code",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "修改事项主数据 Change a matter's master data with a reason: a new version, the old one kept",
        params: codeParam,
        body: matters.matterBodySchema,
        response: { 200: z.object({ code: z.string(), version: z.number().int(), changedFields: z.array(z.string()) }) },
      },
    },
    async (request) => matters.changeMatter(db(), requireUser(request), request.params.code, request.body, actorOf(request)),
  );
};
