import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { cstDate, now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { FileStore } from "../../platform/file-store.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { listingView, penaltyView } from "./penalties.service.js";
import { orderViews } from "./rectification.service.js";
import { actsForDepartment, canRead, notAfterToday, readableProject, supervisedProject } from "./supervision-access.js";
import * as repo from "./supervision.repository.js";

/**
 * 监督检查 (issue 6 point 3; Art. 10, 14(5), 18): a department inspects a project on site or online and records what it
 * found; the project's whole supervision record (inspections, rectification orders, penalty decisions, abnormal
 * listings) is read under its code. Every change is one transaction with its audit event, whose subject is the
 * project code: the project's timeline (`GET /projects/:code/events`) shows it.
 */

type Q = Kysely<DB> | Transaction<DB>;

export interface SupervisionContext {
  db: Kysely<DB>;
  files: FileStore;
}

export const SEVERITIES = ["minor", "major", "serious"] as const;

export interface InspectionInput {
  mode: "on_site" | "online";
  inspectedOn: string;
  inspectors: string;
  summary: string;
  findings: { category: string; description: string; severity: (typeof SEVERITIES)[number] }[];
}

type Finding = Awaited<ReturnType<typeof repo.findingsOf>>[number];

function inspectionView(user: AuthUser, i: repo.InspectionRow, findings: Finding[]) {
  return {
    id: i.id,
    projectCode: i.project_code,
    projectName: i.project_name,
    departmentId: i.organisation_id,
    department: i.department_name,
    mode: i.mode,
    inspectedOn: i.inspected_on,
    inspectors: i.inspectors,
    summary: i.summary,
    status: i.status,
    createdBy: i.created_by_name,
    createdAt: i.created_at.toISOString(),
    closedAt: i.closed_at?.toISOString() ?? null,
    findings: findings.filter((f) => f.inspection_id === i.id).map((f) => ({ id: f.id, category: f.category, description: f.description, severity: f.severity })),
    canClose: i.status === "open" && actsForDepartment(user, i),
  };
}
export type InspectionView = ReturnType<typeof inspectionView>;

async function inspectionViews(db: Q, user: AuthUser, rows: repo.InspectionRow[]) {
  const findings = await repo.findingsOf(db, rows.map((r) => r.id));
  return rows.map((r) => inspectionView(user, r, findings));
}

/** Reads one inspection the caller may see (its region, its unit's project, or its department's own). */
async function loadInspection(db: Q, user: AuthUser, id: number) {
  const row = await repo.inspectionById(db, { regionPrefix: "" }, id);
  if (!row || !canRead(user, row)) throw new DomainError("INSPECTION_NOT_FOUND");
  return (await inspectionViews(db, user, [row]))[0]!;
}

export function getInspection(ctx: SupervisionContext, user: AuthUser, id: number) {
  return loadInspection(ctx.db, user, id);
}

export async function listInspections(ctx: SupervisionContext, user: AuthUser, filter: repo.Page & { status?: "open" | "closed" | undefined }) {
  const { items, total } = await repo.listInspections(ctx.db, user.scope, filter);
  return { items: await inspectionViews(ctx.db, user, items), total, page: filter.page, pageSize: filter.pageSize };
}

/** Records an inspection with its findings (the inspecting department is the caller's). */
export async function recordInspection(ctx: SupervisionContext, user: AuthUser, code: string, input: InspectionInput, audit: AuditActor): Promise<InspectionView> {
  const p = await supervisedProject(ctx.db, user, code);
  notAfterToday("inspectedOn", input.inspectedOn);
  return ctx.db.transaction().execute(async (tx) => {
    const at = now();
    const id = await repo.insertInspection(tx, {
      project_id: p.id, organisation_id: user.organisation.id, mode: input.mode, inspected_on: input.inspectedOn, inspectors: input.inspectors,
      summary: input.summary, status: "open", created_by: user.id, created_at: at,
    });
    await repo.insertFindings(tx, input.findings.map((f) => ({ inspection_id: id, project_id: p.id, category: f.category, description: f.description, severity: f.severity })));
    await recordAudit(tx, {
      type: "supervision.inspection_recorded", actor: audit, subject: p.code, regionCode: p.region_code,
      payload: { inspectionId: id, mode: input.mode, inspectedOn: input.inspectedOn, findings: input.findings.map((f) => ({ category: f.category, severity: f.severity })) },
    });
    return loadInspection(tx, user, id);
  });
}

/** Closes an inspection (办结): its department's staff or a supervisor of the region. */
export async function closeInspection(ctx: SupervisionContext, user: AuthUser, id: number, audit: AuditActor): Promise<InspectionView> {
  return ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.inspectionForUpdate(tx, id);
    const row = locked ? await repo.inspectionById(tx, { regionPrefix: "" }, id) : undefined;
    if (!row || !canRead(user, row)) throw new DomainError("INSPECTION_NOT_FOUND");
    if (!actsForDepartment(user, row)) throw new DomainError("RECTIFICATION_ACTOR_NOT_ALLOWED");
    if (row.status === "closed") throw new DomainError("INSPECTION_CLOSED");
    await repo.updateInspection(tx, id, { status: "closed", closed_by: user.id, closed_at: now() });
    await recordAudit(tx, { type: "supervision.inspection_closed", actor: audit, subject: row.project_code, regionCode: row.region_code, payload: { inspectionId: id } });
    return loadInspection(tx, user, id);
  });
}

/** `GET /projects/:code/supervision`: everything supervision under the code. */
export async function projectSupervision(ctx: SupervisionContext, user: AuthUser, code: string) {
  const p = await readableProject(ctx.db, user, code);
  const [inspections, orders, penalties, listings] = await Promise.all([
    repo.inspectionsOfProject(ctx.db, p.id),
    repo.ordersOfProject(ctx.db, p.id),
    repo.penaltiesOfProject(ctx.db, p.id),
    repo.listingsOfProject(ctx.db, p.id),
  ]);
  const today = cstDate();
  return {
    code: p.code,
    name: p.name,
    unit: p.unit_name,
    today,
    inspections: await inspectionViews(ctx.db, user, inspections),
    rectificationOrders: await orderViews(ctx.db, user, orders, today),
    penalties: penalties.map(penaltyView),
    abnormalListings: listings.map((l) => listingView(user, l)),
    canSupervise: user.permissions.includes("supervision:manage"),
    canDecide: user.permissions.includes("supervision:manage") && (user.role === "leader" || user.role === "supervisor"),
  };
}
