import { ROLES } from "@tzxm/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkDatabase } from "../../db/database.js";
import { now } from "../../platform/clock.js";
import { countUnsealedEvents } from "../audit/audit.service.js";
import * as identityRepo from "../identity/identity.repository.js";
import { requireUser } from "../identity/request-user.js";

const startedAt = Date.now();

export const opsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["ops"],
        summary: "健康检查 Health (spec §3): 200 ok, or 503 naming the failing part",
        response: {
          200: z.object({ status: z.literal("ok"), database: z.literal("ok"), version: z.string() }),
          503: z.object({ status: z.literal("error"), database: z.enum(["ok", "error"]), version: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      const ok = await checkDatabase(app.deps.database);
      if (ok) return { status: "ok" as const, database: "ok" as const, version: app.deps.version };
      return reply.status(503).send({ status: "error" as const, database: "error" as const, version: app.deps.version });
    },
  );

  app.get(
    "/api/openapi.json",
    { config: { access: "public" }, schema: { hide: true } },
    async () => app.swagger(),
  );

  app.get(
    "/api/v1/platform",
    {
      config: { access: "public" },
      schema: {
        tags: ["ops"],
        summary: "平台信息 Which platform this is (level, region, demo mode)",
        response: {
          200: z.object({
            name: z.string(),
            level: z.enum(["central", "provincial"]),
            regionCode: z.string(),
            regionName: z.string(),
            demoMode: z.boolean(),
            version: z.string(),
          }),
        },
      },
    },
    async () => {
      const { config } = app.deps;
      const region = await identityRepo.regionName(app.deps.database.db, config.PLATFORM_REGION);
      return {
        name: config.PLATFORM_NAME,
        level: config.PLATFORM_LEVEL,
        regionCode: config.PLATFORM_REGION,
        regionName: region?.name ?? (config.PLATFORM_REGION === "100000" ? "全国" : config.PLATFORM_REGION),
        demoMode: config.DEMO_MODE,
        version: app.deps.version,
      };
    },
  );

  app.get(
    "/api/v1/ops/overview",
    {
      config: { access: "ops:read" },
      schema: {
        tags: ["ops"],
        summary: "运行概况 Operations overview for the operations administrator",
        response: {
          200: z.object({
            uptimeSeconds: z.number(),
            database: z.object({ kind: z.enum(["pglite", "postgres"]), ok: z.boolean() }),
            auditBacklog: z.number(),
            sessionsActive: z.number(),
            usersByRole: z.record(z.enum(ROLES), z.number()),
          }),
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const db = app.deps.database.db;
      const [ok, backlog, sessions, byRole] = await Promise.all([
        checkDatabase(app.deps.database),
        countUnsealedEvents(db),
        identityRepo.countActiveSessions(db, now()),
        identityRepo.countUsersByRole(db, user.scope),
      ]);
      const usersByRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<(typeof ROLES)[number], number>;
      for (const row of byRole) usersByRole[row.role] = Number(row.n);
      return {
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        database: { kind: app.deps.database.kind, ok },
        auditBacklog: backlog,
        sessionsActive: Number(sessions.n),
        usersByRole,
      };
    },
  );
};

