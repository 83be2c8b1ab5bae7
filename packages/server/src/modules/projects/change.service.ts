import type { Declaration } from "@tzxm/shared";
import { now } from "../../platform/clock.js";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { AuthUser } from "../identity/request-user.js";
import { type ChangeStatement, DEFAULT_MAJOR_CHANGE_RULES, type MajorChangeRules, majorChangeReasons } from "./change-rules.js";
import { checkDeclaration, insertUnderNewCode, type ProjectsContext } from "./declaration.service.js";
import { CHANGE_KIND_LABELS, PROJECT_STATUS_LABELS, applyChange, type ProjectChangeKind } from "@tzxm/shared";
import * as repo from "./projects.repository.js";

export type ChangeRequest =
  | ({ kind: "adjustment" | "extension"; reason: string; declaration: Declaration } & ChangeStatement)
  | { kind: "suspension" | "withdrawal"; reason: string };

async function rulesFor(ctx: ProjectsContext, region: string): Promise<MajorChangeRules> {
  const row = await repo.majorChangeRuleFor(ctx.db, region);
  if (!row) return DEFAULT_MAJOR_CHANGE_RULES;
  return {
    investmentChangeRatio: Number(row.investment_change_ratio),
    scaleChangeRatio: Number(row.scale_change_ratio),
    siteMoveIsMajor: row.site_move_is_major,
  };
}

/**
 * 项目变更、延期、中止、撤回 (Art. 12, 14(1)), applied for online by the unit. An adjustment or extension keeps
 * the code and adds a version (every earlier one is kept); a major change issues a new code whose record names
 * its predecessor while the old code becomes `superseded` and points to it; suspension and withdrawal move the
 * status. Each outcome and its audit events are written in one transaction.
 */
export async function applyProjectChange(ctx: ProjectsContext, user: AuthUser, code: string, request: ChangeRequest, actor: AuditActor) {
  const project = await repo.findInScope(ctx.db, user.scope, code);
  if (!project) throw new DomainError("NOT_FOUND");
  const at = now();

  let kind: ProjectChangeKind = request.kind;
  let reasons: string[] = [];
  let checked: Awaited<ReturnType<typeof checkDeclaration>> | undefined;
  if (request.kind === "adjustment" || request.kind === "extension") {
    checked = await checkDeclaration(ctx, user, request.declaration);
    const current = (await repo.latestVersion(ctx.db, project.id))?.data as Declaration;
    if (request.kind === "extension" && !(request.declaration.plannedEnd > current.plannedEnd)) {
      throw new DomainError("VALIDATION_FAILED", {
        fields: [{ path: "declaration.plannedEnd", message: `延期后的计划竣工时间须晚于 ${current.plannedEnd}`, messageEn: `Must be later than ${current.plannedEnd}` }],
      });
    }
    reasons = majorChangeReasons(current, request.declaration, request, await rulesFor(ctx, project.region_code));
    if (reasons.length) kind = "major_change";
  }

  const transition = applyChange(project.status, kind);
  if (!transition.ok) {
    throw new DomainError("STATE_CONFLICT", {
      message: `项目当前状态为「${PROJECT_STATUS_LABELS[project.status]}」，不能办理${CHANGE_KIND_LABELS[kind]}申请`,
      messageEn: `A project in status '${project.status}' cannot take a ${kind}; allowed from: ${transition.allowedFrom.join(", ")}`,
    });
  }

  return ctx.db.transaction().execute(async (tx) => {
    const changed = { code: project.code, kind, reason: request.reason, reasons };
    if (kind === "major_change" && checked && "declaration" in request) {
      const successor = await insertUnderNewCode(tx, ctx, {
        d: request.declaration,
        ...checked,
        at,
        userId: user.id,
        predecessorCode: project.code,
        reason: `major_change:${project.code}`,
      });
      await repo.updateProject(tx, project.id, { status: "superseded", successor_code: successor.code, updated_at: at });
      await recordAudit(tx, { type: "project.changed", actor, subject: project.code, regionCode: project.region_code, payload: { ...changed, newStatus: "superseded", successorCode: successor.code } });
      await recordAudit(tx, {
        type: "project.declared",
        actor,
        subject: successor.code,
        regionCode: checked.region,
        payload: { code: successor.code, name: request.declaration.name, approvalCategory: request.declaration.approvalCategory, status: successor.status, version: 1, predecessorCode: project.code },
      });
      // The new code needs its own approval, verification or filing: it is told its matters afresh.
      if (ctx.notifier) {
        await ctx.notifier(tx, { id: successor.id, code: successor.code, declaration: request.declaration, region: checked.region, jurisdiction: checked.jurisdiction, at }, actor);
      }
      return { code: successor.code, previousCode: project.code, kind, major: true, reasons, status: successor.status, version: 1 };
    }
    if ("declaration" in request) {
      const version = project.current_version + 1;
      await repo.insertVersion(tx, { project_id: project.id, version, data: request.declaration, reason: `${kind}: ${request.reason}`, created_at: at, created_by: user.id });
      await repo.updateProject(tx, project.id, { name: request.declaration.name, current_version: version, updated_at: at });
      await recordAudit(tx, { type: "project.changed", actor, subject: project.code, regionCode: project.region_code, payload: { ...changed, newStatus: transition.next, version } });
      return { code: project.code, kind, major: false, reasons, status: transition.next, version };
    }
    await repo.updateProject(tx, project.id, { status: transition.next, updated_at: at });
    await recordAudit(tx, { type: "project.changed", actor, subject: project.code, regionCode: project.region_code, payload: { ...changed, newStatus: transition.next } });
    return { code: project.code, kind, major: false, reasons, status: transition.next, version: project.current_version };
  });
}
