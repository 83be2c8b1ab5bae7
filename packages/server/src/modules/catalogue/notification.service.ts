import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { randomToken } from "../../platform/crypto.js";
import { recordAudit } from "../audit/audit.service.js";
import type { MatterNotifier, RequiredMatter } from "../projects/declaration.service.js";
import { evaluate, projectFacts, type Rule, ruleSchema } from "./applicability.js";
import * as repo from "./catalogue.repository.js";

export async function loadRules(tx: Kysely<DB> | Transaction<DB>): Promise<Rule[]> {
  const rows = await repo.activeRules(tx);
  // Stored rules were validated when saved; parsing again keeps a hand-edited row from reaching the evaluator.
  return rows.map((r) => ruleSchema.parse({ matterCode: r.matter_code, regionCode: r.region_code, condition: r.condition, ...(r.note ? { note: r.note } : {}) }));
}

/**
 * 告知应办事项 (Art. 14(1)): evaluates the applicability rules on the declaration and records, for every required
 * matter, a matter case in status `notified` holding the reasons and the guide version published at this moment.
 * What a project was told is never changed by a later rule or guide: it is stored, not recomputed.
 */
export const notifyRequiredMatters: MatterNotifier = async (tx, project, actor) => {
  const [rules, matters] = await Promise.all([loadRules(tx), repo.mattersWithPublishedGuides(tx)]);
  const byCode = new Map(matters.map((m) => [m.code, m]));
  const decisions = evaluate(rules, projectFacts(project.declaration, { region: project.region, jurisdiction: project.jurisdiction }));
  const told: RequiredMatter[] = [];
  for (const d of decisions) {
    const matter = byCode.get(d.matterCode);
    if (!d.required || !matter) continue;
    const caseId = `MC${randomToken(12)}`;
    await repo.insertCase(tx, {
      id: caseId,
      project_id: project.id,
      matter_code: matter.code,
      matter_version: matter.matter_version,
      guide_id: matter.guide_id,
      reasons: d.reasons,
      decided_by_region: d.decidedBy?.regionCode ?? null,
      notified_at: project.at,
    });
    told.push({ caseId, matterCode: matter.code, matterName: matter.name, department: matter.department, guideVersion: matter.guide_version, reasons: d.reasons });
  }
  await recordAudit(tx, {
    type: "project.matters_notified",
    actor,
    subject: project.code,
    regionCode: project.region,
    payload: { code: project.code, matters: told.map((m) => ({ matterCode: m.matterCode, caseId: m.caseId, guideVersion: m.guideVersion })) },
  });
  return told;
};
