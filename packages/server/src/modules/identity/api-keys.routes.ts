import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { API_KEY_SCOPES, createApiKey, listApiKeys, revokeApiKey } from "./api-keys.service.js";
import { actorOf, requireUser } from "./request-user.js";

export const apiKeysRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api-keys",
    { config: { access: "users:read" }, schema: { tags: ["identity"], summary: "接口密钥 API keys of departments' systems (never the keys themselves)" } },
    async () => ({
      items: (await listApiKeys(app.deps.database.db)).map((k) => ({
        id: k.id,
        name: k.name,
        organisationId: k.organisation_id,
        organisation: k.organisation_name,
        scopes: k.scopes,
        prefix: k.key_prefix,
        createdAt: k.created_at.toISOString(),
        revokedAt: k.revoked_at?.toISOString() ?? null,
        lastUsedAt: k.last_used_at?.toISOString() ?? null,
      })),
    }),
  );

  app.post(
    "/api-keys",
    {
      config: { access: "users:manage" },
      schema: {
        tags: ["identity"],
        summary: "Issue an API key to a department's business system; the key is shown only in this answer",
        body: z.object({ name: z.string().trim().min(1).max(100), organisationId: z.number().int().positive(), scopes: z.array(z.enum(API_KEY_SCOPES)).min(1) }),
      },
    },
    async (request, reply) => reply.code(201).send(await createApiKey(app.deps.database.db, request.body, requireUser(request).id, actorOf(request))),
  );

  app.post(
    "/api-keys/:id/revoke",
    { config: { access: "users:manage" }, schema: { tags: ["identity"], summary: "Revoke an API key", params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (request, reply) => {
      await revokeApiKey(app.deps.database.db, request.params.id, actorOf(request));
      return reply.code(204).send();
    },
  );
};
