import { PERMISSIONS, ROLES } from "@tzxm/shared";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../platform/errors.js";
import { SESSION_COOKIE } from "./authenticate.js";
import * as repo from "./identity.repository.js";
import { changePassword, confirmSecondFactor, login, logout, setupSecondFactor } from "./identity.service.js";
import { type AuthUser, actorOf, requireUser } from "./request-user.js";
import { createOrganisation } from "./organisations.service.js";
import { createUser, unlockUser } from "./users.service.js";

const sessionUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  permissions: z.array(z.enum(PERMISSIONS)),
  organisation: z.object({ id: z.number(), name: z.string(), kind: z.string(), regionCode: z.string(), regionName: z.string() }),
  secondFactorEnrolled: z.boolean(),
  mustEnrolSecondFactor: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
const sessionBody = z.object({ user: sessionUser, csrfToken: z.string() });
const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const username = z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash, underscore");

export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => ({ db: app.deps.database.db, config: app.deps.config });

  async function present(user: AuthUser) {
    const db = app.deps.database.db;
    const [region, previous] = await Promise.all([
      repo.regionName(db, user.organisation.regionCode),
      repo.previousSignIn(db, user.id, user.sessionId),
    ]);
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        permissions: [...user.permissions],
        organisation: { ...user.organisation, regionName: region?.name ?? user.organisation.regionCode },
        secondFactorEnrolled: user.secondFactorEnrolled,
        mustEnrolSecondFactor: user.mustEnrolSecondFactor,
        lastSignInAt: previous?.toISOString() ?? null,
      },
      csrfToken: user.csrfToken,
    };
  }

  function setSessionCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: app.deps.config.COOKIE_SECURE,
      maxAge: app.deps.config.SESSION_ABSOLUTE_HOURS * 3600,
    });
  }

  app.post(
    "/auth/login",
    {
      config: {
        access: "public",
        rateLimit: { max: app.deps.config.LOGIN_RATE_PER_MINUTE, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary: "登录 Sign in with username, password and (when enrolled) a one-time code",
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128), otp: z.string().trim().max(8).optional() }),
        response: { 200: sessionBody },
      },
    },
    async (request, reply) => {
      const { token, user } = await login(ctx(), {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        requestId: String(request.id),
      });
      setSessionCookie(reply, token);
      return present(user);
    },
  );

  app.get(
    "/auth/session",
    {
      config: { access: "profile:read", allowDuringEnrolment: true },
      schema: { tags: ["auth"], summary: "当前会话 The signed-in user and the CSRF token", response: { 200: sessionBody } },
    },
    async (request) => present(requireUser(request)),
  );

  app.post(
    "/auth/logout",
    {
      config: { access: "profile:read", allowDuringEnrolment: true },
      schema: { tags: ["auth"], summary: "退出登录 Sign out", response: { 204: z.null() } },
    },
    async (request, reply) => {
      await logout(ctx(), requireUser(request), actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/auth/password",
    {
      config: { access: "profile:read", allowDuringEnrolment: true },
      schema: {
        tags: ["auth"],
        summary: "修改密码 Change one's password (≥8 characters, 3 of 4 classes, not one of the last 5)",
        body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(ctx(), requireUser(request), request.body, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/auth/totp/setup",
    {
      config: { access: "profile:read", allowDuringEnrolment: true },
      schema: {
        tags: ["auth"],
        summary: "获取动态口令密钥 Start second-factor (TOTP) enrolment",
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) },
      },
    },
    async (request) => setupSecondFactor(ctx(), requireUser(request)),
  );

  app.post(
    "/auth/totp/confirm",
    {
      config: { access: "profile:read", allowDuringEnrolment: true },
      schema: {
        tags: ["auth"],
        summary: "确认绑定动态口令 Confirm second-factor enrolment with a code",
        body: z.object({ otp: z.string().trim().regex(/^\d{6}$/, "6 digits") }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await confirmSecondFactor(ctx(), requireUser(request), request.body, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  const userItem = z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    organisation: z.object({ id: z.number(), name: z.string() }),
    locked: z.boolean(),
    lockedUntil: z.string().optional(),
    disabled: z.boolean(),
    secondFactorEnrolled: z.boolean(),
  });

  app.get(
    "/users",
    {
      config: { access: "users:read" },
      schema: {
        tags: ["users"],
        summary: "用户列表 Users within the caller's data scope",
        querystring: pageQuery.extend({ q: z.string().trim().max(64).optional() }),
        response: { 200: z.object({ items: z.array(userItem), page: z.number(), pageSize: z.number(), total: z.number() }) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { page, pageSize, q } = request.query;
      const { items, total } = await repo.listUsers(app.deps.database.db, user.scope, { page, pageSize, q });
      const at = Date.now();
      return {
        items: items.map((u) => {
          const locked = u.locked_until !== null && u.locked_until.getTime() > at;
          return {
            id: u.id,
            username: u.username,
            displayName: u.display_name,
            role: u.role,
            organisation: { id: u.organisation_id, name: u.organisation_name },
            locked,
            ...(locked ? { lockedUntil: u.locked_until!.toISOString() } : {}),
            disabled: u.disabled,
            secondFactorEnrolled: u.totp_secret !== null,
          };
        }),
        page,
        pageSize,
        total,
      };
    },
  );

  app.get(
    "/users/:id",
    {
      config: { access: "users:read" },
      schema: {
        tags: ["users"],
        summary: "用户详情 One user (404 outside the caller's scope)",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.object({ id: z.number(), username: z.string(), regionCode: z.string() }) },
      },
    },
    async (request) => {
      const found = await repo.findUserInScope(app.deps.database.db, requireUser(request).scope, request.params.id);
      if (!found) throw new DomainError("NOT_FOUND");
      return { id: found.id, username: found.username, regionCode: found.region_code };
    },
  );

  app.post(
    "/users",
    {
      config: { access: "users:manage" },
      schema: {
        tags: ["users"],
        summary: "新建用户 Create a user in an organisation within the caller's scope",
        body: z.object({
          username,
          displayName: z.string().trim().min(1).max(50),
          role: z.enum(ROLES),
          organisationId: z.number().int().positive(),
          password: z.string().min(1).max(128),
        }),
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (request, reply) => {
      const id = await createUser(ctx(), requireUser(request), request.body, actorOf(request));
      return reply.status(201).send({ id });
    },
  );

  app.post(
    "/users/:id/unlock",
    {
      config: { access: "users:manage" },
      schema: {
        tags: ["users"],
        summary: "解除锁定 Unlock an account locked after failed sign-ins",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await unlockUser(ctx(), requireUser(request), request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/organisations",
    {
      config: { access: "organisations:read" },
      schema: {
        tags: ["organisations"],
        summary: "组织机构 Organisations within the caller's data scope",
        querystring: pageQuery.extend({ kind: z.enum(["comprehensive", "application", "operations", "intermediary", "project_unit"]).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.number(), kind: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string(), creditCode: z.string().optional() }),
            ),
            page: z.number(),
            pageSize: z.number(),
            total: z.number(),
          }),
        },
      },
    },
    async (request: FastifyRequest<{ Querystring: { page: number; pageSize: number; kind?: string } }>) => {
      const { page, pageSize, kind } = request.query;
      const { items, total } = await repo.listOrganisations(app.deps.database.db, requireUser(request).scope, { page, pageSize, kind });
      return {
        items: items.map((o) => ({
          id: o.id,
          kind: o.kind,
          name: o.name,
          regionCode: o.region_code,
          regionName: o.region_name,
          ...(o.credit_code ? { creditCode: o.credit_code } : {}),
        })),
        page,
        pageSize,
        total,
      };
    },
  );

  app.post(
    "/organisations",
    {
      config: { access: "organisations:manage" },
      schema: {
        tags: ["organisations"],
        summary: "登记机构 Register a department, intermediary or project unit within the caller's regions",
        body: z.object({
          kind: z.enum(["comprehensive", "application", "operations", "intermediary", "project_unit"]),
          name: z.string().trim().min(2).max(100),
          shortName: z.string().trim().max(30).optional(),
          regionCode: z.string().regex(/^\d{6}$/, "6-digit GB/T 2260 code"),
          creditCode: z.string().trim().toUpperCase().optional(),
        }),
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (request, reply) => {
      const id = await createOrganisation(ctx(), requireUser(request), request.body, actorOf(request));
      return reply.status(201).send({ id });
    },
  );
};
