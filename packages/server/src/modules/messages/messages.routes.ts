import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { now } from "../../platform/clock.js";
import { recordAudit } from "../audit/audit.service.js";
import { actorOf, requireUser } from "../identity/request-user.js";
import { messageLink } from "./message-link.js";
import * as repo from "./messages.repository.js";

/**
 * 站内消息: what the platform tells a user (case steps told to the unit, Art. 14(3); warnings to officers and
 * leaders, Art. 15). Reading one is not a business change, so it is not audited.
 */
export const messagesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/messages",
    {
      config: { access: "profile:read" },
      schema: {
        tags: ["messages"],
        summary: "站内消息 The signed-in user's messages, newest first",
        querystring: z.object({ unread: z.enum(["true", "false"]).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      },
    },
    async (request) => {
      const u = requireUser(request);
      const [items, unread] = await Promise.all([
        repo.messagesFor(app.deps.database.db, u.id, u.organisation.id, request.query.limit, request.query.unread === "true"),
        repo.countUnread(app.deps.database.db, u.id, u.organisation.id),
      ]);
      return {
        unread: Number(unread.n),
        items: items.map((m) => ({ id: m.id, kind: m.kind, subject: m.subject, title: m.title, titleEn: m.title_en, body: m.body, bodyEn: m.body_en, createdAt: m.created_at.toISOString(), readAt: m.read_at?.toISOString() ?? null, link: messageLink(m.kind, m.subject, u) })),
      };
    },
  );

  app.get(
    "/account/email",
    { config: { access: "profile:read" }, schema: { tags: ["messages"], summary: "The address notices are mailed to (when the platform has a mail server)" } },
    async (request) => {
      const u = requireUser(request);
      const row = await app.deps.database.db.selectFrom("app_user").select("email").where("id", "=", u.id).executeTakeFirstOrThrow();
      return { email: row.email, mailEnabled: app.deps.config.SMTP_URL !== undefined };
    },
  );

  app.put(
    "/account/email",
    {
      config: { access: "profile:read" },
      schema: {
        tags: ["messages"],
        summary: "Set or clear one's own address for notices (warnings are mailed to it when SMTP is configured)",
        body: z.object({ email: z.email("电子邮箱格式不正确 (not an e-mail address)").max(254).nullable() }),
      },
    },
    async (request, reply) => {
      const u = requireUser(request);
      const email = request.body.email;
      await app.deps.database.db.transaction().execute(async (tx) => {
        await tx.updateTable("app_user").set({ email }).where("id", "=", u.id).execute();
        await recordAudit(tx, { type: "user.email_changed", actor: actorOf(request), subject: u.username, payload: { cleared: email === null } });
      });
      return reply.code(204).send();
    },
  );

  app.post(
    "/messages/:id/read",
    {
      config: { access: "profile:read" },
      schema: { tags: ["messages"], summary: "Mark a message read", params: z.object({ id: z.coerce.number().int().positive() }) },
    },
    async (request, reply) => {
      const u = requireUser(request);
      await repo.markRead(app.deps.database.db, request.params.id, u.id, u.organisation.id, now());
      return reply.code(204).send();
    },
  );
};
