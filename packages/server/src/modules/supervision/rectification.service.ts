import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { cstDate, now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { checkUpload, decodeFileName, FILE_NAME_MAX, humanSize } from "../materials/material-rules.js";
import { RECTIFICATION_STATUS_LABELS, type RectificationActor, type RectificationEvent, allowedRectificationEvents, applyRectificationEvent, isOverdue } from "./rectification.workflow.js";
import { actsForDepartment, canRead, notAfterToday, notBefore, supervisedProject } from "./supervision-access.js";
import * as repo from "./supervision.repository.js";
import type { SupervisionContext } from "./supervision.service.js";

/**
 * 整改通知 (Art. 14(5)): a department orders a project's unit to rectify by a deadline; the unit reports its
 * rectification (text and an optional attachment); the department accepts it (closed) or returns it with a reason
 * (open again) until it is closed. Overdue is computed from the deadline when read, never stored. The unit is told
 * of the order, of each return and of the closing through its organisation's messages.
 */

type Q = Kysely<DB> | Transaction<DB>;
const MB = 1024 * 1024;
/** Evidence of a rectification: documents, photos or a ZIP of them, at most 20 MB. */
export const ATTACHMENT_MAX_BYTES = 20 * MB;
const ATTACHMENT_RULE = { formats: ["pdf", "ofd", "jpg", "png", "docx", "zip"], maxSizeMb: 20 };

type Step = Awaited<ReturnType<typeof repo.stepsOf>>[number];

function actorOfOrder(user: AuthUser, r: repo.OrderRow): RectificationActor | null {
  if (user.role === "project_unit") return user.organisation.id === r.unit_organisation_id ? "unit" : null;
  return actsForDepartment(user, r) ? "department" : null;
}

function orderView(user: AuthUser, r: repo.OrderRow, steps: Step[], today: string) {
  const overdue = isOverdue(r.status, r.deadline, today);
  return {
    id: r.id,
    projectCode: r.project_code,
    projectName: r.project_name,
    unit: r.unit_name,
    departmentId: r.organisation_id,
    department: r.department_name,
    inspectionId: r.inspection_id,
    findingId: r.finding_id,
    documentNumber: r.document_number,
    requirements: r.requirements,
    issuedOn: r.issued_on,
    deadline: r.deadline,
    status: r.status,
    overdue,
    // Whole days past the deadline (CST dates), for the list's highlighting.
    daysOverdue: overdue ? Math.round((Date.parse(today) - Date.parse(r.deadline)) / 86_400_000) : 0,
    closedOn: r.closed_on,
    steps: steps
      .filter((s) => s.order_id === r.id)
      .map((s) => ({
        seq: s.seq,
        type: s.type,
        body: s.body,
        attachment: s.attachment_sm3 ? { fileName: s.attachment_file_name ?? "", size: Number(s.attachment_size), sm3: s.attachment_sm3 } : null,
        actor: s.actor_label,
        at: s.at.toISOString(),
      })),
    allowedActions: allowedRectificationEvents(r.status, actorOfOrder(user, r)),
  };
}
export type OrderView = ReturnType<typeof orderView>;

export async function orderViews(db: Q, user: AuthUser, rows: repo.OrderRow[], today = cstDate()) {
  const steps = await repo.stepsOf(db, rows.map((r) => r.id));
  return rows.map((r) => orderView(user, r, steps, today));
}

async function load(db: Q, user: AuthUser, id: number) {
  const r = await repo.orderById(db, { regionPrefix: "" }, id);
  if (!r || !canRead(user, r)) throw new DomainError("RECTIFICATION_NOT_FOUND");
  return (await orderViews(db, user, [r]))[0]!;
}

export function getOrder(ctx: SupervisionContext, user: AuthUser, id: number) {
  return load(ctx.db, user, id);
}

export interface OrderListFilter extends repo.Page {
  status?: "open" | "submitted" | "closed" | undefined;
  overdue?: boolean | undefined;
  projectCode?: string | undefined;
}

/** Orders in the caller's scope (a unit: its own projects'), overdue first. */
export async function listOrders(ctx: SupervisionContext, user: AuthUser, f: OrderListFilter) {
  const today = cstDate();
  const { items, total } = await repo.listOrders(ctx.db, user.scope, { ...f, overdueOn: f.overdue ? today : undefined }, today);
  return { items: await orderViews(ctx.db, user, items, today), total, page: f.page, pageSize: f.pageSize, today };
}

// --- Issuing --------------------------------------------------------------------------------------------------

export interface OrderInput {
  inspectionId?: number | undefined;
  findingId?: number | undefined;
  documentNumber?: string | undefined;
  requirements: string;
  issuedOn?: string | undefined;
  deadline: string;
}

const fieldError = (code: "VALIDATION_FAILED", path: string, message: string, messageEn: string) => new DomainError(code, { fields: [{ path, message, messageEn }] });

export async function issueOrder(ctx: SupervisionContext, user: AuthUser, code: string, input: OrderInput, audit: AuditActor): Promise<OrderView> {
  const p = await supervisedProject(ctx.db, user, code);
  const issuedOn = input.issuedOn ?? cstDate();
  notAfterToday("issuedOn", issuedOn);
  // The issue date is not after today, so a deadline from today on is also not before it.
  notBefore("deadline", input.deadline, cstDate(), "整改期限不得早于今天", "Not before today");
  return ctx.db.transaction().execute(async (tx) => {
    let inspectionId = input.inspectionId ?? null;
    if (input.findingId !== undefined) {
      const f = await repo.findingById(tx, input.findingId);
      if (!f || f.project_id !== p.id || (inspectionId !== null && f.inspection_id !== inspectionId)) throw fieldError("VALIDATION_FAILED", "findingId", "应为本项目该次检查发现的问题", "Must be a finding of this project's inspection");
      inspectionId = f.inspection_id;
    }
    if (inspectionId !== null) {
      const i = await repo.inspectionById(tx, { regionPrefix: "" }, inspectionId);
      if (!i || i.project_id !== p.id) throw fieldError("VALIDATION_FAILED", "inspectionId", "应为本项目的检查记录", "Must be an inspection of this project");
    }
    const at = now();
    const id = await repo.insertOrder(tx, {
      project_id: p.id, organisation_id: user.organisation.id, inspection_id: inspectionId, finding_id: input.findingId ?? null,
      document_number: input.documentNumber ?? null, requirements: input.requirements, issued_on: issuedOn, deadline: input.deadline,
      status: "open", created_by: user.id, created_at: at,
    });
    await repo.insertStep(tx, { order_id: id, type: "issue", body: input.requirements, actor_id: user.id, actor_label: user.displayName, at });
    await repo.insertMessages(tx, [
      {
        user_id: null, organisation_id: p.unit_organisation_id, kind: "rectification.ordered", subject: p.code,
        title: `整改通知：${p.name}`, title_en: `Rectification order: ${p.code}`,
        body: `${user.organisation.name}${input.documentNumber ? `（${input.documentNumber}）` : ""}要求项目 ${p.code} 于 ${input.deadline} 前完成整改并在平台报送整改情况：${input.requirements}`,
        body_en: `${p.code} must be rectified and the rectification reported on the platform by ${input.deadline}.`,
        created_at: at,
      },
    ]);
    await recordAudit(tx, {
      type: "supervision.rectification_ordered", actor: audit, subject: p.code, regionCode: p.region_code,
      payload: { orderId: id, inspectionId, findingId: input.findingId ?? null, documentNumber: input.documentNumber ?? null, issuedOn, deadline: input.deadline },
    });
    return load(tx, user, id);
  });
}

// --- The follow-up --------------------------------------------------------------------------------------------

/** Locks the order and checks the step against the workflow and who takes it (a stranger gets 404). */
async function lockFor(tx: Transaction<DB>, user: AuthUser, id: number, event: RectificationEvent) {
  const r = await repo.orderForUpdate(tx, id);
  const actor = r && canRead(user, r) ? actorOfOrder(user, r) : null;
  if (!r || !canRead(user, r)) throw new DomainError("RECTIFICATION_NOT_FOUND");
  if (!actor) throw new DomainError("RECTIFICATION_ACTOR_NOT_ALLOWED");
  const t = applyRectificationEvent(r.status, event, actor);
  if (!t.ok) {
    if (t.reason === "actor") throw new DomainError("RECTIFICATION_ACTOR_NOT_ALLOWED");
    throw new DomainError("RECTIFICATION_STEP_NOT_ALLOWED", {
      message: `整改通知当前状态为「${RECTIFICATION_STATUS_LABELS[r.status]}」，该操作仅可在「${t.allowedFrom.map((s) => RECTIFICATION_STATUS_LABELS[s]).join("、")}」状态下办理`,
      messageEn: `The order is ${r.status}; this step is allowed only from ${t.allowedFrom.join(", ")}`,
    });
  }
  return { r, next: t.next };
}

export interface ReportInput {
  report: string;
  attachment?: { fileName: string; contentBase64: string } | undefined;
}

const attachmentField = (message: string, messageEn: string) => ({ fields: [{ path: "attachment", message, messageEn }] });

function checkAttachment(a: NonNullable<ReportInput["attachment"]>) {
  const fileName = decodeFileName(encodeURIComponent(a.fileName));
  if (fileName === null) throw new DomainError("MATERIAL_FILE_NAME_INVALID", attachmentField(`文件名不符合要求（不超过${FILE_NAME_MAX}个字符，不得含路径分隔符）`, "Unacceptable file name"));
  const bytes = Buffer.from(a.contentBase64, "base64");
  const check = checkUpload(ATTACHMENT_RULE, fileName, bytes, ATTACHMENT_MAX_BYTES);
  if (check.ok) return { fileName, bytes, mediaType: check.mediaType };
  const p = check.problem;
  switch (p.code) {
    case "MATERIAL_FORMAT_NOT_ALLOWED":
      throw new DomainError(p.code, attachmentField("只接受 pdf、ofd、jpg、png、docx、zip", "Only pdf, ofd, jpg, png, docx, zip"));
    case "MATERIAL_EMPTY":
      throw new DomainError(p.code, attachmentField("文件为空", "The file is empty"));
    case "MATERIAL_TOO_LARGE":
      throw new DomainError(p.code, attachmentField(`不超过 ${humanSize(p.maxBytes)}`, `At most ${humanSize(p.maxBytes)}`));
    case "MATERIAL_CONTENT_MISMATCH":
      throw new DomainError(p.code, attachmentField("文件内容与扩展名不符", "Content does not match the extension"));
    default:
      throw new DomainError("MATERIAL_FILE_NAME_INVALID");
  }
}

/** The unit reports its rectification; the attachment's bytes are stored (by SM3) before the transaction. */
export async function reportRectification(ctx: SupervisionContext, user: AuthUser, id: number, input: ReportInput, audit: AuditActor): Promise<OrderView> {
  const attachment = input.attachment ? checkAttachment(input.attachment) : null;
  // A stranger learns nothing from the check above; refuse before storing its bytes.
  const visible = await repo.orderById(ctx.db, { regionPrefix: "" }, id);
  if (!visible || !canRead(user, visible)) throw new DomainError("RECTIFICATION_NOT_FOUND");
  if (actorOfOrder(user, visible) !== "unit") throw new DomainError("RECTIFICATION_ACTOR_NOT_ALLOWED");
  const stored = attachment ? await ctx.files.put(attachment.bytes) : null;
  return ctx.db.transaction().execute(async (tx) => {
    const { r, next } = await lockFor(tx, user, id, "report");
    const at = now();
    const seq = await repo.insertStep(tx, {
      order_id: id, type: "report", body: input.report, actor_id: user.id, actor_label: user.displayName, at,
      ...(attachment && stored ? { attachment_key: stored.key, attachment_file_name: attachment.fileName, attachment_media_type: attachment.mediaType, attachment_size: stored.size, attachment_sm3: stored.sm3 } : {}),
    });
    await repo.updateOrder(tx, id, { status: next });
    await recordAudit(tx, {
      type: "supervision.rectification_reported", actor: audit, subject: r.project_code, regionCode: r.region_code,
      payload: { orderId: id, seq, overdue: isOverdue(r.status, r.deadline, cstDate(at)), ...(stored && attachment ? { attachment: { fileName: attachment.fileName, size: stored.size, sm3: stored.sm3 } } : {}) },
    });
    return load(tx, user, id);
  });
}

function toUnit(r: repo.OrderRow, kind: string, zh: string, en: string, body: string, bodyEn: string, at: Date): repo.MessageRow {
  return {
    user_id: null, organisation_id: r.unit_organisation_id, kind, subject: r.project_code,
    title: `${zh}：${r.project_name}`, title_en: `${en}: ${r.project_code}`, body, body_en: bodyEn, created_at: at,
  };
}

/** The department returns the report: the order is open again and the unit reports anew. */
export async function returnReport(ctx: SupervisionContext, user: AuthUser, id: number, reason: string, audit: AuditActor): Promise<OrderView> {
  return ctx.db.transaction().execute(async (tx) => {
    const { r, next } = await lockFor(tx, user, id, "return");
    const at = now();
    await repo.insertStep(tx, { order_id: id, type: "return", body: reason, actor_id: user.id, actor_label: user.displayName, at });
    await repo.updateOrder(tx, id, { status: next });
    await repo.insertMessages(tx, [
      toUnit(r, "rectification.returned", "整改报告被退回", "Rectification report returned", `退回理由：${reason}。请于 ${r.deadline} 前继续整改并重新报送。`, `Reason: ${reason}. Report again by ${r.deadline}.`, at),
    ]);
    await recordAudit(tx, { type: "supervision.rectification_returned", actor: audit, subject: r.project_code, regionCode: r.region_code, payload: { orderId: id, reason } });
    return load(tx, user, id);
  });
}

/** The department accepts the report: the order is closed (整改完成). */
export async function acceptReport(ctx: SupervisionContext, user: AuthUser, id: number, comment: string | undefined, audit: AuditActor): Promise<OrderView> {
  return ctx.db.transaction().execute(async (tx) => {
    const { r, next } = await lockFor(tx, user, id, "accept");
    const at = now();
    const closedOn = cstDate(at);
    await repo.insertStep(tx, { order_id: id, type: "accept", body: comment ?? null, actor_id: user.id, actor_label: user.displayName, at });
    await repo.updateOrder(tx, id, { status: next, closed_on: closedOn, closed_by: user.id });
    await repo.insertMessages(tx, [toUnit(r, "rectification.closed", "整改已通过验收", "Rectification accepted", `整改通知已办结（${closedOn}）。${comment ?? ""}`, `The order was closed on ${closedOn}.`, at)]);
    await recordAudit(tx, {
      type: "supervision.rectification_closed", actor: audit, subject: r.project_code, regionCode: r.region_code,
      payload: { orderId: id, closedOn, overdue: isOverdue("open", r.deadline, closedOn), ...(comment ? { comment } : {}) },
    });
    return load(tx, user, id);
  });
}

/** A report's attachment, re-checked against its recorded digest before a byte goes out. */
export async function downloadAttachment(ctx: SupervisionContext, user: AuthUser, id: number, seq: number, audit: AuditActor, log: (msg: string) => void) {
  const r = await repo.orderById(ctx.db, { regionPrefix: "" }, id);
  const s = r && canRead(user, r) ? await repo.stepOf(ctx.db, id, seq) : undefined;
  if (!r || !s || !s.attachment_key || !s.attachment_sm3) throw new DomainError("RECTIFICATION_NOT_FOUND");
  const opened = s.attachment_key === s.attachment_sm3 ? await ctx.files.open(s.attachment_key) : null;
  const bytes = opened && opened.size === Number(s.attachment_size) ? await buffer(opened.stream) : null;
  if (opened && !bytes) opened.stream.destroy();
  const digest = bytes ? createHash("sm3").update(bytes).digest("hex") : null;
  if (!bytes || digest !== s.attachment_sm3) {
    log(`rectification ${id}/${seq}: attachment missing or not matching (recorded ${s.attachment_sm3}, found ${digest ?? "none"})`);
    throw new DomainError("MATERIAL_FILE_CORRUPT");
  }
  await ctx.db.transaction().execute((tx) =>
    recordAudit(tx, { type: "supervision.rectification_attachment_downloaded", actor: audit, subject: r.project_code, regionCode: r.region_code, payload: { orderId: id, seq, sm3: s.attachment_sm3! } }),
  );
  return { fileName: s.attachment_file_name ?? "attachment", mediaType: s.attachment_media_type ?? "application/octet-stream", sm3: s.attachment_sm3, bytes };
}
