import type { Declaration } from "@tzxm/shared";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { randomToken } from "../../platform/crypto.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { resolveCode } from "../projects/code-param.js";
import { findInScope, latestVersion } from "../projects/projects.repository.js";
import { evaluate, projectFacts } from "./applicability.js";
import * as admin from "./catalogue-admin.repository.js";
import * as repo from "./catalogue.repository.js";
import { requireCatalogueManager } from "./matters-admin.service.js";
import { loadRules } from "./notification.service.js";

/**
 * 重新评估应办事项 (issue 4): what a project was told is stored, never recomputed, so a later rule or guide change
 * reaches a project only through this explicit, audited act. The difference is shown first; applying it tells the
 * project the matters now required (new `notified` cases with today's matter and guide versions) and withdraws
 * the matters no longer required whose cases have not started (`notified`); cases under way stay as they are.
 */

/** A project that has ended (or been replaced) is not told anything new. */
const CLOSED = new Set(["withdrawn", "superseded", "lapsed", "completed"]);

type Q = Kysely<DB> | Transaction<DB>;
type Project = { id: number; code: string; region_code: string; jurisdiction: "central" | "local" };
type Reasons = { zh: string[]; en: string[] };

export interface Reevaluation {
  code: string;
  /** Required under the current rules, not told (or told and withdrawn). */
  added: { matterCode: string; matterName: string; department: string; matterVersion: number; guideId: number | null; guideVersion: number | null; reasons: Reasons; decidedByRegion: string | null }[];
  /** Told, no longer required; only `notified` cases are withdrawn, the others are reported and kept. */
  notRequired: { caseId: string; matterCode: string; matterName: string; status: string; withdrawable: boolean; reasons: Reasons }[];
  /** Told and still required, with a newer matter or guide version than the one told (for information). */
  updated: { caseId: string; matterCode: string; matterName: string; status: string; toldMatterVersion: number; currentMatterVersion: number; toldGuideVersion: number | null; currentGuideVersion: number | null }[];
}

async function difference(q: Q, project: Project): Promise<Reevaluation> {
  const version = await latestVersion(q, project.id);
  if (!version) throw new DomainError("NOT_FOUND");
  const [rules, matters, cases] = await Promise.all([loadRules(q), repo.mattersWithPublishedGuides(q), admin.openCases(q, project.id)]);
  const decisions = evaluate(rules, projectFacts(version.data as Declaration, { region: project.region_code, jurisdiction: project.jurisdiction }));
  const byMatter = new Map(matters.map((m) => [m.code, m]));
  const decided = new Map(decisions.map((d) => [d.matterCode, d]));
  const told = new Map(cases.map((c) => [c.matter_code, c]));
  const added: Reevaluation["added"] = [];
  for (const d of decisions) {
    const m = byMatter.get(d.matterCode);
    if (!d.required || !m || told.has(d.matterCode)) continue;
    added.push({
      matterCode: m.code,
      matterName: m.name,
      department: m.department,
      matterVersion: m.matter_version,
      guideId: m.guide_id === null ? null : Number(m.guide_id),
      guideVersion: m.guide_version,
      reasons: d.reasons,
      decidedByRegion: d.decidedBy?.regionCode ?? null,
    });
  }
  const notRequired: Reevaluation["notRequired"] = [];
  const updated: Reevaluation["updated"] = [];
  for (const c of cases) {
    const d = decided.get(c.matter_code);
    if (!d?.required) {
      notRequired.push({
        caseId: c.id,
        matterCode: c.matter_code,
        matterName: c.matter_name,
        status: c.status,
        withdrawable: c.status === "notified",
        reasons: d?.reasons ?? { zh: ["现行规则中没有该事项的规则"], en: ["the current rules have no rule for this matter"] },
      });
    } else if (c.matter_version < c.current_matter_version || (c.current_guide_version ?? 0) > (c.guide_version ?? 0)) {
      updated.push({
        caseId: c.id,
        matterCode: c.matter_code,
        matterName: c.matter_name,
        status: c.status,
        toldMatterVersion: c.matter_version,
        currentMatterVersion: c.current_matter_version,
        toldGuideVersion: c.guide_version,
        currentGuideVersion: c.current_guide_version,
      });
    }
  }
  return { code: project.code, added, notRequired, updated };
}

async function projectOf(db: Kysely<DB>, user: AuthUser, code: string) {
  requireCatalogueManager(user);
  const p = await findInScope(db, user.scope, await resolveCode(db, code));
  if (!p) throw new DomainError("NOT_FOUND");
  return p;
}

export async function showReevaluation(db: Kysely<DB>, user: AuthUser, code: string): Promise<Reevaluation & { closed: boolean }> {
  const p = await projectOf(db, user, code);
  return { ...(await difference(db, p)), closed: CLOSED.has(p.status) };
}

export async function reevaluate(db: Kysely<DB>, user: AuthUser, code: string, reason: string, actor: AuditActor) {
  const p = await projectOf(db, user, code);
  const at = now();
  return db.transaction().execute(async (tx) => {
    const locked = await admin.lockProject(tx, p.id);
    if (!locked) throw new DomainError("NOT_FOUND");
    if (CLOSED.has(locked.status)) {
      throw new DomainError("STATE_CONFLICT", {
        message: "项目已撤回、被替代、失效或竣工，不再重新评估应办事项",
        messageEn: "The project was withdrawn, superseded, has lapsed or is completed: its matters are not re-evaluated",
      });
    }
    // Computed again under the lock: what is applied is what the rules say now, not what a page showed earlier.
    const diff = await difference(tx, p);
    const withdrawable = diff.notRequired.filter((c) => c.withdrawable);
    if (diff.added.length === 0 && withdrawable.length === 0) throw new DomainError("NOTHING_TO_REEVALUATE");
    const added: { matterCode: string; caseId: string; matterVersion: number; guideVersion: number | null }[] = [];
    for (const m of diff.added) {
      const caseId = `MC${randomToken(12)}`;
      await repo.insertCase(tx, {
        id: caseId,
        project_id: p.id,
        matter_code: m.matterCode,
        matter_version: m.matterVersion,
        guide_id: m.guideId,
        reasons: m.reasons,
        decided_by_region: m.decidedByRegion,
        notified_at: at,
      });
      added.push({ matterCode: m.matterCode, caseId, matterVersion: m.matterVersion, guideVersion: m.guideVersion });
    }
    const withdrawn: { matterCode: string; caseId: string }[] = [];
    for (const c of withdrawable) {
      const done = await admin.withdrawNotifiedCase(tx, c.caseId);
      if (Number(done.numUpdatedRows) === 1) withdrawn.push({ matterCode: c.matterCode, caseId: c.caseId });
    }
    const keptNotRequired = diff.notRequired.filter((c) => !withdrawn.some((w) => w.caseId === c.caseId)).map((c) => ({ matterCode: c.matterCode, caseId: c.caseId, status: c.status }));
    await recordAudit(tx, {
      type: "project.matters_reevaluated",
      actor,
      subject: p.code,
      regionCode: p.region_code,
      payload: { code: p.code, reason, added, withdrawn, keptNotRequired },
    });
    return { code: p.code, added, withdrawn, keptNotRequired };
  });
}
