import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { DEMO_ORGANISATIONS } from "../../demo/demo-data.js";
import { now } from "../../platform/clock.js";
import { systemActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import { loadDemoCatalogue } from "./catalogue-seed.js";
import * as repo from "./catalogue.repository.js";

/**
 * Loads the demo catalogue (seed-data/catalogue/demo-catalogue.json) into an empty catalogue, with each guide
 * published as version 1, in one transaction with its audit event. Needs the demo departments. Returns false
 * when the catalogue already has matters.
 */
export async function seedDemoCatalogue(db: Kysely<DB>): Promise<boolean> {
  if (Number((await repo.countMatters(db)).n) > 0) return false;
  const catalogue = loadDemoCatalogue();
  const departments = new Map<string, number>();
  for (const o of DEMO_ORGANISATIONS) {
    const found = await repo.organisationIdByName(db, o.name);
    if (found) departments.set(o.key, found.id);
  }
  const at = now();
  await db.transaction().execute(async (tx) => {
    for (const m of catalogue.matters) {
      const departmentId = departments.get(m.departmentKey);
      if (departmentId === undefined) throw new Error(`demo department ${m.departmentKey} is missing`);
      const master = {
        name: m.name,
        department_id: departmentId,
        kind: m.kind,
        stage: m.stage,
        statutory_working_days: m.statutoryWorkingDays,
        statutory_calendar_days: m.statutoryCalendarDays ?? null,
        statutory_source: m.statutorySource,
        extendable_working_days: m.extendableWorkingDays ?? null,
        extension_source: m.extensionSource ?? null,
        promised_working_days: m.promisedWorkingDays,
        promised_source: m.promisedSource,
        pause_reason_classes: m.pauseReasonClasses,
        sign_off_mode: m.signOffMode ?? "none",
        decides_project: m.decidesProject ?? false,
      };
      await repo.insertMatter(tx, { code: m.code, ...master, version: 1, updated_at: at });
      await repo.insertMatterVersion(tx, { matter_code: m.code, version: 1, ...master, changed_by: null, changed_at: at, reason: `演示事项清单 demo catalogue: ${catalogue.source}` });
      await repo.insertGuide(tx, {
        matter_code: m.code,
        version: 1,
        status: "published",
        content: m.guide,
        materials: m.materials,
        created_by: null,
        created_at: at,
        published_by: null,
        published_at: at,
      });
    }
    for (const r of catalogue.rules) {
      await repo.insertRule(tx, { matter_code: r.matterCode, region_code: r.regionCode, condition: r.condition, note: r.note ?? null, created_by: null, created_at: at });
    }
    await recordAudit(tx, {
      type: "catalogue.seeded",
      actor: systemActor("demo-seed"),
      regionCode: "330000",
      payload: { matters: catalogue.matters.length, rules: catalogue.rules.length, source: catalogue.source },
    });
  });
  return true;
}
