import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { guideSchema, materialSchema } from "./catalogue-seed.js";
import * as repo from "./catalogue.repository.js";
import { applyGuideEvent, canOpenDraft, type GuideEvent, type GuideStatus } from "./guide.workflow.js";

/**
 * 办事指南版本管理 (service guide versions, Art. 8): a department keeps the guides of ITS OWN matters. A new
 * version starts as a copy of the latest one, is edited as a draft, submitted, and published by a leader, which
 * supersedes the version published before. Matters of another department do not exist for the caller (404).
 */
export const guideBodySchema = z.object({
  content: guideSchema,
  materials: z
    .array(materialSchema)
    .min(1)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((m, i) => {
        if (seen.has(m.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: `duplicate material ${m.code}` });
        seen.add(m.code);
      });
    }),
});
export type GuideBody = z.output<typeof guideBodySchema>;

export interface GuideView {
  id: number;
  matterCode: string;
  version: number;
  status: GuideStatus;
  content: unknown;
  materials: unknown;
  createdAt: string;
  publishedAt: string | null;
}

export interface MatterGuides {
  code: string;
  name: string;
  stage: string;
  published: { id: number; version: number } | null;
  working: { id: number; version: number; status: GuideStatus } | null;
}

function view(g: repo.GuideRow): GuideView {
  return {
    id: g.id,
    matterCode: g.matter_code,
    version: g.version,
    status: g.status,
    content: g.content,
    materials: g.materials,
    createdAt: g.created_at.toISOString(),
    publishedAt: g.published_at?.toISOString() ?? null,
  };
}

function refuse(result: ReturnType<typeof applyGuideEvent>, event: GuideEvent): asserts result is Extract<typeof result, { ok: true }> {
  if (result.ok) return;
  if (result.reason === "role") throw new DomainError("FORBIDDEN");
  const zh: Record<GuideStatus, string> = { draft: "草稿", submitted: "已提交", published: "已发布", superseded: "已废止" };
  throw new DomainError("STATE_CONFLICT", {
    message: `只有${zh[result.allowedFrom]}状态的办事指南可以${{ edit: "修改", submit: "提交", return: "退回", publish: "发布" }[event]}`,
    messageEn: `Only a ${result.allowedFrom} guide can be ${{ edit: "edited", submit: "submitted", return: "returned", publish: "published" }[event]}`,
  });
}

async function ownMatter(db: Kysely<DB>, user: AuthUser, code: string) {
  const matter = await repo.matterByCode(db, code);
  if (!matter || Number(matter.department_id) !== user.organisation.id) throw new DomainError("NOT_FOUND");
  return matter;
}

export async function listDepartmentMatters(db: Kysely<DB>, user: AuthUser): Promise<MatterGuides[]> {
  const rows = await repo.departmentMattersWithGuides(db, user.organisation.id);
  const byCode = new Map<string, MatterGuides>();
  for (const r of rows) {
    const m = byCode.get(r.code) ?? { code: r.code, name: r.name, stage: r.stage, published: null, working: null };
    byCode.set(r.code, m);
    if (r.guide_id === null || r.version === null || r.status === null) continue;
    if (r.status === "published") m.published = { id: r.guide_id, version: r.version };
    if (r.status === "draft" || r.status === "submitted") m.working = { id: r.guide_id, version: r.version, status: r.status };
  }
  return [...byCode.values()];
}

export async function listGuides(db: Kysely<DB>, user: AuthUser, matterCode: string) {
  const matter = await ownMatter(db, user, matterCode);
  return { matter: { code: matter.code, name: matter.name }, items: (await repo.guidesOfMatter(db, matterCode)).map(view) };
}

export async function openDraft(db: Kysely<DB>, user: AuthUser, matterCode: string, actor: AuditActor): Promise<GuideView> {
  await ownMatter(db, user, matterCode);
  const at = now();
  return db.transaction().execute(async (tx) => {
    await repo.lockMatter(tx, matterCode);
    const versions = await repo.guidesOfMatter(tx, matterCode);
    if (!canOpenDraft(versions.map((v) => v.status))) {
      throw new DomainError("STATE_CONFLICT", {
        message: "该事项已有未发布的草稿或待发布版本，请先处理",
        messageEn: "This matter already has a draft or submitted version",
      });
    }
    const latest = versions[0];
    if (!latest) throw new DomainError("NOT_FOUND");
    const version = latest.version + 1;
    const { id } = await repo.insertGuide(tx, {
      matter_code: matterCode, version, status: "draft", content: latest.content, materials: latest.materials,
      created_by: user.id, created_at: at, published_by: null, published_at: null,
    });
    await recordAudit(tx, { type: "guide.drafted", actor, subject: matterCode, payload: { matterCode, version, guideId: Number(id) } });
    return view({ id: Number(id), matter_code: matterCode, version, status: "draft", content: latest.content, materials: latest.materials, created_at: at, published_at: null });
  });
}

async function lockedOwnGuide(tx: Parameters<typeof repo.guideForUpdate>[0], user: AuthUser, id: number) {
  const g = await repo.guideForUpdate(tx, id);
  if (!g || Number(g.department_id) !== user.organisation.id) throw new DomainError("NOT_FOUND");
  return g;
}

export async function saveDraft(db: Kysely<DB>, user: AuthUser, id: number, body: GuideBody, actor: AuditActor): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const g = await lockedOwnGuide(tx, user, id);
    refuse(applyGuideEvent(g.status, "edit", user.role), "edit");
    await repo.updateGuideDraft(tx, id, body.content, body.materials);
    await recordAudit(tx, { type: "guide.saved", actor, subject: g.matter_code, payload: { matterCode: g.matter_code, version: g.version, guideId: id } });
  });
}

/** Throws away a draft version (never a submitted or published one: the database refuses that too). */
export async function discardDraft(db: Kysely<DB>, user: AuthUser, id: number, actor: AuditActor): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const g = await lockedOwnGuide(tx, user, id);
    refuse(applyGuideEvent(g.status, "edit", user.role), "edit");
    await repo.deleteGuideDraft(tx, id);
    await recordAudit(tx, { type: "guide.discarded", actor, subject: g.matter_code, payload: { matterCode: g.matter_code, version: g.version, guideId: id } });
  });
}

export async function submit(db: Kysely<DB>, user: AuthUser, id: number, actor: AuditActor): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const g = await lockedOwnGuide(tx, user, id);
    const t = applyGuideEvent(g.status, "submit", user.role);
    refuse(t, "submit");
    // What was saved must still be a whole guide (a seed or hand-edited row could be otherwise).
    const parsed = guideBodySchema.safeParse({ content: g.content, materials: g.materials });
    if (!parsed.success) {
      throw new DomainError("VALIDATION_FAILED", {
        fields: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: `办事指南内容不完整：${i.message}`, messageEn: i.message })),
      });
    }
    await repo.setGuideStatus(tx, id, "draft", t.next);
    await recordAudit(tx, { type: "guide.submitted", actor, subject: g.matter_code, payload: { matterCode: g.matter_code, version: g.version, guideId: id } });
  });
}

export async function returnToDraft(db: Kysely<DB>, user: AuthUser, id: number, reason: string, actor: AuditActor): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const g = await lockedOwnGuide(tx, user, id);
    const t = applyGuideEvent(g.status, "return", user.role);
    refuse(t, "return");
    await repo.setGuideStatus(tx, id, "submitted", t.next);
    await recordAudit(tx, { type: "guide.returned", actor, subject: g.matter_code, payload: { matterCode: g.matter_code, version: g.version, guideId: id, reason } });
  });
}

export async function publish(db: Kysely<DB>, user: AuthUser, id: number, actor: AuditActor): Promise<{ version: number; supersededVersion: number | null }> {
  const at = now();
  return db.transaction().execute(async (tx) => {
    const g = await lockedOwnGuide(tx, user, id);
    const t = applyGuideEvent(g.status, "publish", user.role);
    refuse(t, "publish");
    // First the old one leaves `published`, then the new one enters it (one published version per matter).
    const old = await repo.supersedePublished(tx, g.matter_code);
    await repo.setGuideStatus(tx, id, "submitted", t.next, { by: user.id, at });
    await recordAudit(tx, {
      type: "guide.published",
      actor,
      subject: g.matter_code,
      payload: { matterCode: g.matter_code, version: g.version, guideId: id, ...(old ? { supersededVersion: old.version } : {}) },
    });
    return { version: g.version, supersededVersion: old?.version ?? null };
  });
}
