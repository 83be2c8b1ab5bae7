import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import * as drafts from "./drafts.service.js";

const tags = ["projects"];
const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "a draft id") });
/** Any partial declaration (spec §4 body, half-filled): only its shape as a JSON object is checked here. */
const draftData = z.record(z.string(), z.unknown()).describe("the declaration as typed so far (any subset of spec §4)");
const step = z.number().int().min(0).max(50).describe("the wizard step the unit was on");
const draft = z.object({ id: z.string(), step: z.number().int(), data: z.unknown(), createdAt: z.string(), updatedAt: z.string() });
/** A JSON body above this is refused by Fastify before parsing (413); the draft itself is limited to 256 KB. */
const BODY_LIMIT = 512 * 1024;

/**
 * 项目申报草稿 (declaration drafts) of the signed-in project unit. A colleague of the same unit may continue a
 * draft; for anyone else it does not exist (404). Registered under /api/v1.
 */
export const draftsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.post(
    "/project-drafts",
    {
      config: { access: "projects:declare" },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: "新建申报草稿 Save a new declaration draft (not validated against §4)",
        body: z.object({ step: step.default(0), data: draftData }),
        response: { 201: draft },
      },
    },
    async (request, reply) => {
      const saved = await drafts.createDraft(db(), requireUser(request), request.body, actorOf(request));
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/project-drafts",
    {
      config: { access: "projects:declare" },
      schema: {
        tags,
        summary: "申报草稿列表 The unit's declaration drafts, most recently saved first",
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string().nullable().describe("the project name typed so far"),
                step: z.number().int(),
                createdAt: z.string(),
                updatedAt: z.string(),
                updatedBy: z.string().nullable(),
              }),
            ),
            page: z.number().int(),
            pageSize: z.number().int(),
            total: z.number().int(),
          }),
        },
      },
    },
    async (request) => drafts.listDrafts(db(), requireUser(request), request.query),
  );

  app.get(
    "/project-drafts/:id",
    {
      config: { access: "projects:declare" },
      schema: { tags, summary: "申报草稿 One declaration draft of the unit", params: idParam, response: { 200: draft } },
    },
    async (request) => drafts.getDraft(db(), requireUser(request), request.params.id),
  );

  app.put(
    "/project-drafts/:id",
    {
      config: { access: "projects:declare" },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: "保存申报草稿 Overwrite a declaration draft with what was typed (not validated against §4)",
        params: idParam,
        body: z.object({ step, data: draftData }),
        response: { 200: draft },
      },
    },
    async (request) => drafts.saveDraft(db(), requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.delete(
    "/project-drafts/:id",
    {
      config: { access: "projects:declare" },
      schema: { tags, summary: "删除申报草稿 Delete a declaration draft", params: idParam, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await drafts.deleteDraft(db(), requireUser(request), request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
