import { type SignDecision, signOffOutcome } from "@tzxm/shared";
import { now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import * as repo from "./cases.repository.js";
import { type CasesContext, type StepActor, applyStep, caseView, markSignedOff } from "./cases.service.js";
import * as signOffs from "./sign-off.repository.js";

export interface ProposedDecision {
  result: "granted" | "denied";
  opinion: string;
  documentNumber: string;
  documentTitle: string;
}

type UserActor = Extract<StepActor, { kind: "user" }>;

function requireDepartmentStaff(user: AuthUser, c: repo.CaseRow) {
  if ((user.role !== "officer" && user.role !== "leader") || user.organisation.id !== c.department_id) throw new DomainError("CASE_NOT_FOUND");
}

/**
 * Proposes completing the case with `decision` and asks the named colleagues to sign (会签 or 或签, as the
 * matter's guide asks). The case stays accepted and its clock runs meanwhile.
 */
export async function requestSignOff(ctx: CasesContext, actor: UserActor, caseId: string, input: { signerIds: number[]; decision: ProposedDecision }) {
  return ctx.db.transaction().execute(async (tx) => {
    const c = await repo.findCaseForUpdate(tx, caseId);
    if (!c) throw new DomainError("CASE_NOT_FOUND");
    requireDepartmentStaff(actor.user, c);
    if (c.sign_off_mode === "none") throw new DomainError("SIGN_OFF_NOT_REQUIRED");
    if (c.status !== "accepted") throw new DomainError("CASE_STEP_NOT_ALLOWED");
    if (await signOffs.openSignOff(tx, caseId)) throw new DomainError("SIGN_OFF_OPEN");
    const ids = [...new Set(input.signerIds)];
    const signers = await signOffs.departmentSigners(tx, c.department_id, ids);
    if (signers.length !== ids.length || ids.length === 0) {
      throw new DomainError("VALIDATION_FAILED", { fields: [{ path: "signerIds", message: "签署人应为本部门在职的经办人或负责人", messageEn: "Signers must be active officers or leaders of the handling department" }] });
    }
    const at = now();
    const { id } = await signOffs.insertSignOff(tx, { case_id: caseId, mode: c.sign_off_mode, decision: input.decision, requested_by: actor.user.id, requested_at: at });
    await signOffs.insertSigners(tx, id, ids);
    const label = c.sign_off_mode === "all" ? { zh: "会签", en: "joint sign-off (all)" } : { zh: "或签", en: "sign-off (any one)" };
    await repo.insertMessages(
      tx,
      ids.map((userId) => ({
        user_id: userId,
        organisation_id: null,
        kind: "case.sign_off_requested",
        subject: caseId,
        title: `${c.matter_name}：请${label.zh}办结意见`,
        title_en: `${c.matter_code}: ${label.en} requested`,
        body: `项目 ${c.project_code}；拟${input.decision.result === "granted" ? "准予" : "不予"}，文号 ${input.decision.documentNumber}`,
        body_en: `Project ${c.project_code}; proposed ${input.decision.result}, document ${input.decision.documentNumber}`,
        created_at: at,
      })),
    );
    await recordAudit(tx, { type: "case.sign_off_requested", actor: actor.audit, subject: c.project_code, regionCode: c.region_code, payload: { caseId, mode: c.sign_off_mode, signerIds: ids, documentNumber: input.decision.documentNumber } });
    return signOffView(tx, caseId);
  });
}

/** One signer's decision; when the round is decided the case is completed (approved) or handling goes on (rejected). */
export async function sign(ctx: CasesContext, actor: UserActor, caseId: string, input: { decision: SignDecision; comment?: string | undefined }) {
  return ctx.db.transaction().execute(async (tx) => {
    const c = await repo.findCaseForUpdate(tx, caseId);
    if (!c) throw new DomainError("CASE_NOT_FOUND");
    requireDepartmentStaff(actor.user, c);
    const round = await signOffs.openSignOff(tx, caseId);
    if (!round) throw new DomainError("SIGN_OFF_NOT_OPEN");
    await signOffs.lockSignOffRow(tx, round.id);
    const at = now();
    const recorded = await signOffs.recordDecision(tx, round.id, actor.user.id, input.decision, input.comment ?? null, at);
    if (Number(recorded.numUpdatedRows) !== 1) throw new DomainError("NOT_A_SIGNER");
    const signers = await signOffs.signersOf(tx, round.id);
    const outcome = signOffOutcome(round.mode, signers.map((s) => s.decision));
    await recordAudit(tx, { type: "case.signed", actor: actor.audit, subject: c.project_code, regionCode: c.region_code, payload: { caseId, decision: input.decision, outcome } });
    if (outcome === "approved") {
      await signOffs.closeSignOff(tx, round.id, "approved", at);
      const decision = round.decision as ProposedDecision;
      await applyStep(ctx, tx, actor, caseId, markSignedOff({ type: "complete", ...decision }));
    } else if (outcome === "rejected") {
      await signOffs.closeSignOff(tx, round.id, "rejected", at);
      await repo.insertMessages(tx, [
        {
          user_id: round.requested_by,
          organisation_id: null,
          kind: "case.sign_off_rejected",
          subject: caseId,
          title: `${c.matter_name}：办结意见未获签署通过`,
          title_en: `${c.matter_code}: the proposed completion was not signed off`,
          body: input.comment ? `意见：${input.comment}` : "",
          body_en: input.comment ? `Comment: ${input.comment}` : "",
          created_at: at,
        },
      ]);
    }
    return { outcome, signOff: await signOffView(tx, caseId, round.id), case: await caseView(ctx, tx, caseId, actor.user.role === "leader" ? "leader" : "officer") };
  });
}

/** The open round (or the given one) with each signer's decision. */
export async function signOffView(db: Parameters<typeof signOffs.openSignOff>[0], caseId: string, id?: number) {
  const round = id
    ? await db.selectFrom("case_sign_off").select(["id", "mode", "decision", "status"]).where("id", "=", id).executeTakeFirst()
    : await db.selectFrom("case_sign_off").select(["id", "mode", "decision", "status"]).where("case_id", "=", caseId).orderBy("id", "desc").executeTakeFirst();
  if (!round) return null;
  const signers = await signOffs.signersOf(db, round.id);
  return {
    id: round.id,
    mode: round.mode,
    status: round.status,
    decision: round.decision as ProposedDecision,
    signers: signers.map((s) => ({ userId: s.user_id, name: s.display_name, decision: s.decision, comment: s.comment, decidedAt: s.decided_at?.toISOString() ?? null })),
  };
}
