import { sendStoredFile } from "../../http/download.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { rawUploadRoutes } from "../../http/raw-upload.js";
import { actorOf, requireUser } from "../identity/request-user.js";
import { humanSize, UPLOAD_CONTENT_TYPES } from "../materials/material-rules.js";
import { COMMISSION_STATUSES } from "./commission.workflow.js";
import * as commissions from "./commissions.service.js";

const tags = ["intermediary-services"];
const idParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const caseParam = z.object({ caseId: z.string().trim().min(1).max(64) });
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * 中介服务委托 (Art. 16), registered under /api/v1. The department's side needs `commissions:manage`, the
 * intermediary's `commissions:respond`; reading needs `commissions:read` and the service narrows it to the
 * caller's own commissions (department, intermediary) or region (supervisors). The report upload is the file's raw
 * bytes with its name in `x-file-name` (encodeURIComponent'd UTF-8), as for 申请材料.
 */
export const commissionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (): commissions.CommissionsContext => ({
    db: app.deps.database.db,
    calendar: app.deps.calendar,
    warnDays: app.deps.config.CASE_WARN_WORKING_DAYS,
    files: app.deps.files,
  });

  app.get(
    "/commissions",
    {
      config: { access: "commissions:read" },
      schema: {
        tags,
        summary: "中介服务委托 Commissions: a department's own, an intermediary's own, or all in a supervisor's region; each with its own clock",
        querystring: z.object({
          status: z.enum(COMMISSION_STATUSES).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (request) => commissions.listCommissions(ctx(), requireUser(request), request.query),
  );

  app.get(
    "/commissions/intermediaries",
    {
      config: { access: "commissions:manage" },
      schema: { tags, summary: "可委托的中介机构 Active registered intermediaries with platform accounts, with their services and promised limits" },
    },
    async () => commissions.commissionOptions(ctx()),
  );

  app.get(
    "/commissions/:id",
    { config: { access: "commissions:read" }, schema: { tags, summary: "中介服务委托 One commission with its clock and the actions open to the caller", params: idParam } },
    async (request) => commissions.getCommission(ctx(), requireUser(request), request.params.id),
  );

  app.get(
    "/cases/:caseId/commissions",
    { config: { access: "commissions:read" }, schema: { tags, summary: "办件的中介服务委托 The commissions of one case", params: caseParam } },
    async (request) => commissions.commissionsOfCase(ctx(), requireUser(request), request.params.caseId),
  );

  app.post(
    "/cases/:caseId/commissions",
    {
      config: { access: "commissions:manage" },
      schema: {
        tags,
        summary: "委托中介服务 Commission a registered intermediary for an accepted case; the case's clock pauses (class intermediary)",
        params: caseParam,
        body: z.object({
          intermediaryId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
          service: text(100).describe("one of the intermediary's registered services"),
          requirements: text(2000).describe("委托范围和要求"),
        }),
      },
    },
    async (request, reply) => reply.code(201).send(await commissions.commission(ctx(), requireUser(request), request.params.caseId, request.body, actorOf(request))),
  );

  app.post(
    "/commissions/:id/accept",
    { config: { access: "commissions:respond" }, schema: { tags, summary: "接受委托 The intermediary accepts; its own clock starts", params: idParam } },
    async (request) => commissions.accept(ctx(), requireUser(request), request.params.id, actorOf(request)),
  );

  app.post(
    "/commissions/:id/decline",
    {
      config: { access: "commissions:respond" },
      schema: { tags, summary: "拒绝委托 The intermediary declines with a reason; the case's clock resumes", params: idParam, body: z.object({ reason: text(1000) }) },
    },
    async (request) => commissions.decline(ctx(), requireUser(request), request.params.id, request.body.reason, actorOf(request)),
  );

  // Over the limit the body is refused before the route runs, as a report's own error, not a bare 413.
  const limit = humanSize(commissions.REPORT_MAX_BYTES);
  const tooLarge = { code: "MATERIAL_TOO_LARGE", field: "file", message: `报告不得超过 ${limit}`, messageEn: `A report may not exceed ${limit}` } as const;
  await rawUploadRoutes(app, { mediaTypes: UPLOAD_CONTENT_TYPES, maxBytes: commissions.REPORT_MAX_BYTES, tooLarge }, (upload) => {
    upload.post(
      "/commissions/:id/report",
      {
        config: { access: "commissions:respond" },
        schema: { tags, summary: "交付报告 Deliver the report (raw bytes, PDF/OFD/DOCX ≤ 50 MB; name in x-file-name); the case's clock resumes", params: idParam },
      },
      async (request) =>
        commissions.deliver(ctx(), requireUser(request), request.params.id, { fileNameHeader: request.headers["x-file-name"], body: request.body }, actorOf(request)),
    );
  });

  app.post(
    "/commissions/:id/evaluation",
    {
      config: { access: "commissions:manage" },
      schema: {
        tags,
        summary: "评价中介服务 The department evaluates the delivered work (score 1-5)",
        params: idParam,
        body: z.object({ score: z.number().int().min(1).max(5), comment: text(1000) }),
      },
    },
    async (request) => commissions.evaluate(ctx(), requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    "/commissions/:id/cancel",
    {
      config: { access: "commissions:manage" },
      schema: { tags, summary: "撤销委托 The department cancels before delivery; the case's clock resumes", params: idParam, body: z.object({ reason: text(1000) }) },
    },
    async (request) => commissions.cancel(ctx(), requireUser(request), request.params.id, request.body.reason, actorOf(request)),
  );

  app.get(
    "/commissions/:id/report",
    {
      config: { access: "commissions:read" },
      schema: { tags, summary: "下载报告 The delivered report, exactly as uploaded (x-content-sm3 carries its SM3 digest)", params: idParam },
    },
    async (request, reply) => {
      const r = await commissions.downloadReport(ctx(), requireUser(request), request.params.id, actorOf(request), (msg) => request.log.error(msg));
      return sendStoredFile(reply, r, `report-${request.params.id}`);
    },
  );
};
