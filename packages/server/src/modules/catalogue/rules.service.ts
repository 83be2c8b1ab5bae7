import { type Declaration, declarationSchema } from "@tzxm/shared";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Config } from "../../config/env.js";
import { regionInScope } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { DomainError, type FieldProblem } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { resolveCode } from "../projects/code-param.js";
import { findInScope, latestVersion } from "../projects/projects.repository.js";
import { requireRegion } from "../reference/reference.service.js";
import { evaluate, type MatterDecision, projectFacts, type Rule, ruleSchema, validateRuleSet } from "./applicability.js";
import * as repo from "./catalogue-admin.repository.js";
import { lockMatter } from "./catalogue.repository.js";
import { keepsCatalogue, requireCatalogueManager } from "./matters-admin.service.js";

/**
 * 适用规则管理 (Art. 14(1), 24): the comprehensive management department keeps the applicability rules of its
 * region and the regions within it; national (100000) rules only on the central platform. A rule is never edited:
 * a change deactivates the active rule and inserts its replacement, with a reason, and the WHOLE active rule set
 * after the change must pass `validateRuleSet`. Nothing a project was told changes with a rule (see
 * reevaluation.service.ts for the explicit act that does).
 */

const noteText = z.string().trim().min(1).max(500);
export const noteSchema = z.object({ zh: noteText, en: noteText }).strict();
export const ruleBodySchema = z.object({ condition: z.unknown(), note: noteSchema.optional(), reason: z.string().trim().min(1).max(500) });
export type RuleBody = z.output<typeof ruleBodySchema>;

export interface RulesContext {
  db: Kysely<DB>;
  config: Config;
}

/** JSON with sorted keys: jsonb does not keep the order of keys, so texts are compared in this form. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

const rawRule = (r: { matter_code: string; region_code: string; condition: unknown; note: unknown }) => ({
  matterCode: r.matter_code,
  regionCode: r.region_code,
  condition: r.condition,
  ...(r.note ? { note: r.note } : {}),
});

/** Problems of one rule (the condition against the facts, operators and limits), paths relative to the rule. */
function ruleProblems(candidate: unknown): FieldProblem[] {
  return validateRuleSet([candidate]).map((p) => ({ ...p, path: p.path.replace(/^0\.?/, "") }));
}

async function checkRegion(ctx: RulesContext, user: AuthUser, regionCode: string): Promise<void> {
  if (regionCode === "100000") {
    if (ctx.config.PLATFORM_LEVEL !== "central") throw new DomainError("NATIONAL_RULE_CENTRAL_ONLY");
    // On the central platform, only a department whose scope is the whole country sets national rules.
    if (user.scope.regionPrefix !== "") throw new DomainError("RULE_REGION_OUT_OF_SCOPE");
    return;
  }
  await requireRegion(ctx.db, regionCode, "regionCode");
  if (!regionInScope(user.scope, regionCode)) throw new DomainError("RULE_REGION_OUT_OF_SCOPE");
}

/**
 * The active set with the rule at (matter, region) replaced by `candidate` (or removed when null), checked as a
 * whole. The problems name the rule: `condition…` for the candidate, `rules.<matter>@<region>…` for another.
 */
function setProblems(rows: Awaited<ReturnType<typeof repo.activeRuleRows>>, matterCode: string, regionCode: string, candidate: unknown | null): FieldProblem[] {
  const others = rows.filter((r) => !(r.matter_code === matterCode && r.region_code === regionCode));
  const set: unknown[] = others.map(rawRule);
  if (candidate !== null) set.push(candidate);
  return validateRuleSet(set).map((p) => {
    const [index, ...rest] = p.path.split(".");
    const i = Number(index);
    if (index === "" || !Number.isInteger(i)) return p;
    if (i === others.length) return { ...p, path: rest.join(".") || "condition" };
    const r = others[i];
    return { ...p, path: [`rules.${r?.matter_code}@${r?.region_code}`, ...rest].join(".") };
  });
}

/** Read by any holder of `catalogue:manage` (an approving department sees what decides its matters); kept by the comprehensive department. */
export async function listRules(ctx: RulesContext, user: AuthUser, f: { matter?: string | undefined; region?: string | undefined; history?: boolean | undefined }) {
  const keeps = keepsCatalogue(user);
  const rows = await repo.listRules(ctx.db, { matter: f.matter, region: f.region, history: f.history ?? false });
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      matterCode: r.matter_code,
      matterName: r.matter_name,
      regionCode: r.region_code,
      regionName: r.region_code === "100000" ? "全国" : r.region_name,
      condition: r.condition,
      note: r.note ?? null,
      active: r.active,
      reason: r.reason,
      createdAt: r.created_at.toISOString(),
      createdBy: r.created_by,
      deactivatedAt: r.deactivated_at?.toISOString() ?? null,
      deactivatedBy: r.deactivated_by,
      deactivationReason: r.deactivation_reason,
      replacedBy: r.replaced_by === null ? null : Number(r.replaced_by),
      editable: keeps && (r.region_code === "100000" ? ctx.config.PLATFORM_LEVEL === "central" && user.scope.regionPrefix === "" : regionInScope(user.scope, r.region_code)),
    })),
  };
}

export async function saveRule(ctx: RulesContext, user: AuthUser, matterCode: string, regionCode: string, body: RuleBody, actor: AuditActor) {
  requireCatalogueManager(user);
  await checkRegion(ctx, user, regionCode);
  const candidate = { matterCode, regionCode, condition: body.condition, ...(body.note ? { note: body.note } : {}) };
  const problems = ruleProblems(candidate);
  if (problems.length) throw new DomainError("VALIDATION_FAILED", { fields: problems });
  const at = now();
  return ctx.db.transaction().execute(async (tx) => {
    // One change of a matter's rules at a time: the set is checked as it will be stored.
    if (!(await lockMatter(tx, matterCode))) throw new DomainError("NOT_FOUND");
    const old = await repo.activeRuleFor(tx, matterCode, regionCode);
    if (old && canonical(old.condition) === canonical(body.condition) && canonical(old.note) === canonical(body.note ?? null)) {
      throw new DomainError("CATALOGUE_UNCHANGED");
    }
    const invalid = setProblems(await repo.activeRuleRows(tx), matterCode, regionCode, candidate);
    if (invalid.length) throw new DomainError("RULE_SET_INVALID", { fields: invalid });
    if (old) await repo.deactivateRule(tx, Number(old.id), user.id, at, `被新规则替代：${body.reason}`);
    const id = await repo.insertRule(tx, { matter_code: matterCode, region_code: regionCode, condition: body.condition, note: body.note ?? null, reason: body.reason, created_by: user.id, created_at: at });
    if (old) await repo.setReplacedBy(tx, Number(old.id), id);
    await recordAudit(tx, {
      type: "rule.saved",
      actor,
      subject: matterCode,
      regionCode: regionCode === "100000" ? undefined : regionCode,
      payload: { matterCode, regionCode, ruleId: id, ...(old ? { replacedRuleId: Number(old.id) } : {}), condition: body.condition, reason: body.reason },
    });
    return { id, matterCode, regionCode, replacedRuleId: old ? Number(old.id) : null };
  });
}

export async function deactivateRule(ctx: RulesContext, user: AuthUser, matterCode: string, regionCode: string, reason: string, actor: AuditActor) {
  requireCatalogueManager(user);
  await checkRegion(ctx, user, regionCode);
  const at = now();
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await lockMatter(tx, matterCode))) throw new DomainError("NOT_FOUND");
    const old = await repo.activeRuleFor(tx, matterCode, regionCode);
    if (!old) throw new DomainError("NOT_FOUND");
    const invalid = setProblems(await repo.activeRuleRows(tx), matterCode, regionCode, null);
    if (invalid.length) throw new DomainError("RULE_SET_INVALID", { fields: invalid });
    await repo.deactivateRule(tx, Number(old.id), user.id, at, reason);
    await recordAudit(tx, {
      type: "rule.deactivated",
      actor,
      subject: matterCode,
      regionCode: regionCode === "100000" ? undefined : regionCode,
      payload: { matterCode, regionCode, ruleId: Number(old.id), reason },
    });
    return { id: Number(old.id), matterCode, regionCode };
  });
}

export const previewBodySchema = z
  .object({
    matterCode: z.string().trim().min(1).max(50),
    regionCode: z.string().regex(/^\d{6}$/),
    condition: z.unknown(),
    note: noteSchema.optional(),
    projectCode: z.string().trim().min(1).max(64).optional(),
    declaration: z.unknown().optional(),
  })
  .refine((b) => (b.projectCode === undefined) !== (b.declaration === undefined), { message: "give either projectCode or declaration", path: ["projectCode"] });
export type PreviewBody = z.output<typeof previewBodySchema>;

type DecisionView = Pick<MatterDecision, "required" | "decidedBy" | "reasons">;

/**
 * 规则试算: what the matter's decision would be for a project (or a sample declaration) with the rule at
 * (matter, region) replaced by the one being edited, beside the decision under the rules in force. Stores nothing.
 */
export async function previewRule(ctx: RulesContext, user: AuthUser, body: PreviewBody) {
  requireCatalogueManager(user);
  const candidate = { matterCode: body.matterCode, regionCode: body.regionCode, condition: body.condition, ...(body.note ? { note: body.note } : {}) };
  const problems = ruleProblems(candidate);
  if (problems.length) throw new DomainError("VALIDATION_FAILED", { fields: problems });
  const { db } = ctx;
  let facts: ReturnType<typeof projectFacts>;
  let project: { code: string; name: string; regionCode: string; told: boolean } | null = null;
  if (body.projectCode !== undefined) {
    const p = await findInScope(db, user.scope, await resolveCode(db, body.projectCode));
    if (!p) throw new DomainError("NOT_FOUND");
    const version = await latestVersion(db, p.id);
    facts = projectFacts(version?.data as Declaration, { region: p.region_code, jurisdiction: p.jurisdiction });
    const told = await repo.openCaseOf(db, p.id, body.matterCode);
    project = { code: p.code, name: p.name, regionCode: p.region_code, told: told !== undefined };
  } else {
    const parsed = declarationSchema.safeParse(body.declaration);
    if (!parsed.success) {
      throw new DomainError("VALIDATION_FAILED", {
        fields: parsed.error.issues.map((i) => ({ path: ["declaration", ...i.path].join("."), message: `示例申报信息不完整：${i.message}`, messageEn: i.message })),
      });
    }
    facts = projectFacts(parsed.data as Declaration);
  }
  const rows = (await repo.activeRuleRows(db)).filter((r) => r.matter_code === body.matterCode);
  const inForce: Rule[] = rows.flatMap((r) => {
    const parsed = ruleSchema.safeParse(rawRule(r));
    return parsed.success ? [parsed.data] : [];
  });
  const edited = [...inForce.filter((r) => r.regionCode !== body.regionCode), ruleSchema.parse(candidate)];
  const names = new Map<string, string>();
  for (const code of new Set([...edited.map((r) => r.regionCode), ...inForce.map((r) => r.regionCode), facts.region])) {
    const found = await repo.regionName(db, code);
    if (found) names.set(code, found.name);
  }
  const options = { regionName: (code: string) => names.get(code) };
  const view = (d: MatterDecision | undefined): DecisionView | null => (d ? { required: d.required, decidedBy: d.decidedBy, reasons: d.reasons } : null);
  return {
    matterCode: body.matterCode,
    project,
    region: facts.region,
    current: view(evaluate(inForce, facts, [body.matterCode], options)[0]),
    proposed: view(evaluate(edited, facts, [body.matterCode], options)[0]),
  };
}
