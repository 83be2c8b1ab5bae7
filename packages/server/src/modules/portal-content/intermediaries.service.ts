import type { Kysely } from "kysely";
import { z } from "zod";
import { regionInScope, regionPrefixOf } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { DomainError, type FieldProblem } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { validateCreditCode } from "../reference/credit-code.js";
import { requireRegion } from "../reference/reference.service.js";
import * as repo from "./intermediaries.repository.js";

/**
 * 中介服务 (the intermediary services directory of the portal, Art. 4): registered intermediary organisations
 * with their qualifications, services, fees and promised time limits. The comprehensive management department
 * (综合管理部门) keeps it; every other department may read it. A registration is referred to by id (a department
 * commissions a registered intermediary) and may be linked to the platform organisation whose staff sign in.
 * Suspending keeps the row: the public directory shows active ones only.
 */

/** Services commonly bought from intermediaries before approval (the web suggests these; others are allowed). */
export const COMMON_INTERMEDIARY_SERVICES = [
  "环境影响评价报告编制",
  "水土保持方案编制",
  "节能评估报告编制",
  "社会稳定风险评估",
  "安全评价",
  "地质灾害危险性评估",
  "工程勘察设计",
] as const;

// A real calendar day (2026-02-30 is refused), as every other module's dates.
const date = z.iso.date();

export const qualificationSchema = z.object({
  name: z.string().trim().min(1).max(100).describe("资质名称"),
  level: z.string().trim().max(50).default("").describe("等级, e.g. 甲级"),
  certificateNumber: z.string().trim().min(1).max(100).describe("证书编号"),
  validUntil: date.describe("有效期至"),
});
export const serviceSchema = z.object({
  service: z.string().trim().min(1).max(100).describe("服务事项, e.g. 环境影响评价报告编制"),
  feeBasis: z.string().trim().min(1).max(500).describe("收费标准"),
  promisedWorkingDays: z.number().int().min(1).max(365).describe("承诺办理时限（工作日）"),
});

export const intermediaryBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  creditCode: z.string().trim().toUpperCase().describe("统一社会信用代码 (18 characters, GB 32100 check character)"),
  regionCode: z.string().trim().regex(/^\d{6}$/, "six digits"),
  organisationId: z.number().int().positive().nullish().transform((v) => v ?? null).describe("the platform organisation (kind intermediary)"),
  qualifications: z.array(qualificationSchema).max(20),
  services: z
    .array(serviceSchema)
    .min(1)
    .max(30)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        if (seen.has(s.service)) ctx.addIssue({ code: "custom", path: [i, "service"], message: `duplicate service ${s.service}` });
        seen.add(s.service);
      });
    }),
  contactName: z.string().trim().min(1).max(50),
  contactPhone: z.string().trim().regex(/^[0-9+\-() ]{5,30}$/, "a telephone number"),
  address: z.string().trim().min(1).max(200),
});
export type IntermediaryBody = z.output<typeof intermediaryBodySchema>;
export type Qualification = z.output<typeof qualificationSchema>;
export type IntermediaryService = z.output<typeof serviceSchema>;

export interface IntermediaryView {
  id: number;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string | null;
  organisationId: number | null;
  qualifications: Qualification[];
  services: IntermediaryService[];
  contactName: string;
  contactPhone: string;
  address: string;
  status: "active" | "suspended";
  suspendedReason: string | null;
  updatedAt: string;
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

export function view(r: repo.IntermediaryRow): IntermediaryView {
  return {
    id: Number(r.id),
    name: r.name,
    creditCode: r.credit_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    organisationId: r.organisation_id === null ? null : Number(r.organisation_id),
    qualifications: list(r.qualifications),
    services: list(r.services),
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    address: r.address,
    status: r.status,
    suspendedReason: r.suspended_reason,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Only the comprehensive management department keeps the directory. */
function requireKeeper(user: AuthUser) {
  if (user.organisation.kind !== "comprehensive") throw new DomainError("NOT_COMPREHENSIVE_DEPARTMENT");
}

const invalid = (fields: FieldProblem[]) => new DomainError("VALIDATION_FAILED", { fields });

/** Checks what the schema cannot: the credit code's check character, the region, the linked organisation. */
async function checked(db: Kysely<DB>, user: AuthUser, b: IntermediaryBody, selfId: number | null): Promise<repo.IntermediaryFields> {
  const creditProblem = validateCreditCode(b.creditCode);
  if (creditProblem) throw new DomainError("CREDIT_CODE_INVALID", { fields: [creditProblem] });
  await requireRegion(db, b.regionCode, "regionCode");
  if (!regionInScope(user.scope, b.regionCode)) {
    throw invalid([{ path: "regionCode", message: "所在地区不在本部门管辖范围内", messageEn: "The region is outside your department's jurisdiction" }]);
  }
  const taken = await repo.intermediaryByCreditCode(db, b.creditCode);
  if (taken && Number(taken.id) !== selfId) {
    throw new DomainError("INTERMEDIARY_ALREADY_REGISTERED", { fields: [{ path: "creditCode", message: "该统一社会信用代码已登记", messageEn: "Already registered" }] });
  }
  if (b.organisationId !== null) {
    const org = await repo.organisationKind(db, b.organisationId);
    if (!org || org.kind !== "intermediary") {
      throw invalid([{ path: "organisationId", message: "关联的平台单位须为中介机构类单位", messageEn: "The linked organisation must be of kind intermediary" }]);
    }
    const linked = await repo.intermediaryByOrganisation(db, b.organisationId);
    if (linked && Number(linked.id) !== selfId) {
      throw invalid([{ path: "organisationId", message: "该平台单位已关联其他中介机构", messageEn: "That organisation is already linked to another registration" }]);
    }
  }
  return {
    name: b.name,
    credit_code: b.creditCode,
    region_code: b.regionCode,
    organisation_id: b.organisationId,
    qualifications: b.qualifications,
    services: b.services,
    contact_name: b.contactName,
    contact_phone: b.contactPhone,
    address: b.address,
  };
}

async function inScopeRow(db: Kysely<DB>, user: AuthUser, id: number) {
  const row = await repo.intermediaryById(db, id);
  if (!row || !regionInScope(user.scope, row.region_code)) throw new DomainError("NOT_FOUND");
  return row;
}

export async function listForStaff(db: Kysely<DB>, user: AuthUser, f: repo.IntermediaryFilter) {
  const { items, total } = await repo.listIntermediaries(db, f, user.scope);
  return { items: items.map(view), page: f.page, pageSize: f.pageSize, total };
}

export async function getForStaff(db: Kysely<DB>, user: AuthUser, id: number) {
  return view(await inScopeRow(db, user, id));
}

export async function register(db: Kysely<DB>, user: AuthUser, body: IntermediaryBody, actor: AuditActor): Promise<IntermediaryView> {
  requireKeeper(user);
  const fields = await checked(db, user, body, null);
  return db.transaction().execute(async (tx) => {
    const id = await repo.insertIntermediary(tx, fields, user.id, now());
    await recordAudit(tx, {
      type: "intermediary.registered",
      actor,
      subject: body.creditCode,
      regionCode: body.regionCode,
      payload: { intermediaryId: id, name: body.name, creditCode: body.creditCode },
    });
    return view((await repo.intermediaryById(tx, id))!);
  });
}

/** JSON with sorted keys: jsonb answers its keys in its own order. */
const stable = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

const COLUMNS: (keyof repo.IntermediaryFields)[] = ["name", "credit_code", "region_code", "organisation_id", "qualifications", "services", "contact_name", "contact_phone", "address"];

export async function update(db: Kysely<DB>, user: AuthUser, id: number, body: IntermediaryBody, actor: AuditActor): Promise<IntermediaryView> {
  requireKeeper(user);
  await inScopeRow(db, user, id);
  const fields = await checked(db, user, body, id);
  return db.transaction().execute(async (tx) => {
    const before = await repo.intermediaryForUpdate(tx, id);
    if (!before) throw new DomainError("NOT_FOUND");
    const changed = COLUMNS.filter((c) => stable(before[c]) !== stable(fields[c]));
    await repo.updateIntermediary(tx, id, fields, user.id, now());
    await recordAudit(tx, { type: "intermediary.updated", actor, subject: body.creditCode, regionCode: body.regionCode, payload: { intermediaryId: id, name: body.name, changed } });
    return view((await repo.intermediaryById(tx, id))!);
  });
}

export async function setStatus(db: Kysely<DB>, user: AuthUser, id: number, to: "active" | "suspended", reason: string | null, actor: AuditActor): Promise<IntermediaryView> {
  requireKeeper(user);
  await inScopeRow(db, user, id);
  return db.transaction().execute(async (tx) => {
    const row = await repo.intermediaryForUpdate(tx, id);
    if (!row) throw new DomainError("NOT_FOUND");
    if (row.status === to) {
      throw new DomainError("STATE_CONFLICT", {
        message: to === "suspended" ? "该中介机构已暂停" : "该中介机构未被暂停",
        messageEn: to === "suspended" ? "The intermediary is already suspended" : "The intermediary is not suspended",
      });
    }
    await repo.setIntermediaryStatus(tx, id, to, to === "suspended" ? reason : null, user.id, now());
    const base = { actor, subject: row.credit_code, regionCode: row.region_code };
    if (to === "suspended") await recordAudit(tx, { ...base, type: "intermediary.suspended", payload: { intermediaryId: id, name: row.name, reason: reason ?? "" } });
    else await recordAudit(tx, { ...base, type: "intermediary.reactivated", payload: { intermediaryId: id, name: row.name } });
    return view((await repo.intermediaryById(tx, id))!);
  });
}

// ---- 门户 (public): active registrations only, without who changed them ----

export interface PublicIntermediaryQuery {
  q?: string | undefined;
  service?: string | undefined;
  region?: string | undefined;
  page: number;
  pageSize: number;
}

function publicView(r: repo.IntermediaryRow) {
  const { status: _s, suspendedReason: _r, organisationId: _o, ...rest } = view(r);
  return rest;
}

export async function listPublic(db: Kysely<DB>, f: PublicIntermediaryQuery) {
  const { items, total } = await repo.listIntermediaries(db, {
    q: f.q,
    service: f.service,
    regionPrefix: f.region ? regionPrefixOf(f.region) : undefined,
    status: "active",
    page: f.page,
    pageSize: f.pageSize,
  });
  return { items: items.map(publicView), page: f.page, pageSize: f.pageSize, total };
}

export async function getPublic(db: Kysely<DB>, id: number) {
  const row = await repo.intermediaryById(db, id);
  if (!row || row.status !== "active") throw new DomainError("NOT_FOUND");
  return publicView(row);
}
