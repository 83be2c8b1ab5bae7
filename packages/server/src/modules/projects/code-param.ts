import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { DomainError } from "../../platform/errors.js";
import { parseProjectCode } from "./project-code.js";
import { legacyCodeTaken } from "./projects.repository.js";

/** A code given in a path: normalised, or 422 PROJECT_CODE_INVALID when its shape or check character is wrong. */
export function requireWellFormedCode(code: string): string {
  const parsed = parseProjectCode(code);
  if (parsed.format === "invalid" || !parsed.checkCharacterValid) {
    throw new DomainError("PROJECT_CODE_INVALID", {
      fields: [{ path: "code", message: "项目代码格式或校验位错误", messageEn: "Wrong format or check character" }],
    });
  }
  return parsed.normalised;
}

/**
 * A code given in a path, or a legacy number mapped to a platform code (Art. 12: every lookup accepts either).
 * A local legacy number (an import's, spec §4 `legacyCode`) need not have the code's shape; anything that is
 * neither a well-formed code nor a mapped number is 422 PROJECT_CODE_INVALID, as `requireWellFormedCode`.
 */
export async function resolveCode(db: Kysely<DB>, code: string): Promise<string> {
  const parsed = parseProjectCode(code);
  if (parsed.format !== "invalid" && parsed.checkCharacterValid) return parsed.normalised;
  const given = code.trim();
  if (given && (await legacyCodeTaken(db, given))) return given;
  return requireWellFormedCode(code);
}
