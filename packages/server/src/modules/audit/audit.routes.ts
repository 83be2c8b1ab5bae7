import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import { recordAudit } from "./audit.service.js";
import { listAuditEvents, verifyChain } from "./audit.service.js";

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit/events",
    {
      config: { access: "audit:read" },
      schema: {
        tags: ["audit"],
        summary: "审计日志 Audit events within the caller's data scope, newest first",
        querystring: pageQuery.extend({ type: z.string().max(64).optional(), subject: z.string().max(128).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number(),
                occurredAt: z.string(),
                type: z.string(),
                actorLabel: z.string(),
                subject: z.string().optional(),
                payload: z.unknown(),
                requestId: z.string().optional(),
                sealed: z.boolean(),
              }),
            ),
            page: z.number(),
            pageSize: z.number(),
            total: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { page, pageSize, type, subject } = request.query;
      const { items, total } = await listAuditEvents(app.deps.database.db, user.scope, { page, pageSize, type, subject });
      return {
        items: items.map((e) => ({
          seq: e.seq,
          occurredAt: e.occurred_at.toISOString(),
          type: e.type,
          actorLabel: e.actor_label,
          ...(e.subject ? { subject: e.subject } : {}),
          payload: e.payload,
          ...(e.request_id ? { requestId: e.request_id } : {}),
          sealed: e.position !== null,
        })),
        page,
        pageSize,
        total,
      };
    },
  );

  app.post(
    "/audit/verify",
    {
      config: { access: "audit:verify" },
      schema: {
        tags: ["audit"],
        summary: "校验审计链 Recompute the SM3 hash chain and name the first altered, removed or inserted event",
        response: {
          200: z.object({
            ok: z.boolean(),
            checkedEvents: z.number(),
            sealedThrough: z.number(),
            unsealed: z.number(),
            problem: z
              .object({ seq: z.number(), kind: z.string(), message: z.string(), messageEn: z.string() })
              .optional(),
          }),
        },
      },
    },
    async (request) => {
      const db = app.deps.database.db;
      const result = await verifyChain(db);
      await db.transaction().execute((tx) =>
        recordAudit(tx, {
          type: "audit.chain_verified",
          actor: actorOf(request),
          payload: { ok: result.ok, checkedEvents: result.checkedEvents, ...(result.problem ? { problemSeq: result.problem.seq } : {}) },
        }),
      );
      return result;
    },
  );
};
