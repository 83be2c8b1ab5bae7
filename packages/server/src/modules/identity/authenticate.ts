import { timingSafeEqual } from "node:crypto";
import type { Permission } from "@tzxm/shared";
import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../platform/errors.js";
import { recordAudit } from "../audit/audit.service.js";
import { type ApiClient, type ApiKeyScope, resolveApiKey } from "./api-keys.service.js";
import { resolveSession } from "./identity.service.js";
import { actorOf } from "./request-user.js";

export const SESSION_COOKIE = "tzxm_sid";

declare module "fastify" {
  interface FastifyRequest {
    /** A department's business system, authenticated by its API key (routes with `config.apiKey` only). */
    apiClient?: ApiClient;
  }
  interface FastifyContextConfig {
    /** The API-key scope that also opens this route to departments' systems (spec §6 exchange). */
    apiKey?: ApiKeyScope;
  }
}
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function deny(request: FastifyRequest, required: string, reason: "permission" | "csrf" | "second_factor_enrolment") {
  await request.server.deps.database.db.transaction().execute((tx) =>
    recordAudit(tx, {
      type: "access.denied",
      actor: actorOf(request),
      subject: request.user?.username,
      payload: { method: request.method, url: request.url.slice(0, 300), required, reason },
    }),
  );
}

/**
 * The access gate every request passes (onRequest: before the body is even parsed), which resolves the
 * session cookie, then enforces the route's declared access, the CSRF token on state-changing calls and the
 * second-factor enrolment gate. Denials are audited (等保三级 安全审计).
 */
export async function authenticate(request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = request.server.deps;
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const resolved = await resolveSession({ db: database.db, config }, token, String(request.id), request.ip);
    if (resolved && "user" in resolved) request.user = resolved.user;
    else {
      if (resolved && "expired" in resolved) request.sessionExpired = true;
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
    }
  }

  const access = request.routeOptions.config.access;
  // Every registered route has an access (app.ts refuses others at start-up); none means the 404 handler.
  if (access === undefined || access === "public") return;

  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (!request.user && bearer) {
    // No cookie is involved, so no CSRF token either; the key is the credential.
    const scope = request.routeOptions.config.apiKey;
    const client = scope ? await resolveApiKey(database.db, bearer) : null;
    if (!client) throw new DomainError("API_KEY_INVALID");
    if (!scope || !client.scopes.includes(scope)) {
      await deny(request, scope ?? access, "permission");
      throw new DomainError("FORBIDDEN");
    }
    request.apiClient = client;
    return;
  }

  const user = request.user;
  if (!user) throw new DomainError(request.sessionExpired ? "SESSION_EXPIRED" : "NOT_AUTHENTICATED");

  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !sameToken(sent, user.csrfToken)) {
      await deny(request, access, "csrf");
      throw new DomainError("CSRF_TOKEN_INVALID");
    }
  }
  if (user.mustEnrolSecondFactor && !request.routeOptions.config.allowDuringEnrolment) {
    await deny(request, access, "second_factor_enrolment");
    throw new DomainError("SECOND_FACTOR_ENROLMENT_REQUIRED");
  }
  if (!user.permissions.includes(access as Permission)) {
    await deny(request, access, "permission");
    throw new DomainError("FORBIDDEN");
  }
}
