import { sendStoredFile } from "../../http/download.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import * as penalties from "./penalties.service.js";
import * as rectification from "./rectification.service.js";
import { RECTIFICATION_STATUSES } from "./rectification.workflow.js";
import * as supervision from "./supervision.service.js";

const tags = ["supervision"];
const text = (max: number) => z.string().trim().min(1).max(max);
const date = z.iso.date().describe("YYYY-MM-DD (China Standard Time)");
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const idParam = z.object({ id });
const codeParam = z.object({ code: z.string().trim().min(1).max(64) });
const page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
const flag = z.enum(["true", "false"]).transform((v) => v === "true");
/** base64 of at most 20 MB of bytes (4/3 of it, rounded up to whole quads). */
const BASE64_MAX = Math.ceil(rectification.ATTACHMENT_MAX_BYTES / 3) * 4;
const MB = 1024 * 1024;

/**
 * 监管 (issue 6 point 3), registered under /api/v1. Supervision acts need `supervision:manage` (officers, leaders,
 * supervisors; penalty decisions and the abnormal list: leaders and supervisors, checked by the service); reading a
 * project's supervision and answering its rectification orders is for anyone who may read the project (its unit).
 */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (): supervision.SupervisionContext => ({ db: app.deps.database.db, files: app.deps.files });

  app.get(
    "/projects/:code/supervision",
    {
      config: { access: "projects:read" },
      schema: { tags, summary: "项目监管信息 Everything supervision under the code: inspections with findings, rectification orders, penalty decisions, abnormal listings", params: codeParam },
    },
    async (request) => supervision.projectSupervision(ctx(), requireUser(request), request.params.code),
  );

  // --- Inspections --------------------------------------------------------------------------------------------

  app.get(
    "/inspections",
    {
      config: { access: "supervision:manage" },
      schema: { tags, summary: "监督检查 Inspections of projects in the caller's region, newest first", querystring: z.object({ status: z.enum(["open", "closed"]).optional(), ...page }) },
    },
    async (request) => supervision.listInspections(ctx(), requireUser(request), request.query),
  );

  app.get(
    "/inspections/:id",
    { config: { access: "projects:read" }, schema: { tags, summary: "监督检查 One inspection with its findings", params: idParam } },
    async (request) => supervision.getInspection(ctx(), requireUser(request), request.params.id),
  );

  app.post(
    "/projects/:code/inspections",
    {
      config: { access: "supervision:manage" },
      schema: {
        tags,
        summary: "记录监督检查 Record an on-site or online inspection of the project with what it found",
        params: codeParam,
        body: z.object({
          mode: z.enum(["on_site", "online"]),
          inspectedOn: date,
          inspectors: text(200).describe("检查人员"),
          summary: text(4000).describe("检查情况"),
          findings: z.array(z.object({ category: text(100), description: text(2000), severity: z.enum(supervision.SEVERITIES) })).max(50).default([]),
        }),
      },
    },
    async (request, reply) => reply.code(201).send(await supervision.recordInspection(ctx(), requireUser(request), request.params.code, request.body, actorOf(request))),
  );

  app.post(
    "/inspections/:id/close",
    { config: { access: "supervision:manage" }, schema: { tags, summary: "检查办结 Close the inspection", params: idParam } },
    async (request) => supervision.closeInspection(ctx(), requireUser(request), request.params.id, actorOf(request)),
  );

  // --- Rectification orders -----------------------------------------------------------------------------------

  app.post(
    "/projects/:code/rectification-orders",
    {
      config: { access: "supervision:manage" },
      schema: {
        tags,
        summary: "下达整改通知 Order the project's unit to rectify by a deadline (optionally for an inspection's finding)",
        params: codeParam,
        body: z.object({
          inspectionId: id.optional(),
          findingId: id.optional(),
          documentNumber: text(100).optional().describe("整改通知书文号"),
          requirements: text(4000).describe("整改要求"),
          issuedOn: date.optional().describe("default: today"),
          deadline: date.describe("整改期限"),
        }),
      },
    },
    async (request, reply) => reply.code(201).send(await rectification.issueOrder(ctx(), requireUser(request), request.params.code, request.body, actorOf(request))),
  );

  app.get(
    "/rectification-orders",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "整改通知 Orders in the caller's scope (a unit: its own projects'), overdue first; overdue = open or submitted past the deadline",
        querystring: z.object({ status: z.enum(RECTIFICATION_STATUSES).optional(), overdue: flag.optional(), projectCode: z.string().trim().min(1).max(64).optional(), ...page }),
      },
    },
    async (request) => rectification.listOrders(ctx(), requireUser(request), request.query),
  );

  app.get(
    "/rectification-orders/:id",
    { config: { access: "projects:read" }, schema: { tags, summary: "整改通知 One order with its follow-up", params: idParam } },
    async (request) => rectification.getOrder(ctx(), requireUser(request), request.params.id),
  );

  app.post(
    "/rectification-orders/:id/report",
    {
      config: { access: "projects:declare" },
      bodyLimit: BASE64_MAX + MB,
      schema: {
        tags,
        summary: "报送整改情况 The unit reports its rectification (text; optional attachment PDF/OFD/JPG/PNG/DOCX/ZIP ≤ 20 MB, base64)",
        params: idParam,
        body: z.object({
          report: text(4000),
          attachment: z
            .object({ fileName: text(200), contentBase64: z.string().max(BASE64_MAX).regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64") })
            .optional(),
        }),
      },
    },
    async (request) => rectification.reportRectification(ctx(), requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    "/rectification-orders/:id/accept",
    {
      config: { access: "supervision:manage" },
      schema: { tags, summary: "整改验收 Accept the report: the order is closed", params: idParam, body: z.object({ comment: z.string().trim().max(1000).optional() }).default({}) },
    },
    async (request) => rectification.acceptReport(ctx(), requireUser(request), request.params.id, request.body.comment || undefined, actorOf(request)),
  );

  app.post(
    "/rectification-orders/:id/return",
    {
      config: { access: "supervision:manage" },
      schema: { tags, summary: "退回整改报告 Return the report with a reason: the order is open again", params: idParam, body: z.object({ reason: text(1000) }) },
    },
    async (request) => rectification.returnReport(ctx(), requireUser(request), request.params.id, request.body.reason, actorOf(request)),
  );

  app.get(
    "/rectification-orders/:id/steps/:seq/attachment",
    {
      config: { access: "projects:read" },
      schema: { tags, summary: "整改报告附件 A report's attachment, exactly as uploaded (x-content-sm3 carries its SM3 digest)", params: z.object({ id, seq: z.coerce.number().int().min(1).max(10_000) }) },
    },
    async (request, reply) => {
      const a = await rectification.downloadAttachment(ctx(), requireUser(request), request.params.id, request.params.seq, actorOf(request), (msg) => request.log.error(msg));
      return sendStoredFile(reply, a, `rectification-${request.params.id}-${request.params.seq}`);
    },
  );

  // --- Penalty decisions --------------------------------------------------------------------------------------

  app.post(
    "/projects/:code/penalties",
    {
      config: { access: "supervision:manage" },
      schema: {
        tags,
        summary: "行政处罚决定 Record a penalty decision with its document number (leaders and supervisors); public by default (Art. 18)",
        params: codeParam,
        body: z.object({
          documentNumber: text(100).describe("处罚决定书文号"),
          decidedOn: date,
          violation: text(2000).describe("违法事实"),
          basis: text(2000).describe("处罚依据"),
          penalty: text(1000).describe("处罚内容，如 警告、罚款"),
          amount: z.string().trim().regex(/^\d{1,14}(\.\d{1,2})?$/, "amount").optional().describe("罚款金额（元）"),
          public: z.boolean().optional(),
        }),
      },
    },
    async (request, reply) => reply.code(201).send(await penalties.decidePenalty(ctx(), requireUser(request), request.params.code, request.body, actorOf(request))),
  );

  app.get(
    "/penalties",
    { config: { access: "supervision:manage" }, schema: { tags, summary: "行政处罚 Penalty decisions in the caller's region, newest first", querystring: z.object(page) } },
    async (request) => penalties.listPenalties(ctx(), requireUser(request), request.query),
  );

  // --- The abnormal list --------------------------------------------------------------------------------------

  app.get(
    "/abnormal-list",
    {
      config: { access: "supervision:manage" },
      schema: { tags, summary: "异常名录 Listed projects in the caller's region (active first); active=true|false filters", querystring: z.object({ active: flag.optional(), ...page }) },
    },
    async (request) => penalties.listAbnormal(ctx(), requireUser(request), request.query),
  );

  app.post(
    "/projects/:code/abnormal-listing",
    {
      config: { access: "supervision:manage" },
      schema: {
        tags,
        summary: "列入异常名录 List the project (leaders and supervisors), e.g. an order unrectified past its deadline or false reports",
        params: codeParam,
        body: z.object({ reason: text(1000), listedOn: date.optional() }),
      },
    },
    async (request, reply) => reply.code(201).send(await penalties.listAbnormalProject(ctx(), requireUser(request), request.params.code, request.body, actorOf(request))),
  );

  app.post(
    "/abnormal-list/:id/removal",
    {
      config: { access: "supervision:manage" },
      schema: { tags, summary: "移出异常名录 Remove the listing with a reason (leaders and supervisors)", params: idParam, body: z.object({ reason: text(1000), removedOn: date.optional() }) },
    },
    async (request) => penalties.removeAbnormalListing(ctx(), requireUser(request), request.params.id, request.body, actorOf(request)),
  );
};
