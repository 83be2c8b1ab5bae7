import { now } from "../../platform/clock.js";
import { sm3Hex } from "../../platform/crypto.js";
import { DomainError } from "../../platform/errors.js";
import type { FileStore } from "../../platform/file-store.js";
import { recordAudit } from "../audit/audit.service.js";
import { checkUpload, decodeFileName } from "../materials/material-rules.js";
import { refuseUpload } from "../materials/materials.service.js";
import * as repo from "./cases.repository.js";
import { type CasesContext, type StepActor, getCase } from "./cases.service.js";

/**
 * 批文: the decision document of a case, attached by the handling department (or its system) while it handles
 * the case or after completing it, PDF or OFD (the national standard for electronic official documents, GB/T
 * 33190). The file is stored before the transaction; the row and the audit event (with its SM3) commit together.
 */
const DOCUMENT_RULE = { formats: ["pdf", "ofd"] } as const;

function departmentOf(actor: StepActor): number | null {
  if (actor.kind === "api_key") return actor.organisationId;
  return actor.user.role === "officer" || actor.user.role === "leader" ? actor.user.organisation.id : null;
}

export async function attachDocument(
  ctx: CasesContext & { files: FileStore; maxBytes: number },
  actor: StepActor,
  caseId: string,
  input: { fileNameHeader: string | string[] | undefined; body: unknown },
) {
  const c = await repo.findCase(ctx.db, caseId);
  if (!c || departmentOf(actor) !== c.department_id) throw new DomainError("CASE_NOT_FOUND");
  const fileName = decodeFileName(input.fileNameHeader);
  if (fileName === null) refuseUpload({ code: "MATERIAL_FILE_NAME_INVALID" });
  const bytes = Buffer.isBuffer(input.body) ? input.body : Buffer.alloc(0);
  const check = checkUpload(DOCUMENT_RULE, fileName, bytes, ctx.maxBytes);
  if (!check.ok) refuseUpload(check.problem);
  const stored = await ctx.files.put(bytes);
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.findCaseForUpdate(tx, caseId);
    if (!locked || (locked.status !== "accepted" && locked.status !== "paused" && locked.status !== "completed")) throw new DomainError("CASE_STEP_NOT_ALLOWED");
    await repo.updateCase(tx, caseId, { document_key: stored.key, document_file_name: fileName, document_size: stored.size, document_sm3: stored.sm3 });
    await recordAudit(tx, {
      type: "case.document_attached",
      actor: actor.audit,
      subject: c.project_code,
      regionCode: c.region_code,
      payload: { caseId, fileName, size: stored.size, sm3: stored.sm3, replaced: locked.document_sm3 ?? null },
    });
  });
  return { fileName, size: stored.size, sm3: stored.sm3, attachedAt: now().toISOString() };
}

/** The document for anyone who may see the case; its bytes are checked against the recorded digest. */
export async function openDocument(ctx: CasesContext & { files: FileStore }, viewer: StepActor, caseId: string) {
  await getCase(ctx, viewer, caseId);
  const c = await ctx.db.selectFrom("matter_case").select(["document_key", "document_file_name", "document_sm3"]).where("id", "=", caseId).executeTakeFirst();
  if (!c?.document_key || !c.document_file_name) throw new DomainError("NOT_FOUND");
  const opened = await ctx.files.open(c.document_key);
  if (!opened) throw new DomainError("NOT_FOUND");
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  if (sm3Hex(bytes) !== c.document_sm3) throw new Error(`decision document of ${caseId} does not match its recorded SM3`);
  return { fileName: c.document_file_name, sm3: c.document_sm3, bytes, mediaType: c.document_file_name.toLowerCase().endsWith(".ofd") ? "application/ofd" : "application/pdf" };
}
