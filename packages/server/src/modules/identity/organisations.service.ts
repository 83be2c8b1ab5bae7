import { regionInScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import { validateCreditCode } from "../reference/credit-code.js";
import { requireRegion } from "../reference/reference.service.js";
import type { IdentityContext } from "./identity.service.js";
import * as repo from "./identity.repository.js";
import type { AuthUser } from "./request-user.js";

export interface NewOrganisation {
  kind: DB["organisation"]["kind"];
  name: string;
  shortName?: string | undefined;
  regionCode: string;
  creditCode?: string | undefined;
}

/**
 * Registers a department, intermediary or project unit within the administrator's regions. Enterprises and
 * intermediaries are identified by their 统一社会信用代码, whose GB 32100 check character must be right.
 */
export async function createOrganisation(ctx: IdentityContext, admin: AuthUser, input: NewOrganisation, actor: AuditActor) {
  const { db } = ctx;
  const region = await requireRegion(db, input.regionCode, "regionCode");
  if (!regionInScope(admin.scope, region.code)) {
    throw new DomainError("REGION_OUT_OF_SCOPE", {
      fields: [{ path: "regionCode", message: "该行政区划不在您的管辖范围内", messageEn: "This region is outside your scope" }],
    });
  }
  const needsCredit = input.kind === "project_unit" || input.kind === "intermediary";
  if (needsCredit && !input.creditCode) {
    throw new DomainError("VALIDATION_FAILED", {
      fields: [{ path: "creditCode", message: "企业和中介机构须填写统一社会信用代码", messageEn: "Enterprises and intermediaries need a credit code" }],
    });
  }
  if (input.creditCode) {
    const problem = validateCreditCode(input.creditCode);
    if (problem) throw new DomainError("CREDIT_CODE_INVALID", { fields: [problem] });
    if (await repo.creditCodeExists(db, input.creditCode)) {
      throw new DomainError("CREDIT_CODE_TAKEN", {
        fields: [{ path: "creditCode", message: "该统一社会信用代码已登记", messageEn: "This credit code is already registered" }],
      });
    }
  }
  return db.transaction().execute(async (tx) => {
    const { id } = await repo.insertOrganisation(tx, {
      kind: input.kind,
      name: input.name,
      short_name: input.shortName ?? null,
      region_code: region.code,
      credit_code: input.creditCode ?? null,
    });
    await recordAudit(tx, {
      type: "organisation.created",
      actor,
      subject: input.creditCode ?? input.name,
      regionCode: region.code,
      payload: { organisationId: id, kind: input.kind, name: input.name },
    });
    return id;
  });
}
