import type { Permission, Role } from "@tzxm/shared";
import type { FastifyRequest } from "fastify";
import type { DataScope } from "../../db/data-scope.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";

/** The signed-in user as every route and service sees it. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  permissions: readonly Permission[];
  organisation: { id: number; name: string; kind: string; regionCode: string };
  scope: DataScope;
  sessionId: string;
  csrfToken: string;
  secondFactorEnrolled: boolean;
  mustEnrolSecondFactor: boolean;
}

declare module "fastify" {
  interface FastifyRequest {
    user?: AuthUser;
    /** Set when the request carried a session cookie that had just timed out. */
    sessionExpired?: boolean;
  }
  interface FastifyContextConfig {
    /** Reachable by a user who must still enrol a second factor (sign-out, session, enrolment). */
    allowDuringEnrolment?: boolean;
  }
}

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new DomainError("NOT_AUTHENTICATED");
  return request.user;
}

/** The audit actor of a request: the user if signed in, else the anonymous caller's address. */
export function actorOf(request: FastifyRequest): AuditActor {
  const u = request.user;
  const k = request.apiClient;
  return {
    userId: u?.id,
    label: u?.username ?? (k ? `api-key:${k.name}` : "anonymous"),
    organisationId: u?.organisation.id ?? k?.organisationId,
    regionCode: u?.organisation.regionCode ?? k?.regionCode,
    requestId: String(request.id),
    ip: request.ip,
  };
}
