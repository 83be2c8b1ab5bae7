import type { Declaration } from "@tzxm/shared";
import type { Kysely, Transaction } from "kysely";
import type { Config } from "../../config/env.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { DomainError, type FieldProblem } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { validateCreditCode } from "../reference/credit-code.js";
import { requireIndustry, requireRegion } from "../reference/reference.service.js";
import { decideJurisdiction, jurisdictionOf, siteRegion } from "./jurisdiction.js";
import { buildProjectCode } from "./project-code.js";
import * as repo from "./projects.repository.js";

/** A matter the project was told to handle (告知应办事项), as the declaration's answer lists it. */
export interface RequiredMatter {
  caseId: string;
  matterCode: string;
  matterName: string;
  department: string;
  guideVersion: number | null;
  reasons: { zh: string[]; en: string[] };
}

/**
 * Tells a newly coded project its required matters, inside the declaration's transaction. A port: the matter
 * catalogue (a module below this one) implements it and the app wires it in, so projects does not depend on it.
 */
export type MatterNotifier = (
  tx: Transaction<DB>,
  project: { id: number; code: string; declaration: Declaration; region: string; jurisdiction: "central" | "local"; at: Date },
  actor: AuditActor,
) => Promise<RequiredMatter[]>;

export interface ProjectsContext {
  db: Kysely<DB>;
  config: Config;
  /** The five random digits of a code; crypto.randomInt unless a test forces collisions. */
  drawSerial?: () => string;
  /** Absent only in tests of code assignment itself: then nothing is notified. */
  notifier?: MatterNotifier;
}

/** How many random serials to draw before giving up on a month's code space (100 000 serials per prefix). */
const MAX_CODE_DRAWS = 25;

/**
 * Art. 3: a classified project is refused before anything about it is looked at or stored. Called by the
 * route before schema validation, so that even an incomplete classified declaration leaves no trace.
 */
export function refuseIfClassified(body: unknown): void {
  if (typeof body === "object" && body !== null && (body as { classified?: unknown }).classified === true) {
    throw new DomainError("CLASSIFIED_PROJECT_REFUSED");
  }
}

async function checkReferences(db: Kysely<DB>, d: Declaration): Promise<void> {
  const problems: FieldProblem[] = [];
  const credit = validateCreditCode(d.unit.creditCode, "unit.creditCode");
  if (credit) problems.push(credit);
  if (!(await repo.codeTableHas(db, "project_type", d.projectType))) {
    problems.push({ path: "projectType", message: "项目类型代码不存在", messageEn: "Unknown project type code" });
  }
  if (!(await repo.codeTableHas(db, "central_department", d.centralDepartmentCode))) {
    problems.push({ path: "centralDepartmentCode", message: "中央业务指导部门代码不存在", messageEn: "Unknown central department code" });
  }
  if (problems.length) throw new DomainError(credit && problems.length === 1 ? "CREDIT_CODE_INVALID" : "VALIDATION_FAILED", { fields: problems });
  for (const [i, site] of d.sites.entries()) await requireRegion(db, site.regionCode, `sites.${i}.regionCode`);
  // GB/T 4754 groups and classes are not loaded yet: a finer code is accepted when its division (大类) exists.
  const industry = /^\d{3,4}$/.test(d.industryCode) ? d.industryCode.slice(0, 2) : d.industryCode;
  await requireIndustry(db, industry, "industryCode");
}

async function wrongJurisdiction(db: Kysely<DB>, right: { level: "central" } | { level: "provincial"; provinceCode: string }): Promise<DomainError> {
  if (right.level === "central") {
    return new DomainError("WRONG_JURISDICTION", {
      message: "该项目属于中央项目（由国务院及其有关部门审批、核准或备案），请通过全国投资项目在线审批监管平台（中央平台）申报",
      messageEn: "This is a central project: declare it on the central platform (National Investment Project Online Approval and Supervision Platform)",
      fields: [{ path: "approvingLevel", message: "应由中央平台赋码", messageEn: "Coded by the central platform" }],
    });
  }
  const province = (await repo.provinceName(db, right.provinceCode))?.name ?? right.provinceCode;
  return new DomainError("WRONG_JURISDICTION", {
    message: `该项目建设地点属于${province}，请通过${province}投资项目在线审批监管平台申报`,
    messageEn: `The project's sites lie in ${right.provinceCode}: declare it on that province's platform (${province}投资项目在线审批监管平台)`,
    fields: [{ path: "sites", message: `应由${province}平台赋码`, messageEn: `Coded by the platform of ${right.provinceCode}` }],
  });
}

/** Everything a declaration (or a changed declaration) must satisfy before it is stored. */
export async function checkDeclaration(ctx: ProjectsContext, user: AuthUser, d: Declaration) {
  const checked = await checkDeclarationOfUnit(ctx, user.organisation.id, d);
  return { ...checked, unitOrganisationId: user.organisation.id };
}

/**
 * The checks of `checkDeclaration` for a unit given by its organisation id rather than by a signed-in user:
 * `unitOrganisationId` must be a project unit whose credit code is the declaration's. `null` stands for a unit
 * that is not registered yet and will be registered under the declaration's credit code (a legacy import,
 * where the row's credit code identifies the unit), so there is nothing to compare it with.
 */
export async function checkDeclarationOfUnit(ctx: ProjectsContext, unitOrganisationId: number | null, d: Declaration) {
  const { db, config } = ctx;
  refuseIfClassified(d);
  await checkReferences(db, d);
  if (unitOrganisationId !== null) {
    const unitOrg = await repo.organisationOf(db, unitOrganisationId);
    if (!unitOrg || unitOrg.kind !== "project_unit" || unitOrg.credit_code !== d.unit.creditCode) {
      throw new DomainError("UNIT_MISMATCH", {
        fields: [{ path: "unit.creditCode", message: "须为登录单位本身的统一社会信用代码", messageEn: "Must be the signed-in organisation's own code" }],
      });
    }
  }
  const region = siteRegion(d.sites.map((s) => s.regionCode));
  const jurisdiction = jurisdictionOf(region, d.approvingLevel);
  const decision = decideJurisdiction({ level: config.PLATFORM_LEVEL, region: config.PLATFORM_REGION }, { jurisdiction, region });
  if (!decision.ok) throw await wrongJurisdiction(db, decision.rightPlatform);
  return { region, jurisdiction };
}

/**
 * Stores a project under a freshly drawn code, with its first version. The unique constraint on the code
 * decides under any concurrency; a taken serial is simply drawn again.
 */
export async function insertUnderNewCode(
  tx: Transaction<DB>,
  ctx: ProjectsContext,
  p: { d: Declaration; unitOrganisationId: number; region: string; jurisdiction: "central" | "local"; at: Date; userId: number | null; predecessorCode?: string; reason: string },
) {
  const status = p.d.approvalCategory === "filing" ? ("filed" as const) : ("declared" as const);
  for (let draw = 0; draw < MAX_CODE_DRAWS; draw++) {
    const code = buildProjectCode({
      at: p.at,
      regionCode: p.region,
      departmentCode: p.d.centralDepartmentCode,
      projectTypeCode: p.d.projectType,
      ...(ctx.drawSerial ? { random5: ctx.drawSerial() } : {}),
    });
    const id = await repo.insertProjectIfCodeFree(tx, {
      code,
      legacy_code: p.d.legacyCode ?? null,
      status,
      name: p.d.name,
      approval_category: p.d.approvalCategory,
      project_type: p.d.projectType,
      central_department_code: p.d.centralDepartmentCode,
      region_code: p.region,
      jurisdiction: p.jurisdiction,
      unit_organisation_id: p.unitOrganisationId,
      predecessor_code: p.predecessorCode ?? null,
      declared_at: p.at,
      updated_at: p.at,
    });
    if (id !== undefined) {
      await repo.insertVersion(tx, { project_id: id, version: 1, data: p.d, reason: p.reason, created_at: p.at, created_by: p.userId });
      return { id, code, status };
    }
  }
  throw new DomainError("CODE_SPACE_EXHAUSTED");
}

/**
 * 项目申报 (Art. 14(1)): checks the declaration against reference data and jurisdiction, then in ONE transaction
 * assigns the code, stores the project and its first version, and writes the audit event. A filing (备案) is
 * complete once the information is in (《企业投资项目核准和备案管理办法》第40条): its status is `filed` at once.
 */
export async function declareProject(ctx: ProjectsContext, user: AuthUser, d: Declaration, actor: AuditActor) {
  const checked = await checkDeclaration(ctx, user, d);
  if (d.legacyCode && (await repo.legacyCodeTaken(ctx.db, d.legacyCode))) {
    throw new DomainError("LEGACY_CODE_TAKEN", { fields: [{ path: "legacyCode", message: "该原编码已有对应的项目代码", messageEn: "Already mapped" }] });
  }
  const at = now();
  return ctx.db.transaction().execute(async (tx) => {
    const { id, code, status } = await insertUnderNewCode(tx, ctx, { d, ...checked, at, userId: user.id, reason: "declaration" });
    await recordAudit(tx, {
      type: "project.declared",
      actor,
      subject: code,
      regionCode: checked.region,
      payload: { code, name: d.name, approvalCategory: d.approvalCategory, status, version: 1 },
    });
    const requiredMatters = ctx.notifier
      ? await ctx.notifier(tx, { id, code, declaration: d, region: checked.region, jurisdiction: checked.jurisdiction, at }, actor)
      : [];
    return { code, status, requiredMatters };
  });
}
