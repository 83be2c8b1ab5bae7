import { PAUSE_REASON_CLASS_IDS } from "@tzxm/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../platform/errors.js";
import { actorOf, requireUser } from "../identity/request-user.js";
import { type CasesContext, explainCase, getCase, takeStep } from "./cases.service.js";
import { stepActor } from "./step-actor.js";
import { attachmentDisposition } from "../../http/download.js";
import { resolveCode } from "../projects/code-param.js";
import { pendingSignOffsOf } from "./sign-off.repository.js";
import { requestSignOff, sign, signOffView } from "./sign-off.service.js";
import { completionNotice } from "./completion-notice.service.js";
import { departmentColleagues } from "./cases.repository.js";
import { departmentCaseQueue, departmentCaseWorkload, projectCases } from "./queue.service.js";

const text = (max: number) => z.string().trim().min(1).max(max);
const at = z.iso.datetime({ offset: true }).optional().describe("RFC 3339; when the step happened (default: now)");
const caseIdParams = z.object({ caseId: z.string().trim().min(1).max(64) });

/** The steps of spec §6 (department side). */
export const departmentStepSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("receive"), at }),
  z.object({ type: z.literal("accept"), at }),
  z.object({ type: z.literal("refuse"), reason: text(1000), at }),
  z.object({ type: z.literal("send_back"), reason: text(1000), at }),
  z.object({ type: z.literal("transfer"), reason: text(1000), toDepartmentId: z.number().int().positive().optional(), toOfficerId: z.number().int().positive().optional(), at }),
  z.object({ type: z.literal("pause"), reasonClass: z.enum(PAUSE_REASON_CLASS_IDS), reason: text(1000), expectedWorkingDays: z.number().int().min(1).max(250).optional(), at }),
  z.object({ type: z.literal("resume"), at }),
  z.object({ type: z.literal("extend"), workingDays: z.number().int().min(1).max(250), reason: text(1000), at }),
  z.object({
    type: z.literal("complete"),
    result: z.enum(["granted", "denied"]),
    opinion: text(2000),
    documentNumber: text(100),
    documentTitle: text(200),
    at,
  }),
  z.object({ type: z.literal("withdraw"), reason: text(1000), at }),
]);


export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (): CasesContext => ({ db: app.deps.database.db, calendar: app.deps.calendar, warnDays: app.deps.config.CASE_WARN_WORKING_DAYS });

  app.get(
    "/cases/:caseId",
    {
      config: { access: "projects:read", apiKey: "cases:write" },
      schema: { tags: ["cases"], summary: "办件 One matter case with its clock and steps (spec §6)", params: caseIdParams },
    },
    async (request) => getCase(ctx(), stepActor(request), request.params.caseId),
  );

  app.post(
    "/cases/:caseId/events",
    {
      config: { access: "cases:handle", apiKey: "cases:write" },
      schema: {
        tags: ["cases"],
        summary: "办件环节 Take one step of a case: receive, accept, refuse, pause, resume, extend, complete, withdraw (spec §6)",
        params: caseIdParams,
        body: departmentStepSchema,
      },
    },
    async (request, reply) => {
      const view = await takeStep(ctx(), stepActor(request), request.params.caseId, request.body);
      return reply.code(201).send(view);
    },
  );

  app.post(
    "/cases/:caseId/submission",
    {
      config: { access: "projects:declare" },
      schema: { tags: ["cases"], summary: "提交申请 The unit submits its materials for the matter (the case becomes submitted)", params: caseIdParams },
    },
    async (request, reply) => reply.code(201).send(await takeStep(ctx(), stepActor(request), request.params.caseId, { type: "submit" })),
  );

  app.post(
    "/cases/:caseId/withdrawal",
    {
      config: { access: "projects:declare" },
      schema: { tags: ["cases"], summary: "撤回申请 The unit withdraws its application for the matter", params: caseIdParams, body: z.object({ reason: text(1000) }) },
    },
    async (request, reply) => reply.code(201).send(await takeStep(ctx(), stepActor(request), request.params.caseId, { type: "withdraw", reason: request.body.reason })),
  );

  const decisionSchema = z.object({ result: z.enum(["granted", "denied"]), opinion: text(2000), documentNumber: text(100), documentTitle: text(200) });

  app.post(
    "/cases/:caseId/sign-off",
    {
      config: { access: "cases:handle" },
      schema: {
        tags: ["cases"],
        summary: "会签/或签 Propose completing the case with a decision and ask colleagues to sign (where the matter asks for it)",
        params: caseIdParams,
        body: z.object({ signerIds: z.array(z.number().int().positive()).min(1).max(20), decision: decisionSchema }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      return reply.code(201).send(await requestSignOff(ctx(), { kind: "user", user, audit: actorOf(request) }, request.params.caseId, request.body));
    },
  );

  app.post(
    "/cases/:caseId/sign-off/decision",
    {
      config: { access: "cases:handle" },
      schema: {
        tags: ["cases"],
        summary: "签署 A signer approves or rejects the proposed completion; the case completes when the round is approved",
        params: caseIdParams,
        body: z.object({ decision: z.enum(["approve", "reject"]), comment: z.string().trim().max(1000).optional() }),
      },
    },
    async (request) => sign(ctx(), { kind: "user", user: requireUser(request), audit: actorOf(request) }, request.params.caseId, request.body),
  );

  app.get(
    "/cases/:caseId/sign-off",
    { config: { access: "cases:handle" }, schema: { tags: ["cases"], summary: "The case's latest sign-off round with each signer's decision", params: caseIdParams } },
    async (request) => {
      await getCase(ctx(), stepActor(request), request.params.caseId);
      return { signOff: await signOffView(app.deps.database.db, request.params.caseId) };
    },
  );

  app.get(
    "/cases/:caseId/colleagues",
    {
      config: { access: "cases:handle" },
      schema: { tags: ["cases"], summary: "The handling department's officers and leaders: whom a case can be transferred to or asked to sign", params: caseIdParams },
    },
    async (request) => {
      const user = requireUser(request);
      const view = await getCase(ctx(), stepActor(request), request.params.caseId);
      if (view.departmentId !== user.organisation.id) throw new DomainError("CASE_NOT_FOUND");
      const rows = await departmentColleagues(app.deps.database.db, view.departmentId);
      return { items: rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role })) };
    },
  );

  app.get(
    "/cases/:caseId/clock",
    {
      config: { access: "projects:read", apiKey: "cases:write" },
      schema: { tags: ["cases"], summary: "时限说明 The case's deadline explained day by day (counted, weekends, holidays, 调休, paused)", params: caseIdParams },
    },
    async (request) => explainCase(ctx(), stepActor(request), request.params.caseId),
  );

  app.get(
    "/cases",
    {
      config: { access: "cases:handle" },
      schema: {
        tags: ["cases"],
        summary: "待办 The caller's department's cases, the most urgent first",
        querystring: z.object({
          status: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).optional(),
          warning: z.enum(["none", "yellow", "red"]).optional(),
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (request) => {
      const q = request.query;
      return departmentCaseQueue(ctx(), requireUser(request), { status: q.status?.split(","), warning: q.warning, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    },
  );

  app.get(
    "/cases/sign-offs/pending",
    {
      config: { access: "cases:handle" },
      schema: { tags: ["cases"], summary: "会签/或签 rounds waiting for the caller's decision" },
    },
    async (request) => {
      const user = requireUser(request);
      const rows = await pendingSignOffsOf(app.deps.database.db, user.id);
      return { items: rows.map((r) => ({ caseId: r.case_id, mode: r.mode, projectCode: r.project_code, matterName: r.matter_name, requestedAt: r.requested_at.toISOString() })) };
    },
  );

  app.get(
    "/cases/workload",
    {
      config: { access: "cases:handle" },
      schema: { tags: ["cases"], summary: "工作量 Counts of the department's cases by status and warning" },
    },
    async (request) => departmentCaseWorkload(ctx(), requireUser(request)),
  );

  app.get(
    "/projects/:code/completion-notice.pdf",
    {
      config: { access: "projects:read" },
      schema: {
        tags: ["cases"],
        summary: "办结告知书 The completion notice (PDF) of a project whose told matters are all complete; recorded in the audit trail",
        params: z.object({ code: z.string().trim().min(1).max(64) }),
      },
    },
    async (request, reply) => {
      const db = app.deps.database.db;
      const { code, pdf } = await completionNotice({ db, config: app.deps.config }, requireUser(request), await resolveCode(db, request.params.code), actorOf(request));
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", attachmentDisposition(`办结告知书-${code}.pdf`, `completion-notice-${code}.pdf`))
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );

  app.get(
    "/projects/:code/cases",
    {
      config: { access: "projects:read" },
      schema: { tags: ["cases"], summary: "并联审批 Every matter case of a project with its state and clock, grouped by stage", params: z.object({ code: z.string().trim().min(1).max(64) }) },
    },
    async (request) => {
      const result = await projectCases(ctx(), requireUser(request), request.params.code);
      if (!result) throw new DomainError("NOT_FOUND");
      return result;
    },
  );
};
