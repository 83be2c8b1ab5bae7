import type { Kysely } from "kysely";
import type { Config } from "../../config/env.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { renderFilingCertificate } from "../projects/certificate/pdf.js";
import { projectPublicUrl, qrPng } from "../projects/label.js";
import { findInScope } from "../projects/projects.repository.js";
import { buildCompletionNotice } from "./completion-notice.js";

/** States a project reaches only after its completion notice was due (approval, then implementation). */
const NOTICE_STATES = ["approved", "under_construction", "completed"];

/**
 * The completion notice PDF of a project in the caller's scope whose told matters are all done. Reading and
 * recording the download happen in one transaction; the PDF is drawn after.
 */
export async function completionNotice(ctx: { db: Kysely<DB>; config: Config }, user: AuthUser, code: string, actor: AuditActor) {
  const notice = await ctx.db.transaction().execute(async (tx) => {
    const p = await findInScope(tx, user.scope, code);
    if (!p) throw new DomainError("NOT_FOUND");
    if (!NOTICE_STATES.includes(p.status)) throw new DomainError("COMPLETION_NOTICE_NOT_READY");
    const matters = await tx
      .selectFrom("matter_case as c")
      .innerJoin("matter as m", "m.code", "c.matter_code")
      .innerJoin("organisation as d", "d.id", "c.department_id")
      .leftJoin("case_event as e", (j) => j.onRef("e.case_id", "=", "c.id").on("e.type", "=", "complete"))
      .select(["m.name as matterName", "d.name as department", "c.result", "c.document_number", "c.document_title", "c.status", "e.on_date"])
      .where("c.project_id", "=", p.id)
      .orderBy("m.stage")
      .orderBy("c.matter_code")
      .execute();
    const completedOn = matters.map((m) => m.on_date).filter((d): d is string => d !== null).sort();
    await recordAudit(tx, { type: "project.completion_notice_downloaded", actor, subject: p.code, regionCode: p.region_code, payload: { code: p.code } });
    return buildCompletionNotice({
      code: p.code,
      projectName: p.name,
      unitName: p.unit_name,
      approvedOn: completedOn.at(-1) ?? null,
      authority: ctx.config.PLATFORM_NAME,
      publicUrl: projectPublicUrl(ctx.config.PUBLIC_BASE_URL, p.code),
      matters: matters.map((m) => ({ matterName: m.matterName, department: m.department, result: m.result, documentNumber: m.document_number, documentTitle: m.document_title, completedOn: m.on_date, status: m.status })),
    });
  });
  return { code: notice.code, pdf: await renderFilingCertificate(notice, { qrPng: await qrPng(notice.publicUrl), createdAt: now() }) };
}
