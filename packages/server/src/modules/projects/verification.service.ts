import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { parseProjectCode } from "./project-code.js";
import * as repo from "./projects.repository.js";

export type VerificationPurpose = "acceptance" | "funding" | "bidding" | "disclosure";

/** Codes whose project can no longer be accepted or funded under them (Art. 12, 13). */
const NOT_USABLE: Record<string, string> = {
  superseded: "PROJECT_SUPERSEDED",
  withdrawn: "PROJECT_WITHDRAWN",
  lapsed: "PROJECT_LAPSED",
};

/**
 * The project a code or a legacy number stands for (Art. 12): a code of either §2 form by its normalised text,
 * anything else as a local legacy number as given (trimmed).
 */
function findByCodeOrNumber(db: Kysely<DB>, input: string, parsed: ReturnType<typeof parseProjectCode>) {
  const key = parsed.format === "invalid" ? input.trim() : parsed.normalised;
  return key ? repo.findByAnyCode(db, key) : Promise.resolve(undefined);
}

/**
 * `GET /codes/{code}/check`: what anyone may know about a code (spec §3). A legacy number mapped to a platform
 * code exists, and the answer adds `projectCode`, the code it maps to.
 */
export async function checkCode(db: Kysely<DB>, input: string) {
  const parsed = parseProjectCode(input);
  const project = await findByCodeOrNumber(db, input, parsed);
  return {
    code: parsed.normalised,
    format: parsed.format,
    checkCharacterValid: parsed.checkCharacterValid,
    exists: project !== undefined,
    ...(project ? { status: project.status, projectName: project.name } : {}),
    ...(project && project.code !== parsed.normalised ? { projectCode: project.code } : {}),
  };
}

/**
 * 项目代码核验 (Art. 13, 14(2)): a department verifies the code before accepting an application or releasing
 * funds. Every call, valid or not, is recorded under the code with its purpose, in one transaction with its
 * audit event.
 */
export async function verifyCode(db: Kysely<DB>, user: AuthUser | undefined, input: { code: string; purpose: VerificationPurpose }, actor: AuditActor) {
  const parsed = parseProjectCode(input.code);
  const wellFormed = parsed.format !== "invalid" && parsed.checkCharacterValid;
  // A local legacy number has no code shape: it verifies once it is mapped to a platform code (Art. 12).
  const project = wellFormed || parsed.format === "invalid" ? await findByCodeOrNumber(db, input.code, parsed) : undefined;
  const reason =
    !project && !wellFormed
      ? "PROJECT_CODE_INVALID"
      : !project
        ? "PROJECT_NOT_FOUND"
        : NOT_USABLE[project.status];
  const valid = reason === undefined;
  await db.transaction().execute(async (tx) => {
    await repo.insertVerification(tx, {
      code: parsed.normalised.slice(0, 64),
      project_id: project?.id ?? null,
      purpose: input.purpose,
      valid,
      reason: reason ?? null,
      actor_user_id: user?.id ?? null,
      actor_label: actor.label,
      organisation_id: user?.organisation.id ?? null,
      verified_at: now(),
    });
    await recordAudit(tx, {
      type: "code.verified",
      actor,
      subject: project?.code ?? parsed.normalised.slice(0, 64),
      regionCode: project?.region_code ?? actor.regionCode,
      payload: { purpose: input.purpose, valid, ...(reason ? { reason } : {}) },
    });
  });
  return {
    valid,
    ...(reason ? { reason } : {}),
    ...(project
      ? {
          project: {
            code: project.code,
            name: project.name,
            status: project.status,
            unitName: project.unit_name,
            regionCode: project.region_code,
            ...(project.successor_code ? { successorCode: project.successor_code } : {}),
          },
        }
      : {}),
  };
}
