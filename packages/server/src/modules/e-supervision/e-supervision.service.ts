import type { Kysely } from "kysely";
import type { DataScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { RULE_PARAMETERS, type RuleKind } from "./card-rules.js";
import * as repo from "./e-supervision.repository.js";

/**
 * Who sees which cards and figures (数据权限 through `inScope`): supervisors, and the leaders of the comprehensive
 * management department (绩效管理 is its task, Art. 6), see their region; every other department user sees the
 * cards and figures of their own department only.
 */
export function supervisionScope(user: AuthUser): DataScope {
  const regional = user.role === "supervisor" || (user.role === "leader" && user.organisation.kind === "comprehensive");
  return regional ? { regionPrefix: user.scope.regionPrefix } : { regionPrefix: user.scope.regionPrefix, organisationId: user.organisation.id };
}

function presentRule(r: repo.RuleRow) {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    parameters: r.parameters,
    level: r.level,
    enabled: r.enabled,
    basis: r.basis,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function listRules(db: Kysely<DB>) {
  return { items: (await repo.allRules(db)).map(presentRule) };
}

export interface RuleChange {
  enabled: boolean;
  level: "yellow" | "red";
  parameters: unknown;
  reason: string;
}

/** A supervisor changes a rule (Art. 24: local rules configurable); the change and the rule before it are audited. */
export async function updateRule(db: Kysely<DB>, user: AuthUser, actor: AuditActor, code: string, change: RuleChange) {
  return db.transaction().execute(async (tx) => {
    const rule = await repo.ruleForUpdate(tx, code);
    if (!rule) throw new DomainError("SUPERVISION_RULE_NOT_FOUND");
    const parsed = RULE_PARAMETERS[rule.kind as RuleKind].safeParse(change.parameters);
    if (!parsed.success) {
      throw new DomainError("VALIDATION_FAILED", {
        fields: parsed.error.issues.map((i) => ({ path: ["parameters", ...i.path.map(String)].join("."), message: `参数不符合规则类型「${rule.kind}」的要求：${i.message}`, messageEn: i.message })),
      });
    }
    const updated = await repo.updateRule(tx, code, { enabled: change.enabled, level: change.level, parameters: parsed.data, version: rule.version + 1, updated_by: user.id, updated_at: now() });
    await recordAudit(tx, {
      type: "esupervision.rule_changed",
      actor,
      subject: code,
      payload: {
        ruleCode: code,
        fromVersion: rule.version,
        toVersion: updated.version,
        before: { enabled: rule.enabled, level: rule.level, parameters: rule.parameters },
        after: { enabled: updated.enabled, level: updated.level, parameters: updated.parameters },
        reason: change.reason,
      },
    });
    return presentRule(updated);
  });
}

function presentCard(c: repo.CardRow) {
  return {
    id: c.id,
    ruleCode: c.rule_code,
    ruleVersion: c.rule_version,
    ruleName: c.rule_name,
    ruleNameEn: c.rule_name_en,
    ruleKind: c.rule_kind,
    level: c.level,
    status: c.status,
    caseId: c.case_id,
    caseStatus: c.case_status,
    projectCode: c.project_code,
    projectName: c.project_name,
    matterCode: c.matter_code,
    matterName: c.matter_name,
    departmentId: c.department_id,
    department: c.department,
    regionCode: c.region_code,
    evidence: c.evidence as Record<string, unknown>,
    raisedAt: c.raised_at.toISOString(),
    raisedOn: c.raised_on,
    explanation: c.explanation,
    acknowledgedAt: c.acknowledged_at?.toISOString() ?? null,
    closedAt: c.closed_at?.toISOString() ?? null,
    closingNote: c.closing_note,
  };
}

export async function listCards(db: Kysely<DB>, user: AuthUser, filter: repo.CardFilter) {
  const { total, items } = await repo.listCards(db, supervisionScope(user), filter);
  return { total, items: items.map(presentCard) };
}

export async function getCard(db: Kysely<DB>, user: AuthUser, id: number) {
  const card = await repo.cardInScope(db, supervisionScope(user), id);
  if (!card) throw new DomainError("SUPERVISION_CARD_NOT_FOUND");
  return presentCard(card);
}

/** 情况说明: the department the card was raised against explains it (its officers and leaders only). */
export async function acknowledgeCard(db: Kysely<DB>, user: AuthUser, actor: AuditActor, id: number, explanation: string) {
  await db.transaction().execute(async (tx) => {
    const card = await repo.cardForUpdate(tx, id);
    if (!card || card.department_id !== user.organisation.id) throw new DomainError("SUPERVISION_CARD_NOT_FOUND");
    if (card.status !== "open") throw new DomainError("SUPERVISION_CARD_NOT_OPEN");
    await repo.setCard(tx, id, { status: "acknowledged", explanation, acknowledged_by: user.id, acknowledged_at: now() });
    const project = await repo.projectCodeOf(tx, card.project_id);
    await recordAudit(tx, { type: "esupervision.card_acknowledged", actor, subject: project.code, regionCode: project.region_code, payload: { cardId: id, caseId: card.case_id, ruleCode: card.rule_code, level: card.level, explanation } });
  });
  return getCard(db, user, id);
}

/** A supervisor of the card's region closes it, having read the explanation (or without one, saying why). */
export async function closeCard(db: Kysely<DB>, user: AuthUser, actor: AuditActor, id: number, note: string) {
  const scope = supervisionScope(user);
  if (!(await repo.cardInScope(db, scope, id))) throw new DomainError("SUPERVISION_CARD_NOT_FOUND");
  await db.transaction().execute(async (tx) => {
    const card = await repo.cardForUpdate(tx, id);
    if (!card) throw new DomainError("SUPERVISION_CARD_NOT_FOUND");
    if (card.status === "closed") throw new DomainError("SUPERVISION_CARD_CLOSED");
    await repo.setCard(tx, id, { status: "closed", closed_by: user.id, closed_at: now(), closing_note: note });
    const project = await repo.projectCodeOf(tx, card.project_id);
    await recordAudit(tx, { type: "esupervision.card_closed", actor, subject: project.code, regionCode: project.region_code, payload: { cardId: id, caseId: card.case_id, ruleCode: card.rule_code, level: card.level, note } });
  });
  return getCard(db, user, id);
}

/** Who records a fee: an officer or leader of the handling department, or the department's own system. */
export type FeeActor = { kind: "user"; user: AuthUser; audit: AuditActor } | { kind: "api_key"; keyId: number; organisationId: number; audit: AuditActor };

const FEE_STATUSES = new Set(["submitted", "accepted", "paused", "refused", "completed"]);
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** 收费登记: a fee the department charged on a case; the sweep judges it against the matter's fee_free. */
export async function recordFee(db: Kysely<DB>, actor: FeeActor, caseId: string, input: { amount: string; item: string; at?: string | undefined }) {
  const c = await repo.caseForFee(db, caseId);
  const organisationId = actor.kind === "user" ? actor.user.organisation.id : actor.organisationId;
  if (!c || c.department_id !== organisationId) throw new DomainError("CASE_NOT_FOUND");
  if (!FEE_STATUSES.has(c.status)) throw new DomainError("CASE_FEE_NOT_ALLOWED");
  const recordedAt = now();
  const at = input.at ? new Date(input.at) : recordedAt;
  if (at.getTime() > recordedAt.getTime() + CLOCK_SKEW_MS) {
    throw new DomainError("VALIDATION_FAILED", { fields: [{ path: "at", message: "收费时间不得晚于当前时间", messageEn: "Not in the future" }] });
  }
  return db.transaction().execute(async (tx) => {
    const fee = await repo.insertFee(tx, {
      case_id: caseId,
      amount: input.amount,
      item: input.item,
      at,
      recorded_by: actor.kind === "user" ? actor.user.id : null,
      api_key_id: actor.kind === "api_key" ? actor.keyId : null,
      recorded_at: recordedAt,
    });
    await recordAudit(tx, { type: "case.fee_recorded", actor: actor.audit, subject: c.project_code, regionCode: c.region_code, payload: { caseId, feeId: fee.id, amount: fee.amount, item: input.item, at: at.toISOString(), feeFree: c.fee_free } });
    return { id: fee.id, caseId, amount: fee.amount, item: input.item, at: at.toISOString(), feeFree: c.fee_free };
  });
}
