import type { FastifyInstance } from "fastify";
import { DomainError, type FieldProblem } from "../platform/errors.js";

const NUL = "\u0000";
const MAX_DEPTH = 32;

/** The first string in `value` that holds a NUL character, by its path (`sites.0.address`), or null. */
export function findNul(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return value.includes(NUL) ? path.join(".") : null;
  if (depth > MAX_DEPTH || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes(NUL)) return [...path, key.replaceAll(NUL, "\\0")].join(".");
    const found = findNul(inner, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a query carrying one fails inside the database, which
 * would be a 500 for what is bad input. Every request's path parameters, query and JSON body are checked before
 * validation, and a NUL anywhere is VALIDATION_FAILED naming the field.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const path = findNul(part);
      if (path === null) continue;
      const field: FieldProblem = { path: path || "body", message: "不得包含空字符（\\0）", messageEn: "Must not contain a NUL character (\\0)" };
      throw new DomainError("VALIDATION_FAILED", { fields: [field] });
    }
  });
}
