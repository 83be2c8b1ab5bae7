import type { FastifyRequest } from "fastify";
import { actorOf, requireUser } from "../identity/request-user.js";
import type { StepActor } from "./cases.service.js";

/** Who calls: a department's system by its API key, or the signed-in user. */
export function stepActor(request: FastifyRequest): StepActor {
  const audit = actorOf(request);
  const client = request.apiClient;
  if (client) return { kind: "api_key", keyId: client.keyId, name: client.name, organisationId: client.organisationId, audit };
  return { kind: "user", user: requireUser(request), audit };
}
