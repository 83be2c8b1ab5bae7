import { cstDate, now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { actsForDepartment, notAfterToday, notBefore, requireDecisionMaker, supervisedProject } from "./supervision-access.js";
import * as repo from "./supervision.repository.js";
import type { SupervisionContext } from "./supervision.service.js";

/**
 * 行政处罚决定 and 异常名录 (issue 6 point 3; Art. 10: penalty information under the code; Art. 18: penalty results are
 * disclosed). Both are decisions, not case work: a department's leader or a supervisor records them. A penalty
 * decision always carries its 决定书文号 (unique per department); it is public unless marked otherwise. A project is
 * on the abnormal list at most once at a time, and is removed (移出) with a reason, typically after rectification.
 * The unit is told of each through its organisation's messages.
 */

export function penaltyView(x: repo.PenaltyRow) {
  return {
    id: x.id,
    projectCode: x.project_code,
    projectName: x.project_name,
    unit: x.unit_name,
    departmentId: x.organisation_id,
    department: x.department_name,
    documentNumber: x.document_number,
    decidedOn: x.decided_on,
    violation: x.violation,
    basis: x.basis,
    penalty: x.penalty,
    amount: x.amount,
    public: x.public,
    createdAt: x.created_at.toISOString(),
  };
}
export type PenaltyView = ReturnType<typeof penaltyView>;

export function listingView(user: AuthUser, a: repo.ListingRow) {
  return {
    id: a.id,
    projectCode: a.project_code,
    projectName: a.project_name,
    unit: a.unit_name,
    unitCreditCode: a.unit_credit_code,
    departmentId: a.organisation_id,
    department: a.department_name,
    reason: a.reason,
    listedOn: a.listed_on,
    removedOn: a.removed_on,
    removedReason: a.removed_reason,
    active: a.removed_on === null,
    canRemove: a.removed_on === null && (user.role === "leader" || user.role === "supervisor") && actsForDepartment(user, a),
  };
}
export type ListingView = ReturnType<typeof listingView>;

// --- Penalty decisions ----------------------------------------------------------------------------------------

export interface PenaltyInput {
  documentNumber: string;
  decidedOn: string;
  violation: string;
  basis: string;
  penalty: string;
  amount?: string | undefined;
  public?: boolean | undefined;
}

export async function decidePenalty(ctx: SupervisionContext, user: AuthUser, code: string, input: PenaltyInput, audit: AuditActor): Promise<PenaltyView> {
  requireDecisionMaker(user);
  const p = await supervisedProject(ctx.db, user, code);
  notAfterToday("decidedOn", input.decidedOn);
  return ctx.db.transaction().execute(async (tx) => {
    await repo.lockProject(tx, p.id);
    if (await repo.penaltyByNumber(tx, user.organisation.id, input.documentNumber)) {
      throw new DomainError("PENALTY_DOCUMENT_NUMBER_TAKEN", { fields: [{ path: "documentNumber", message: "文号已被本部门使用", messageEn: "Already used by your department" }] });
    }
    const at = now();
    const id = await repo.insertPenalty(tx, {
      project_id: p.id, organisation_id: user.organisation.id, document_number: input.documentNumber, decided_on: input.decidedOn, violation: input.violation,
      basis: input.basis, penalty: input.penalty, amount: input.amount ?? null, public: input.public ?? true, created_by: user.id, created_at: at,
    });
    await repo.insertMessages(tx, [
      {
        user_id: null, organisation_id: p.unit_organisation_id, kind: "penalty.decided", subject: p.code,
        title: `行政处罚决定：${p.name}`, title_en: `Penalty decision: ${p.code}`,
        body: `${user.organisation.name}作出行政处罚决定（${input.documentNumber}，${input.decidedOn}）：${input.penalty}。违法事实：${input.violation}`,
        body_en: `${input.documentNumber} (${input.decidedOn}): ${input.penalty}`,
        created_at: at,
      },
    ]);
    await recordAudit(tx, {
      type: "supervision.penalty_decided", actor: audit, subject: p.code, regionCode: p.region_code,
      payload: { penaltyId: id, documentNumber: input.documentNumber, decidedOn: input.decidedOn, penalty: input.penalty, amount: input.amount ?? null, public: input.public ?? true },
    });
    return penaltyView(await repo.penaltyById(tx, id));
  });
}

export async function listPenalties(ctx: SupervisionContext, user: AuthUser, page: repo.Page) {
  const { items, total } = await repo.listPenalties(ctx.db, user.scope, page);
  return { items: items.map(penaltyView), total, page: page.page, pageSize: page.pageSize };
}

// --- The abnormal list ----------------------------------------------------------------------------------------

export async function listAbnormal(ctx: SupervisionContext, user: AuthUser, f: repo.Page & { active?: boolean | undefined }) {
  const { items, total } = await repo.listListings(ctx.db, user.scope, f);
  return { items: items.map((a) => listingView(user, a)), total, page: f.page, pageSize: f.pageSize };
}

export async function listAbnormalProject(ctx: SupervisionContext, user: AuthUser, code: string, input: { reason: string; listedOn?: string | undefined }, audit: AuditActor): Promise<ListingView> {
  requireDecisionMaker(user);
  const p = await supervisedProject(ctx.db, user, code);
  const listedOn = input.listedOn ?? cstDate();
  notAfterToday("listedOn", listedOn);
  return ctx.db.transaction().execute(async (tx) => {
    await repo.lockProject(tx, p.id);
    if (await repo.activeListingOf(tx, p.id)) throw new DomainError("ABNORMAL_ALREADY_LISTED");
    const at = now();
    const id = await repo.insertListing(tx, {
      project_id: p.id, unit_organisation_id: p.unit_organisation_id, organisation_id: user.organisation.id, reason: input.reason, listed_on: listedOn, listed_by: user.id, created_at: at,
    });
    await repo.insertMessages(tx, [
      {
        user_id: null, organisation_id: p.unit_organisation_id, kind: "abnormal.listed", subject: p.code,
        title: `项目被列入异常名录：${p.name}`, title_en: `Project on the abnormal list: ${p.code}`,
        body: `${user.organisation.name}于 ${listedOn} 将项目 ${p.code} 列入异常名录，原因：${input.reason}。整改完成后可申请移出。`,
        body_en: `Listed on ${listedOn}: ${input.reason}`,
        created_at: at,
      },
    ]);
    await recordAudit(tx, { type: "supervision.abnormal_listed", actor: audit, subject: p.code, regionCode: p.region_code, payload: { listingId: id, unitOrganisationId: p.unit_organisation_id, reason: input.reason, listedOn } });
    const row = await repo.listingById(tx, id);
    return listingView(user, row!);
  });
}

export async function removeAbnormalListing(ctx: SupervisionContext, user: AuthUser, id: number, input: { reason: string; removedOn?: string | undefined }, audit: AuditActor): Promise<ListingView> {
  requireDecisionMaker(user);
  const removedOn = input.removedOn ?? cstDate();
  notAfterToday("removedOn", removedOn);
  return ctx.db.transaction().execute(async (tx) => {
    const a = await repo.listingForUpdate(tx, id);
    if (!a || a.removed_on !== null || !actsForDepartment(user, a)) throw new DomainError("ABNORMAL_LISTING_NOT_FOUND");
    notBefore("removedOn", removedOn, a.listed_on, "移出日期不得早于列入日期", "Not before the listing date");
    const at = now();
    await repo.updateListing(tx, id, { removed_on: removedOn, removed_reason: input.reason, removed_by: user.id });
    await repo.insertMessages(tx, [
      {
        user_id: null, organisation_id: a.unit_organisation_id, kind: "abnormal.removed", subject: a.project_code,
        title: `项目已移出异常名录：${a.project_name}`, title_en: `Project removed from the abnormal list: ${a.project_code}`,
        body: `移出日期 ${removedOn}，理由：${input.reason}`, body_en: `Removed on ${removedOn}: ${input.reason}`, created_at: at,
      },
    ]);
    await recordAudit(tx, { type: "supervision.abnormal_removed", actor: audit, subject: a.project_code, regionCode: a.region_code, payload: { listingId: id, reason: input.reason, removedOn } });
    return listingView(user, (await repo.listingById(tx, id))!);
  });
}
