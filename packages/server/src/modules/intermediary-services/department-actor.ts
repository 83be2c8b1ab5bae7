import { ROLE_PERMISSIONS } from "@tzxm/shared";
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import type { StepActor } from "../cases/cases.service.js";
import { scopeFor } from "../identity/identity.service.js";
import * as repo from "./commissions.repository.js";

/**
 * The case step an intermediary's act causes (a declined commission or a delivered report starts the case's clock
 * again) is the commissioning department's step: the department set it up when it commissioned. The case
 * workflow lets only a department take it, so the step is taken in the name of the commissioning officer (or, if
 * that account is gone, another handler of the department), labelled with why, while the audit event names the
 * intermediary's user who really acted. No session is involved: the step runs inside the caller's transaction.
 */
export async function actingForDepartment(tx: Transaction<DB>, departmentId: number, commissionedBy: number, why: string, audit: AuditActor): Promise<StepActor> {
  const u = await repo.departmentHandler(tx, departmentId, commissionedBy);
  if (!u || (u.role !== "officer" && u.role !== "leader")) {
    throw new DomainError("STATE_CONFLICT", {
      message: "委托部门已无可办理的经办人，无法恢复办件计时，请联系委托部门",
      messageEn: "The commissioning department has no active handler to resume the case; contact the department",
    });
  }
  return {
    kind: "user",
    audit,
    user: {
      id: u.id,
      username: u.username,
      displayName: `${u.display_name}（${why}）`,
      role: u.role,
      permissions: ROLE_PERMISSIONS[u.role],
      organisation: { id: u.organisation_id, name: u.organisation_name, kind: u.kind, regionCode: u.region_code },
      scope: scopeFor(u),
      sessionId: "",
      csrfToken: "",
      secondFactorEnrolled: true,
      mustEnrolSecondFactor: false,
    },
  };
}
