import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import * as intermediaries from "./intermediaries.service.js";

const tags = ["portal-content"];
const idParam = z.object({ id: z.coerce.number().int().positive() });
const publicItem = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  qualifications: z.array(intermediaries.qualificationSchema),
  services: z.array(intermediaries.serviceSchema),
  contactName: z.string(),
  contactPhone: z.string(),
  address: z.string(),
  updatedAt: z.string(),
});
const item = publicItem.extend({
  organisationId: z.number().int().nullable(),
  status: z.enum(["active", "suspended"]),
  suspendedReason: z.string().nullable(),
});
const page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };
const pageOf = <T extends z.ZodTypeAny>(t: T) => z.object({ items: z.array(t), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
const filters = {
  q: z.string().trim().max(100).optional().describe("part of the name or the credit code"),
  service: z.string().trim().max(100).optional().describe("part of a service's name, e.g. 环境影响评价"),
  region: z.string().trim().regex(/^\d{6}$/).optional().describe("a region code: that region and everything inside it"),
};

/**
 * 中介机构名录管理 (the back office of the intermediary directory). Registered under /api/v1. Any department may
 * read the registrations in its data scope; only the comprehensive management department registers and changes them.
 */
export const intermediariesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/intermediaries",
    {
      config: { access: "content:manage" },
      schema: {
        tags,
        summary: "中介机构名录 Registered intermediaries in the caller's data scope, by name",
        querystring: z.object({ ...filters, status: z.enum(["active", "suspended"]).optional(), ...page }),
        response: { 200: pageOf(item) },
      },
    },
    async (request) => {
      const { region, ...f } = request.query;
      return intermediaries.listForStaff(db(), requireUser(request), { ...f, regionPrefix: region });
    },
  );

  app.get(
    "/intermediaries/:id",
    { config: { access: "content:manage" }, schema: { tags, summary: "中介机构 One registration", params: idParam, response: { 200: item } } },
    async (request) => intermediaries.getForStaff(db(), requireUser(request), request.params.id),
  );

  app.post(
    "/intermediaries",
    {
      config: { access: "content:manage" },
      schema: {
        tags,
        summary: "登记中介机构 Register an intermediary (comprehensive management department only)",
        body: intermediaries.intermediaryBodySchema,
        response: { 201: item },
      },
    },
    async (request, reply) => reply.status(201).send(await intermediaries.register(db(), requireUser(request), request.body, actorOf(request))),
  );

  app.put(
    "/intermediaries/:id",
    {
      config: { access: "content:manage" },
      schema: { tags, summary: "修改中介机构 Change a registration", params: idParam, body: intermediaries.intermediaryBodySchema, response: { 200: item } },
    },
    async (request) => intermediaries.update(db(), requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    "/intermediaries/:id/suspend",
    {
      config: { access: "content:manage" },
      schema: {
        tags,
        summary: "暂停中介机构 Take a registration off the public directory, with a reason",
        params: idParam,
        body: z.object({ reason: z.string().trim().min(1).max(500) }),
        response: { 200: item },
      },
    },
    async (request) => intermediaries.setStatus(db(), requireUser(request), request.params.id, "suspended", request.body.reason, actorOf(request)),
  );

  app.post(
    "/intermediaries/:id/reactivate",
    { config: { access: "content:manage" }, schema: { tags, summary: "恢复中介机构 Put a suspended registration back", params: idParam, response: { 200: item } } },
    async (request) => intermediaries.setStatus(db(), requireUser(request), request.params.id, "active", null, actorOf(request)),
  );
};

/** 中介服务 on the portal: active registrations only. Registered under /api/v1. */
export const publicIntermediariesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/public/intermediaries",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "中介服务 The directory of active intermediaries, by name, service and region",
        querystring: z.object({ ...filters, ...page }),
        response: { 200: pageOf(publicItem) },
      },
    },
    async (request) => intermediaries.listPublic(db(), request.query),
  );

  app.get(
    "/public/intermediaries/:id",
    {
      config: { access: "public" },
      schema: { tags, summary: "中介机构 An active registration (404 when suspended)", params: idParam, response: { 200: publicItem } },
    },
    async (request) => intermediaries.getPublic(db(), request.params.id),
  );
};
