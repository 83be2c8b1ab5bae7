import { APPROVAL_CATEGORIES, PROJECT_STATUSES, declarationSchema } from "@tzxm/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../platform/errors.js";
import { actorOf, requireUser } from "../identity/request-user.js";
import { applyProjectChange } from "./change.service.js";
import { declareProject, refuseIfClassified } from "./declaration.service.js";
import { resolveCode } from "./code-param.js";
import * as repo from "./projects.repository.js";
import { checkCode, verifyCode } from "./verification.service.js";

const codeParam = z.object({ code: z.string().trim().min(1).max(64) });
const status = z.enum(PROJECT_STATUSES);
const tags = ["projects"];

export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  async function inScopeOr404(request: Parameters<typeof requireUser>[0], code: string) {
    const project = await repo.findInScope(db(), requireUser(request).scope, await resolveCode(db(), code));
    if (!project) throw new DomainError("NOT_FOUND");
    return project;
  }

  app.post(
    "/projects",
    {
      config: { access: "projects:declare" },
      // Art. 3: a classified declaration is refused before validation, so that nothing about it is processed.
      preValidation: async (request) => refuseIfClassified(request.body),
      schema: {
        tags,
        summary: "项目申报 Declare a project (spec §4) and get its code at once",
        body: declarationSchema,
        response: {
          201: z.object({
            code: z.string(),
            status,
            requiredMatters: z.array(
              z.object({
                caseId: z.string(),
                matterCode: z.string(),
                matterName: z.string(),
                department: z.string(),
                guideVersion: z.number().nullable(),
                reasons: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await declareProject({ db: db(), config: app.deps.config, ...(app.deps.notifier ? { notifier: app.deps.notifier } : {}) }, requireUser(request), request.body, actorOf(request));
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/projects/:code",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "项目详情 The whole record of a project in the caller's scope (code or legacy number)",
        params: codeParam,
        response: {
          200: z.object({
            code: z.string(),
            legacyCode: z.string().optional(),
            status,
            name: z.string(),
            approvalCategory: z.enum(APPROVAL_CATEGORIES),
            projectType: z.string(),
            centralDepartmentCode: z.string(),
            regionCode: z.string(),
            jurisdiction: z.enum(["central", "local"]),
            unit: z.object({ name: z.string(), creditCode: z.string().nullable() }),
            predecessorCode: z.string().optional(),
            successorCode: z.string().optional(),
            version: z.number(),
            declaredAt: z.string(),
            updatedAt: z.string(),
            declaration: z.unknown(),
          }),
        },
      },
    },
    async (request) => {
      const p = await inScopeOr404(request, request.params.code);
      const version = await repo.latestVersion(db(), p.id);
      return {
        code: p.code,
        ...(p.legacy_code ? { legacyCode: p.legacy_code } : {}),
        status: p.status,
        name: p.name,
        approvalCategory: p.approval_category,
        projectType: p.project_type,
        centralDepartmentCode: p.central_department_code,
        regionCode: p.region_code,
        jurisdiction: p.jurisdiction,
        unit: { name: p.unit_name, creditCode: p.unit_credit_code },
        ...(p.predecessor_code ? { predecessorCode: p.predecessor_code } : {}),
        ...(p.successor_code ? { successorCode: p.successor_code } : {}),
        version: p.current_version,
        declaredAt: p.declared_at.toISOString(),
        updatedAt: p.updated_at.toISOString(),
        declaration: version?.data ?? null,
      };
    },
  );

  app.get(
    "/projects/:code/events",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "项目痕迹 Every event recorded under the code, oldest first (Art. 4, 10)",
        params: codeParam,
        response: {
          200: z.object({
            code: z.string(),
            items: z.array(z.object({ seq: z.number(), occurredAt: z.string(), type: z.string(), actor: z.string(), payload: z.unknown() })),
          }),
        },
      },
    },
    async (request) => {
      const p = await inScopeOr404(request, request.params.code);
      const events = await repo.eventsUnder(db(), [p.code, ...(p.legacy_code ? [p.legacy_code] : [])]);
      return {
        code: p.code,
        items: events.map((e) => ({ seq: e.seq, occurredAt: e.occurred_at.toISOString(), type: e.type, actor: e.actor_label, payload: e.payload })),
      };
    },
  );

  app.get(
    "/codes/:code/check",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "项目代码校验 Check a code's format, check character and existence (spec §3)",
        params: codeParam,
        response: {
          200: z.object({
            code: z.string(),
            format: z.enum(["current", "legacy", "invalid"]),
            checkCharacterValid: z.boolean(),
            exists: z.boolean(),
            status: status.optional(),
            projectName: z.string().optional(),
            projectCode: z.string().optional().describe("present when the code given is a legacy number: the platform code it maps to (Art. 12)"),
          }),
        },
      },
    },
    async (request) => checkCode(db(), request.params.code),
  );

  app.post(
    "/verifications",
    {
      config: { access: "code:verify" },
      schema: {
        tags,
        summary: "项目代码核验 Verify a code before acceptance, funding, bidding or disclosure; recorded (Art. 13)",
        body: z.object({ code: z.string().trim().min(1).max(64), purpose: z.enum(["acceptance", "funding", "bidding", "disclosure"]) }),
        response: {
          200: z.object({
            valid: z.boolean(),
            reason: z.string().optional(),
            project: z
              .object({ code: z.string(), name: z.string(), status, unitName: z.string(), regionCode: z.string(), successorCode: z.string().optional() })
              .optional(),
          }),
        },
      },
    },
    async (request) => verifyCode(db(), request.user, request.body, actorOf(request)),
  );

  app.get(
    "/public/projects/:code",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "项目公开信息 A project's public record (Art. 18), by code or legacy number",
        params: codeParam,
        response: {
          200: z.object({
            code: z.string(),
            name: z.string(),
            unitName: z.string(),
            regionCode: z.string(),
            status,
            approvalCategory: z.enum(APPROVAL_CATEGORIES),
            matters: z.array(
              z.object({
                name: z.string(),
                department: z.string(),
                status: z.string(),
                acceptedOn: z.string().optional(),
                completedOn: z.string().optional(),
                result: z.string().optional(),
                documentNumber: z.string().optional(),
                documentTitle: z.string().optional(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const p = await repo.findByAnyCode(db(), await resolveCode(db(), request.params.code));
      // A delisted filing (令2018年第14号 第十五条: 移除已向社会公示的备案信息) is no longer public.
      if (!p || p.delisted_at) throw new DomainError("NOT_FOUND");
      const matters = await app.deps.publicMatters(db(), p.id);
      return { code: p.code, name: p.name, unitName: p.unit_name, regionCode: p.region_code, status: p.status, approvalCategory: p.approval_category, matters };
    },
  );

  const changeBody = z.discriminatedUnion("kind", [
    z.object({
      kind: z.enum(["adjustment", "extension"]),
      reason: z.string().trim().min(2).max(1000),
      declaration: declarationSchema,
      scaleChangeRatio: z.number().min(-1).max(100).optional(),
      contentChangedSubstantially: z.boolean().optional(),
    }),
    z.object({ kind: z.enum(["suspension", "withdrawal"]), reason: z.string().trim().min(2).max(1000) }),
  ]);

  app.post(
    "/projects/:code/changes",
    {
      config: { access: "projects:declare" },
      preValidation: async (request) => refuseIfClassified((request.body as { declaration?: unknown } | undefined)?.declaration),
      schema: {
        tags,
        summary: "项目变更申请 Apply for an adjustment, extension, suspension or withdrawal; a major change gets a new code (Art. 12)",
        params: codeParam,
        body: changeBody,
        response: {
          200: z.object({
            code: z.string(),
            previousCode: z.string().optional(),
            kind: z.enum(["adjustment", "extension", "suspension", "withdrawal", "major_change"]),
            major: z.boolean(),
            reasons: z.array(z.string()),
            status,
            version: z.number(),
          }),
        },
      },
    },
    async (request) =>
      applyProjectChange({ db: db(), config: app.deps.config, ...(app.deps.notifier ? { notifier: app.deps.notifier } : {}) }, requireUser(request), await resolveCode(db(), request.params.code), request.body, actorOf(request)),
  );

  app.get(
    "/projects/:code/versions",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "项目信息版本 Every version of the project's information, oldest first",
        params: codeParam,
        response: {
          200: z.object({
            code: z.string(),
            items: z.array(z.object({ version: z.number(), reason: z.string(), createdAt: z.string(), declaration: z.unknown() })),
          }),
        },
      },
    },
    async (request) => {
      const p = await inScopeOr404(request, request.params.code);
      const versions = await repo.listVersions(db(), p.id);
      return {
        code: p.code,
        items: versions.map((v) => ({ version: v.version, reason: v.reason, createdAt: v.created_at.toISOString(), declaration: v.data })),
      };
    },
  );
};
