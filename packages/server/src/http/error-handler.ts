import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorBody } from "@tzxm/shared";
import { DomainError, type FieldProblem } from "../platform/errors.js";
import { zhIssue } from "../platform/zod-messages.js";
import { ERROR_CATALOGUE, type ErrorCode } from "./error-catalogue.js";

function body(request: FastifyRequest, code: ErrorCode, fields?: FieldProblem[], override?: { message?: string | undefined; messageEn?: string | undefined }): ErrorBody {
  const def = ERROR_CATALOGUE[code];
  return {
    error: {
      code,
      message: override?.message ?? def.message,
      messageEn: override?.messageEn ?? def.messageEn,
      ...(fields && fields.length ? { fields } : {}),
      requestId: String(request.id),
    },
  };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, fields?: FieldProblem[]) {
  return reply.status(ERROR_CATALOGUE[code].status).send(body(request, code, fields));
}

/**
 * The one place where errors become HTTP answers (spec §1). Domain errors carry a code from the exhaustive
 * catalogue; schema failures become VALIDATION_FAILED with each failing field; anything unexpected is a 500
 * that names the request id and logs the cause, never leaking internals.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const code = error.code as ErrorCode;
      if (!(code in ERROR_CATALOGUE)) {
        request.log.error({ err: error }, "domain error with an uncatalogued code");
        return reply.status(500).send(body(request, "INTERNAL_ERROR"));
      }
      if (error.options.headers) reply.headers(error.options.headers);
      return reply
        .status(ERROR_CATALOGUE[code].status)
        .send(body(request, code, error.options.fields, { message: error.options.message, messageEn: error.options.messageEn }));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldProblem[] = error.validation.map((v) => {
        // fastify-type-provider-zod 7 reports the zod issue code as `keyword` and its path as `instancePath`.
        const issue = { ...(v.params as object), code: v.keyword, message: v.message ?? "" } as { code: string; message: string; minimum?: unknown; maximum?: unknown };
        const path = [error.validationContext, ...v.instancePath.split("/").filter(Boolean)].filter(Boolean).join(".");
        return { path: path.replace(/^(body|querystring|params)\./, ""), message: zhIssue(issue), messageEn: issue.message };
      });
      return reply.status(400).send(body(request, "VALIDATION_FAILED", fields));
    }
    // Two requests that passed the same "is it free?" check at once: the database's unique constraint decided, and
    // the loser hears so plainly instead of a 500 (PostgreSQL and PGlite both report SQLSTATE 23505).
    if ((error as { code?: unknown }).code === "23505") {
      request.log.warn({ err: error }, "unique constraint decided a race");
      return reply.status(409).send(body(request, "CONCURRENT_DUPLICATE"));
    }
    // Text the database cannot store (a NUL, an invalid byte sequence) that slipped past the text guard: the
    // caller's input, so a 400, not a 500 (SQLSTATE 22021 character_not_in_repertoire, 22P05 untranslatable_character).
    if ((error as { code?: unknown }).code === "22021" || (error as { code?: unknown }).code === "22P05") {
      request.log.warn({ err: error }, "text the database cannot store");
      return reply.status(400).send(body(request, "BAD_REQUEST"));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body(request, "RATE_LIMITED"));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed requests caught by Fastify itself: bad JSON, wrong content type, body too large.
      const code: ErrorCode = error.statusCode === 413 ? "PAYLOAD_TOO_LARGE" : error.statusCode === 415 ? "UNSUPPORTED_MEDIA_TYPE" : "BAD_REQUEST";
      return reply.status(ERROR_CATALOGUE[code].status).send(body(request, code, undefined, { messageEn: `${ERROR_CATALOGUE[code].messageEn}: ${error.message}` }));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send(body(request, "INTERNAL_ERROR"));
  });
}
