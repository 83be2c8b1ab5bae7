import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { FileStore } from "../../platform/file-store.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import { type CatalogueMaterial, materialSchema } from "../catalogue/catalogue-seed.js";
import type { AuthUser } from "../identity/request-user.js";
import { findInScope } from "../projects/projects.repository.js";
import { allowedFormats, checkUpload, decodeFileName, FILE_NAME_MAX, humanSize, maxBytesOf, type UploadProblem } from "./material-rules.js";
import * as repo from "./materials.repository.js";

/**
 * 申请材料 (issue 4 §5): the project unit uploads, per matter case, the materials of the guide version the case was
 * told (Art. 14(1)); officers of the project's region read and download them. The bytes are stored first
 * (content-addressed by SM3, so a retry stores nothing twice), then ONE transaction records the file, keeps the
 * file it replaces as `replaced`, and writes the audit event carrying the digest. A failed upload therefore
 * leaves at most an unreferenced blob, never a row without its bytes or an event without its row.
 *
 * Case statuses that accept uploads: `notified` (before submission), `submitted` (before acceptance) and `paused`
 * (补正材料, a correction asked for). Submission itself is the cases module's (issue 5).
 */
export const UPLOAD_OPEN_STATUSES = ["notified", "submitted", "paused"] as const;

export interface MaterialFileView {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sm3: string;
  uploadedAt: string;
  uploadedBy: string;
  status: "current" | "replaced" | "withdrawn";
}

export interface MaterialView {
  code: string;
  name: string;
  required: boolean;
  heldByPlatform: boolean;
  note: string | null;
  formats: string[];
  maxSizeMb: number | null;
  /** The effective limit: maxSizeMb, never above MATERIAL_MAX_BYTES. */
  maxBytes: number;
  current: MaterialFileView | null;
  /** Earlier uploads, newest first (replaced or withdrawn, kept for the record). */
  earlier: MaterialFileView[];
}

export interface CaseMaterials {
  caseId: string;
  projectCode: string;
  matterCode: string;
  matterName: string;
  status: string;
  guideVersion: number | null;
  canUpload: boolean;
  items: MaterialView[];
}

export interface MaterialDeps {
  db: Kysely<DB>;
  files: FileStore;
  /** MATERIAL_MAX_BYTES */
  maxBytes: number;
}

function fileView(f: repo.MaterialFileRow): MaterialFileView {
  return {
    id: f.id,
    fileName: f.file_name,
    mediaType: f.media_type,
    size: Number(f.size_bytes),
    sm3: f.sm3,
    uploadedAt: f.uploaded_at.toISOString(),
    uploadedBy: f.uploaded_by_name,
    status: f.status,
  };
}

/** The told guide's materials; an item a hand-edited row spoiled is left out rather than guessed at. */
function guideMaterials(raw: unknown): CatalogueMaterial[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((m) => {
    const parsed = materialSchema.safeParse(m);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The case if the caller's data scope holds its project (the unit: its own projects; officers: their region). */
async function caseInScope(db: Kysely<DB>, user: AuthUser, caseId: string) {
  const c = await repo.caseWithGuide(db, caseId);
  if (!c || !(await findInScope(db, user.scope, c.project_code))) throw new DomainError("NOT_FOUND");
  return c;
}

const isOwner = (user: AuthUser, c: { unit_organisation_id: number }) =>
  user.permissions.includes("projects:declare") && Number(c.unit_organisation_id) === user.organisation.id;
const isOpen = (status: string) => (UPLOAD_OPEN_STATUSES as readonly string[]).includes(status);

export async function listMaterials(deps: MaterialDeps, user: AuthUser, caseId: string): Promise<CaseMaterials> {
  const c = await caseInScope(deps.db, user, caseId);
  const files = await repo.filesOfCase(deps.db, caseId);
  const items = guideMaterials(c.materials).map((m): MaterialView => {
    const mine = files.filter((f) => f.material_code === m.code);
    const current = mine.find((f) => f.status === "current");
    return {
      code: m.code,
      name: m.name,
      required: m.required,
      heldByPlatform: m.heldByPlatform,
      note: m.note ?? null,
      formats: [...allowedFormats(m)],
      maxSizeMb: m.maxSizeMb ?? null,
      maxBytes: maxBytesOf(m, deps.maxBytes),
      current: current ? fileView(current) : null,
      earlier: mine.filter((f) => f !== current).map(fileView),
    };
  });
  return {
    caseId: c.id,
    projectCode: c.project_code,
    matterCode: c.matter_code,
    matterName: c.matter_name,
    status: c.status,
    guideVersion: c.guide_version,
    canUpload: isOwner(user, c) && isOpen(c.status),
    items,
  };
}

const fileField = (message: string, messageEn: string) => ({ fields: [{ path: "file", message, messageEn }] });

export function refuseUpload(problem: UploadProblem): never {
  switch (problem.code) {
    case "MATERIAL_FILE_NAME_INVALID":
      throw new DomainError(problem.code, { fields: [{ path: "x-file-name", message: `文件名缺失或不符合要求（不超过${FILE_NAME_MAX}个字符，不得含路径分隔符）`, messageEn: "Missing or unacceptable file name" }] });
    case "MATERIAL_EMPTY":
      throw new DomainError(problem.code, fileField("文件为空", "The file is empty"));
    case "MATERIAL_TOO_LARGE": {
      const limit = humanSize(problem.maxBytes);
      throw new DomainError(problem.code, {
        message: `文件超过此材料允许的大小（不超过 ${limit}）`,
        messageEn: `The file is larger than this material allows (at most ${limit})`,
        ...fileField(`不超过 ${limit}`, `At most ${limit}`),
      });
    }
    case "MATERIAL_FORMAT_NOT_ALLOWED": {
      const list = problem.allowed.join(", ");
      throw new DomainError(problem.code, {
        message: `此材料只接受以下格式：${problem.allowed.join("、")}`,
        messageEn: `This material accepts only: ${list}`,
        ...fileField(`只接受 ${list}`, `Only ${list}`),
      });
    }
    case "MATERIAL_CONTENT_MISMATCH":
      throw new DomainError(problem.code, {
        message: `文件内容不是 ${problem.format.toUpperCase()} 格式，与扩展名不符`,
        messageEn: `The file's content is not ${problem.format.toUpperCase()}, as its extension says`,
        ...fileField("文件内容与扩展名不符", "Content does not match the extension"),
      });
  }
}

export interface UploadInput {
  caseId: string;
  materialCode: string;
  /** The raw `x-file-name` header. */
  fileNameHeader: string | string[] | undefined;
  body: unknown;
}

export async function upload(deps: MaterialDeps, user: AuthUser, input: UploadInput, actor: AuditActor): Promise<MaterialFileView> {
  const fileName = decodeFileName(input.fileNameHeader);
  if (fileName === null) refuseUpload({ code: "MATERIAL_FILE_NAME_INVALID" });
  const c = await caseInScope(deps.db, user, input.caseId);
  if (!isOwner(user, c)) throw new DomainError("NOT_FOUND");
  if (!isOpen(c.status)) throw new DomainError("MATERIALS_CLOSED");
  const material = guideMaterials(c.materials).find((m) => m.code === input.materialCode);
  if (!material) throw new DomainError("MATERIAL_NOT_IN_GUIDE");
  if (material.heldByPlatform) {
    throw new DomainError("MATERIAL_HELD_BY_PLATFORM", {
      message: `「${material.name}」由平台共享，无需重复提交`,
      messageEn: `The platform already holds "${material.code}" and shares it; it is not submitted again`,
    });
  }
  // Fastify's own parsers answer objects or strings for JSON and text: only raw bytes are a file.
  if (!Buffer.isBuffer(input.body)) throw new DomainError("UNSUPPORTED_MEDIA_TYPE");
  const bytes = input.body;
  const check = checkUpload(material, fileName, bytes, deps.maxBytes);
  if (!check.ok) refuseUpload(check.problem);

  // Durable before anything refers to it; the same bytes again are the same key, so a retry costs nothing.
  const stored = await deps.files.put(bytes);
  const at = now();
  return deps.db.transaction().execute(async (tx) => {
    const locked = await repo.lockCase(tx, c.id);
    if (!locked || !isOpen(locked.status)) throw new DomainError("MATERIALS_CLOSED");
    const replaced = await repo.replaceCurrent(tx, c.id, material.code);
    const { id } = await repo.insertFile(tx, {
      case_id: c.id, project_id: c.project_id, material_code: material.code, file_name: fileName, media_type: check.mediaType,
      size_bytes: stored.size, sm3: stored.sm3, storage_key: stored.key, uploaded_by: user.id, uploaded_at: at,
    });
    await recordAudit(tx, {
      type: "material.uploaded",
      actor,
      subject: c.project_code,
      regionCode: c.region_code,
      payload: {
        caseId: c.id, materialCode: material.code, fileId: Number(id), fileName, size: stored.size, sm3: stored.sm3,
        ...(replaced ? { replacedFileId: Number(replaced.id) } : {}),
      },
    });
    return {
      id: Number(id), fileName, mediaType: check.mediaType, size: stored.size, sm3: stored.sm3,
      uploadedAt: at.toISOString(), uploadedBy: user.displayName, status: "current" as const,
    };
  });
}

export interface Download {
  file: MaterialFileView;
  bytes: Buffer;
}

/**
 * A stored file for download, checked before a byte goes out: the key must be the recorded digest (content
 * addressing) and the bytes must hash to it, so a tampered or truncated file is never delivered as the one the
 * audit trail names. Files are read whole (uploads are held whole too, at most MATERIAL_MAX_BYTES).
 */
export async function download(deps: MaterialDeps, user: AuthUser, id: number, actor: AuditActor, log: (msg: string) => void): Promise<Download> {
  const f = await repo.fileById(deps.db, id);
  if (!f) throw new DomainError("NOT_FOUND");
  const c = await caseInScope(deps.db, user, f.case_id);
  const opened = f.storage_key === f.sm3 ? await deps.files.open(f.storage_key) : null;
  const sizeMatches = opened?.size === Number(f.size_bytes);
  if (opened && !sizeMatches) opened.stream.destroy();
  const bytes = opened && sizeMatches ? await buffer(opened.stream) : null;
  const digest = bytes ? createHash("sm3").update(bytes).digest("hex") : null;
  if (!bytes || digest !== f.sm3) {
    log(`material file ${f.id}: stored bytes missing or not matching (key ${f.storage_key}, recorded ${f.sm3}, found ${digest ?? "none"})`);
    throw new DomainError("MATERIAL_FILE_CORRUPT");
  }
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, {
      type: "material.downloaded",
      actor,
      subject: c.project_code,
      regionCode: c.region_code,
      payload: { caseId: f.case_id, materialCode: f.material_code, fileId: f.id, sm3: f.sm3 },
    }),
  );
  return { file: fileView(f), bytes };
}
