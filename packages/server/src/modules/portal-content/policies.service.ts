import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { FileStore } from "../../platform/file-store.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { type Attachment, ATTACHMENTS_PER_POLICY, checkAttachment } from "./attachment.js";
import * as repo from "./policies.repository.js";
import { applyPolicyEvent, type PolicyEvent, type PolicyStatus, policyEventsFor } from "./policy.workflow.js";

/**
 * 政策信息 (policy information on the portal, Art. 4): a department keeps ITS OWN documents. An officer or leader
 * drafts one and attaches its files; a leader publishes it to the portal and may later withdraw it (the row stays).
 * A document of another organisation does not exist for the caller (404).
 */
export const POLICY_CATEGORIES = ["law", "policy", "notice", "interpretation"] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

const CST_DAY = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const isRealDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export const policyBodySchema = z.object({
  title: z.string().trim().min(1).max(200).describe("标题"),
  issuer: z.string().trim().min(1).max(100).describe("发文机关"),
  documentNumber: z.string().trim().max(100).nullish().transform((v) => (v ? v : null)).describe("文号, e.g. 国务院令第673号"),
  issuedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
    .refine(isRealDate, "not a calendar date")
    .refine((s) => s <= CST_DAY(now()), "a document cannot be issued in the future")
    .describe("成文或发布日期 (YYYY-MM-DD)"),
  category: z.enum(POLICY_CATEGORIES).describe("law 法律法规, policy 政策文件, notice 通知公告, interpretation 解读"),
  body: z.string().trim().min(1).max(50_000).describe("正文或摘要"),
});
export type PolicyBody = z.output<typeof policyBodySchema>;

export interface PolicyView {
  id: number;
  title: string;
  issuer: string;
  documentNumber: string | null;
  issuedOn: string;
  category: PolicyCategory;
  body: string;
  attachments: Attachment[];
  status: PolicyStatus;
  regionCode: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  /** What the caller's role may do with it now (the web offers only these). */
  actions: PolicyEvent[];
}

export const attachmentsOf = (row: repo.PolicyRow): Attachment[] => (Array.isArray(row.attachments) ? (row.attachments as Attachment[]) : []);

function view(row: repo.PolicyRow, user: AuthUser): PolicyView {
  return {
    id: Number(row.id),
    title: row.title,
    issuer: row.issuer,
    documentNumber: row.document_number,
    issuedOn: row.issued_on,
    category: row.category,
    body: row.body,
    attachments: attachmentsOf(row),
    status: row.status,
    regionCode: row.region_code,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawnReason: row.withdrawn_reason,
    actions: policyEventsFor(row.status, user.role),
  };
}

const STATUS_ZH: Record<PolicyStatus, string> = { draft: "草稿", published: "已发布", withdrawn: "已撤回" };
const EVENT_ZH: Record<PolicyEvent, [string, string]> = { edit: ["修改", "edited"], publish: ["发布", "published"], withdraw: ["撤回", "withdrawn"] };

function allowed(status: PolicyStatus, event: PolicyEvent, user: AuthUser): PolicyStatus {
  const t = applyPolicyEvent(status, event, user.role);
  if (t.ok) return t.next;
  if (t.reason === "role") {
    throw new DomainError("FORBIDDEN", { message: `只有审批负责人可以${EVENT_ZH[event][0]}政策文件`, messageEn: `Only a leader may ${event} a policy document` });
  }
  throw new DomainError("STATE_CONFLICT", {
    message: `只有${STATUS_ZH[t.allowedFrom]}状态的政策文件可以${EVENT_ZH[event][0]}`,
    messageEn: `Only a ${t.allowedFrom} policy document can be ${EVENT_ZH[event][1]}`,
  });
}

function own<T extends { organisation_id: number }>(row: T | undefined, user: AuthUser): T {
  if (!row || Number(row.organisation_id) !== user.organisation.id) throw new DomainError("NOT_FOUND");
  return row;
}

const text = (b: PolicyBody): repo.PolicyText => ({
  title: b.title,
  issuer: b.issuer,
  document_number: b.documentNumber,
  issued_on: b.issuedOn,
  category: b.category,
  body: b.body,
});

export async function listOwn(db: Kysely<DB>, user: AuthUser, filter: repo.OwnPolicyFilter) {
  const { items, total } = await repo.policiesOfOrganisation(db, user.organisation.id, filter);
  return { items: items.map((r) => view(r, user)), page: filter.page, pageSize: filter.pageSize, total };
}

export async function getOwn(db: Kysely<DB>, user: AuthUser, id: number): Promise<PolicyView> {
  return view(own(await repo.policyById(db, id), user), user);
}

export async function create(db: Kysely<DB>, user: AuthUser, body: PolicyBody, actor: AuditActor): Promise<PolicyView> {
  allowed("draft", "edit", user);
  const at = now();
  return db.transaction().execute(async (tx) => {
    const id = await repo.insertPolicy(tx, {
      ...text(body),
      attachments: [],
      status: "draft",
      region_code: user.organisation.regionCode,
      organisation_id: user.organisation.id,
      created_by: user.id,
      created_at: at,
      updated_at: at,
      published_by: null,
      published_at: null,
      withdrawn_by: null,
      withdrawn_at: null,
      withdrawn_reason: null,
    });
    await recordAudit(tx, { type: "policy.drafted", actor, subject: `policy:${id}`, payload: { policyId: id, title: body.title } });
    return view(own(await repo.policyById(tx, id), user), user);
  });
}

export async function update(db: Kysely<DB>, user: AuthUser, id: number, body: PolicyBody, actor: AuditActor): Promise<PolicyView> {
  return db.transaction().execute(async (tx) => {
    const row = own(await repo.policyForUpdate(tx, id), user);
    allowed(row.status, "edit", user);
    await repo.updatePolicyText(tx, id, text(body), now());
    await recordAudit(tx, { type: "policy.saved", actor, subject: `policy:${id}`, payload: { policyId: id, title: body.title } });
    return view(own(await repo.policyById(tx, id), user), user);
  });
}

/**
 * Stores the file first (content-addressed, so a failed transaction leaves at most an unreferenced copy, and the
 * same bytes uploaded again are the same key), then records it on the draft with its SM3 in the audit trail.
 */
export async function addAttachment(
  deps: { db: Kysely<DB>; files: FileStore },
  user: AuthUser,
  id: number,
  fileName: string,
  bytes: Buffer,
  actor: AuditActor,
): Promise<Attachment> {
  const first = own(await repo.policyById(deps.db, id), user);
  allowed(first.status, "edit", user);
  const { mediaType } = checkAttachment(fileName, bytes);
  const stored = await deps.files.put(bytes);
  return deps.db.transaction().execute(async (tx) => {
    const row = own(await repo.policyForUpdate(tx, id), user);
    allowed(row.status, "edit", user);
    const list = attachmentsOf(row);
    if (list.length >= ATTACHMENTS_PER_POLICY) throw new DomainError("TOO_MANY_ATTACHMENTS", { fields: [{ path: "file", message: "附件已达 20 个", messageEn: "20 attachments already" }] });
    const attachment: Attachment = { key: stored.key, fileName, mediaType, size: stored.size };
    if (list.some((a) => a.key === stored.key && a.fileName === fileName)) return attachment;
    await repo.setAttachments(tx, id, [...list, attachment], now());
    await recordAudit(tx, {
      type: "policy.attachment_added",
      actor,
      subject: `policy:${id}`,
      payload: { policyId: id, fileName, mediaType, size: stored.size, sm3: stored.sm3 },
    });
    return attachment;
  });
}

export async function removeAttachment(db: Kysely<DB>, user: AuthUser, id: number, key: string, actor: AuditActor): Promise<PolicyView> {
  return db.transaction().execute(async (tx) => {
    const row = own(await repo.policyForUpdate(tx, id), user);
    allowed(row.status, "edit", user);
    const list = attachmentsOf(row);
    const gone = list.find((a) => a.key === key);
    if (!gone) throw new DomainError("NOT_FOUND");
    await repo.setAttachments(tx, id, list.filter((a) => a.key !== key), now());
    await recordAudit(tx, { type: "policy.attachment_removed", actor, subject: `policy:${id}`, payload: { policyId: id, fileName: gone.fileName, sm3: gone.key } });
    return view(own(await repo.policyById(tx, id), user), user);
  });
}

export async function publish(db: Kysely<DB>, user: AuthUser, id: number, actor: AuditActor): Promise<PolicyView> {
  return db.transaction().execute(async (tx) => {
    const row = own(await repo.policyForUpdate(tx, id), user);
    allowed(row.status, "publish", user);
    await repo.publishPolicy(tx, id, user.id, now());
    await recordAudit(tx, { type: "policy.published", actor, subject: `policy:${id}`, payload: { policyId: id, title: row.title } });
    return view(own(await repo.policyById(tx, id), user), user);
  });
}

export async function withdraw(db: Kysely<DB>, user: AuthUser, id: number, reason: string, actor: AuditActor): Promise<PolicyView> {
  return db.transaction().execute(async (tx) => {
    const row = own(await repo.policyForUpdate(tx, id), user);
    allowed(row.status, "withdraw", user);
    await repo.withdrawPolicy(tx, id, user.id, now(), reason);
    await recordAudit(tx, { type: "policy.withdrawn", actor, subject: `policy:${id}`, payload: { policyId: id, title: row.title, reason } });
    return view(own(await repo.policyById(tx, id), user), user);
  });
}

/** An attachment of a document: the caller's own (any status) in the back office, a published one for the public. */
export async function openAttachment(deps: { db: Kysely<DB>; files: FileStore }, user: AuthUser | null, id: number, key: string) {
  const row = user ? own(await repo.policyById(deps.db, id), user) : await repo.publishedPolicy(deps.db, id);
  const attachment = row && attachmentsOf(row).find((a) => a.key === key);
  const file = attachment && (await deps.files.open(attachment.key));
  if (!attachment || !file) throw new DomainError("NOT_FOUND");
  return { attachment, ...file };
}

// ---- 门户 (public) ----

export async function listPublished(db: Kysely<DB>, filter: repo.PublicPolicyFilter) {
  const { items, total } = await repo.publishedPolicies(db, filter);
  return {
    items: items.map((r) => ({
      id: Number(r.id),
      title: r.title,
      issuer: r.issuer,
      documentNumber: r.document_number,
      issuedOn: r.issued_on,
      category: r.category,
      publishedAt: (r.published_at ?? new Date(0)).toISOString(),
      attachmentCount: Number(r.attachment_count),
    })),
    page: filter.page,
    pageSize: filter.pageSize,
    total,
  };
}

export async function getPublished(db: Kysely<DB>, id: number) {
  const r = await repo.publishedPolicy(db, id);
  if (!r) throw new DomainError("NOT_FOUND");
  return {
    id: Number(r.id),
    title: r.title,
    issuer: r.issuer,
    documentNumber: r.document_number,
    issuedOn: r.issued_on,
    category: r.category,
    body: r.body,
    attachments: attachmentsOf(r),
    publishedAt: (r.published_at ?? new Date(0)).toISOString(),
  };
}
