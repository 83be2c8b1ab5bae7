import type { Kysely } from "kysely";
import { refuseIfClassified } from "./declaration.service.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { randomToken } from "../../platform/crypto.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import * as repo from "./drafts.repository.js";

/**
 * 项目申报草稿 (declaration drafts): the portal wizard saves what the unit has typed on every step, so that a
 * reload, a sign-out or a colleague of the same unit can continue it. A draft is half-filled by nature and is
 * NOT checked against the declaration rules (spec §4) — only that it is a JSON object of bounded size; the
 * rules apply when the declaration is submitted (POST /projects).
 */
export const MAX_DRAFT_BYTES = 256 * 1024;

export interface DraftInput {
  step: number;
  data: Record<string, unknown>;
}

export interface DraftView {
  id: string;
  step: number;
  data: unknown;
  createdAt: string;
  updatedAt: string;
}

function requireSmallEnough(data: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(data), "utf8");
  if (bytes > MAX_DRAFT_BYTES) {
    throw new DomainError("DRAFT_TOO_LARGE", {
      fields: [
        {
          path: "data",
          message: `草稿序列化后为 ${Math.ceil(bytes / 1024)} KB，超过 256 KB 上限`,
          messageEn: `The draft is ${Math.ceil(bytes / 1024)} KB serialized, above the 256 KB limit`,
        },
      ],
    });
  }
}

function view(row: repo.DraftRow): DraftView {
  return { id: row.id, step: row.step, data: row.data, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
}

export async function createDraft(db: Kysely<DB>, user: AuthUser, input: DraftInput, actor: AuditActor): Promise<DraftView> {
  // Art. 3: classified information is never stored on the platform, not even as a draft.
  refuseIfClassified(input.data);
  requireSmallEnough(input.data);
  const at = now();
  const id = randomToken(18);
  await db.transaction().execute(async (tx) => {
    await repo.insertDraft(tx, { id, organisation_id: user.organisation.id, user_id: user.id, step: input.step, data: input.data, at });
    await recordAudit(tx, { type: "project.draft_saved", actor, subject: id, payload: { draftId: id, step: input.step } });
  });
  return { id, step: input.step, data: input.data, createdAt: at.toISOString(), updatedAt: at.toISOString() };
}

export async function saveDraft(db: Kysely<DB>, user: AuthUser, id: string, input: DraftInput, actor: AuditActor): Promise<DraftView> {
  refuseIfClassified(input.data);
  requireSmallEnough(input.data);
  const at = now();
  return db.transaction().execute(async (tx) => {
    const found = await repo.findDraftInScope(tx, user.scope, id);
    if (!found) throw new DomainError("NOT_FOUND");
    const changed = await repo.updateDraft(tx, { id, organisation_id: found.organisation_id, user_id: user.id, step: input.step, data: input.data, at });
    // Deleted between the lookup and the update (a colleague submitted it): gone for this caller too.
    if (!changed) throw new DomainError("NOT_FOUND");
    await recordAudit(tx, { type: "project.draft_saved", actor, subject: id, payload: { draftId: id, step: input.step } });
    return { id, step: input.step, data: input.data, createdAt: found.created_at.toISOString(), updatedAt: at.toISOString() };
  });
}

export async function getDraft(db: Kysely<DB>, user: AuthUser, id: string): Promise<DraftView> {
  const found = await repo.findDraftInScope(db, user.scope, id);
  if (!found) throw new DomainError("NOT_FOUND");
  return view(found);
}

export async function listDrafts(db: Kysely<DB>, user: AuthUser, page: { page: number; pageSize: number }) {
  const { items, total } = await repo.listDraftsInScope(db, user.scope, page);
  return {
    items: items.map((d) => ({
      id: d.id,
      name: d.name ?? null,
      step: d.step,
      createdAt: d.created_at.toISOString(),
      updatedAt: d.updated_at.toISOString(),
      updatedBy: d.updated_by_name ?? null,
    })),
    ...page,
    total,
  };
}

export async function deleteDraft(db: Kysely<DB>, user: AuthUser, id: string, actor: AuditActor): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const found = await repo.findDraftInScope(tx, user.scope, id);
    if (!found || !(await repo.deleteDraft(tx, id, found.organisation_id))) throw new DomainError("NOT_FOUND");
    await recordAudit(tx, { type: "project.draft_deleted", actor, subject: id, payload: { draftId: id } });
  });
}
