import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import * as guides from "./guides.service.js";

const tags = ["catalogue"];
const status = z.enum(["draft", "submitted", "published", "superseded"]);
const matterParam = z.object({ code: z.string().trim().min(1).max(32) });
const idParam = z.object({ id: z.coerce.number().int().positive() });
const guide = z.object({
  id: z.number().int(),
  matterCode: z.string(),
  version: z.number().int(),
  status,
  content: z.unknown(),
  materials: z.unknown(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
const ok = z.object({ id: z.number().int(), status });

/**
 * 办事指南管理 (service guides of the caller's department, Art. 8). Registered under /api/v1. A matter or guide of
 * another department does not exist for the caller (404); publishing and returning need `guides:publish`.
 */
export const guidesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/matters",
    {
      config: { access: "guides:edit" },
      schema: {
        tags,
        summary: "本部门事项 The department's matters with their published and in-progress guide versions",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                stage: z.string(),
                published: z.object({ id: z.number().int(), version: z.number().int() }).nullable(),
                working: z.object({ id: z.number().int(), version: z.number().int(), status }).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await guides.listDepartmentMatters(db(), requireUser(request)) }),
  );

  app.get(
    "/matters/:code/guides",
    {
      config: { access: "guides:edit" },
      schema: {
        tags,
        summary: "办事指南版本 The versions of a matter's service guide, newest first",
        params: matterParam,
        response: { 200: z.object({ matter: z.object({ code: z.string(), name: z.string() }), items: z.array(guide) }) },
      },
    },
    async (request) => guides.listGuides(db(), requireUser(request), request.params.code),
  );

  app.post(
    "/matters/:code/guides",
    {
      config: { access: "guides:edit" },
      schema: {
        tags,
        summary: "新建办事指南草稿 Open a new draft version, a copy of the latest version (409 if one is in progress)",
        params: matterParam,
        response: { 201: guide },
      },
    },
    async (request, reply) => reply.status(201).send(await guides.openDraft(db(), requireUser(request), request.params.code, actorOf(request))),
  );

  app.put(
    "/guides/:id",
    {
      config: { access: "guides:edit" },
      schema: {
        tags,
        summary: "保存办事指南草稿 Save a draft's eight elements (Art. 8) and material list; only drafts",
        params: idParam,
        body: guides.guideBodySchema,
        response: { 200: ok },
      },
    },
    async (request) => {
      await guides.saveDraft(db(), requireUser(request), request.params.id, request.body, actorOf(request));
      return { id: request.params.id, status: "draft" as const };
    },
  );

  app.delete(
    "/guides/:id",
    {
      config: { access: "guides:edit" },
      schema: { tags, summary: "删除办事指南草稿 Discard a draft version (only drafts; submitted and published versions are kept)", params: idParam, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await guides.discardDraft(db(), requireUser(request), request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/guides/:id/submit",
    { config: { access: "guides:edit" }, schema: { tags, summary: "提交办事指南 Submit a draft for publication", params: idParam, response: { 200: ok } } },
    async (request) => {
      await guides.submit(db(), requireUser(request), request.params.id, actorOf(request));
      return { id: request.params.id, status: "submitted" as const };
    },
  );

  app.post(
    "/guides/:id/return",
    {
      config: { access: "guides:publish" },
      schema: {
        tags,
        summary: "退回办事指南 Return a submitted version to draft, with a reason",
        params: idParam,
        body: z.object({ reason: z.string().trim().min(1).max(500) }),
        response: { 200: ok },
      },
    },
    async (request) => {
      await guides.returnToDraft(db(), requireUser(request), request.params.id, request.body.reason, actorOf(request));
      return { id: request.params.id, status: "draft" as const };
    },
  );

  app.post(
    "/guides/:id/publish",
    {
      config: { access: "guides:publish" },
      schema: {
        tags,
        summary: "发布办事指南 Publish a submitted version; the version published before is superseded",
        params: idParam,
        response: { 200: ok.extend({ version: z.number().int(), supersededVersion: z.number().int().nullable() }) },
      },
    },
    async (request) => {
      const r = await guides.publish(db(), requireUser(request), request.params.id, actorOf(request));
      return { id: request.params.id, status: "published" as const, ...r };
    },
  );
};
