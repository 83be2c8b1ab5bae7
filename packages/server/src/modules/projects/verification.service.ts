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

/** `GET /codes/{code}/check`: what anyone may know about a code (spec §3). */
export async function checkCode(db: Kysely<DB>, input: string) {
  const parsed = parseProjectCode(input);
  const project = parsed.format === "invalid" ? undefined : await repo.findByAnyCode(db, parsed.normalised);
  return {
    code: parsed.normalised,
    format: parsed.format,
    checkCharacterValid: parsed.checkCharacterValid,
    exists: project !== undefined,
    ...(project ? { status: project.status, projectName: project.name } : {}),
  };
}

/**
 * 项目代码核验 (Art. 13, 14(2)): a department verifies the code before accepting an application or releasing
 * funds. Every call, valid or not, is recorded under the code with its purpose, in one transaction with its
 * audit event.
 */
export async function verifyCode(db: Kysely<DB>, user: AuthUser | undefined, input: { code: string; purpose: VerificationPurpose }, actor: AuditActor) {
  const parsed = parseProjectCode(input.code);
  const project = parsed.format !== "invalid" && parsed.checkCharacterValid ? await repo.findByAnyCode(db, parsed.normalised) : undefined;
  const reason =
    parsed.format === "invalid" || !parsed.checkCharacterValid
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
