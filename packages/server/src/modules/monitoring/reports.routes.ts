import { PROJECT_STATUSES, REPORT_KINDS } from "@tzxm/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { rawUploadRoutes, uploadedBytes } from "../../http/raw-upload.js";
import { actorOf, requireUser } from "../identity/request-user.js";
import { REPORT_FREQUENCIES } from "./report-schedule.js";
import * as reports from "./reports.service.js";
import * as validity from "./validity.service.js";

const tags = ["monitoring"];
const codeParam = z.object({ code: z.string().trim().min(1).max(64) });
const isoDate = z.iso.date();
const kind = z.enum(REPORT_KINDS as [string, ...string[]]) as z.ZodType<(typeof REPORT_KINDS)[number]>;
const money = z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, "万元，最多两位小数 (money in 万元, at most 2 decimals)");
const report = z.object({
  id: z.number().int(),
  kind,
  on: z.string(),
  investmentCompleted: z.string().optional(),
  progressPercent: z.number().int().optional(),
  note: z.string().optional(),
  images: z.array(z.string()).optional(),
  statusBefore: z.string(),
  statusAfter: z.string(),
  reportedAt: z.string(),
});
const period = z.object({ from: z.string(), to: z.string(), dueDate: z.string().nullable(), remindFrom: z.string().nullable(), state: z.string(), unavailableYear: z.number().nullable() });

/**
 * 项目实施情况监测 (Art. 14(5); spec §7): implementation reports, what is due, 延期开工 (条例 第十二条), the 2-year
 * explanation of filed projects (令2018年第14号 第十五条) and the progress-report frequency per region.
 */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (): reports.MonitoringContext => ({
    db: app.deps.database.db,
    calendar: app.deps.calendar,
    graceWorkingDays: app.deps.config.MONITORING_DORMANCY_GRACE_WORKING_DAYS,
    remindWorkingDays: app.deps.config.MONITORING_REMIND_WORKING_DAYS,
    files: app.deps.files,
  });

  // Photos of construction progress: raw bytes. Over the limit: refused before reading on, naming the file field.
  const tooLarge = { code: "MATERIAL_TOO_LARGE", field: "file", message: "照片不得超过 10 MB", messageEn: "A photo may not exceed 10 MB" } as const;
  const mediaTypes = ["image/jpeg", "image/png", "application/octet-stream"];
  await rawUploadRoutes(app, { mediaTypes, maxBytes: reports.REPORT_IMAGE_MAX_BYTES, tooLarge }, (photos) => {
    photos.post(
      "/projects/:code/report-images",
      {
        config: { access: "projects:declare" },
        schema: {
          tags,
          summary: "上传形象进度照片 Upload a photo (JPEG/PNG, ≤ 10 MB) for an implementation report; the report names it by key",
          params: codeParam,
          response: { 201: z.object({ key: z.string(), size: z.number().int() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await reports.uploadReportImage(ctx(), requireUser(request), request.params.code, uploadedBytes(request.body))),
    );
  });

  app.post(
    "/projects/:code/reports",
    {
      config: { access: "projects:declare" },
      schema: {
        tags,
        summary: "实施情况报告 An implementation report: start, progress, completion, delay, suspension or resumption of works (spec §7)",
        params: codeParam,
        body: z.object({
          kind,
          on: isoDate,
          investmentCompleted: money.optional(),
          progressPercent: z.number().int().min(0).max(100).optional(),
          note: z.string().trim().min(1).max(2000).optional(),
          images: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(20).optional(),
        }),
        response: { 201: report },
      },
    },
    async (request, reply) => reply.status(201).send(await reports.fileReport(ctx(), requireUser(request), request.params.code, request.body, actorOf(request))),
  );

  app.get(
    "/projects/:code/report-images/:key",
    {
      config: { access: "projects:read" },
      schema: { tags, summary: "形象进度照片 A photo named by one of the project's reports", params: codeParam.extend({ key: z.string().regex(/^[0-9a-f]{64}$/) }) },
    },
    async (request, reply) => {
      const photo = await reports.reportImage(ctx(), requireUser(request), request.params.code, request.params.key);
      return reply.header("content-type", photo.mediaType).header("cache-control", "private, max-age=3600").header("x-content-type-options", "nosniff").send(photo.bytes);
    },
  );

  app.get(
    "/projects/:code/reports",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "实施情况报告列表 The project's implementation reports, newest first",
        params: codeParam,
        response: { 200: z.object({ code: z.string(), status: z.enum(PROJECT_STATUSES), items: z.array(report) }) },
      },
    },
    async (request) => reports.listReports(ctx(), requireUser(request), request.params.code),
  );

  app.get(
    "/projects/:code/obligations",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "应报事项 What is due: reports, the 核准 validity and its extension window, the filed project's 2-year explanation",
        params: codeParam,
        response: {
          200: z.object({
            code: z.string(),
            status: z.enum(PROJECT_STATUSES),
            approvalCategory: z.enum(["approval", "verification", "filing"]),
            today: z.string(),
            allowedReports: z.array(kind),
            reportFrequency: z.enum(REPORT_FREQUENCIES),
            progress: z.array(period),
            validity: z
              .object({
                decisionOn: z.string(),
                nominalExpiresOn: z.string(),
                expiresOn: z.string().nullable(),
                unavailableYear: z.number().nullable(),
                extensionApplyBy: z.string().nullable(),
                canApplyForExtension: z.boolean(),
                lapsesOn: z.string().nullable(),
                department: z.string().optional(),
                extension: z
                  .object({
                    id: z.number().int(),
                    status: z.enum(["pending", "approved", "refused"]),
                    months: z.number().int(),
                    reason: z.string(),
                    appliedOn: z.string(),
                    decisionDueOn: z.string(),
                    decidedOn: z.string().nullable(),
                    opinion: z.string().nullable(),
                    canDecide: z.boolean(),
                  })
                  .optional(),
              })
              .nullable(),
            dormancy: z
              .object({
                phase: z.string(),
                filedOn: z.string(),
                periodEndsOn: z.string().nullable(),
                delistOn: z.string().nullable(),
                unavailableYear: z.number().nullable(),
                delisted: z.boolean(),
                canExplain: z.boolean(),
                explanation: z.object({ text: z.string(), explainedOn: z.string() }).optional(),
              })
              .nullable(),
          }),
        },
      },
    },
    async (request) => reports.obligations(ctx(), requireUser(request), request.params.code),
  );

  app.post(
    "/projects/:code/validity-extension",
    {
      config: { access: "projects:declare" },
      schema: {
        tags,
        summary: "申请延期开工 Apply to postpone the start of a 核准 project: 30 working days before the end, once, at most 12 months (条例 第十二条)",
        params: codeParam,
        body: z.object({ months: z.number().int(), reason: z.string().trim().min(2).max(2000) }),
        response: { 201: z.object({ id: z.number().int(), status: z.literal("pending"), months: z.number().int(), appliedOn: z.string(), decisionDueOn: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await validity.applyForExtension(ctx(), requireUser(request), request.params.code, request.body, actorOf(request))),
  );

  app.post(
    "/projects/:code/validity-extension/decision",
    {
      config: { access: "cases:handle" },
      schema: {
        tags,
        summary: "延期开工决定 The deciding department approves (possibly fewer months) or refuses, within 20 working days",
        params: codeParam,
        body: z.object({ decision: z.enum(["approve", "refuse"]), opinion: z.string().trim().min(2).max(2000), months: z.number().int().min(1).max(12).optional() }),
        response: {
          200: z.object({ id: z.number().int(), status: z.enum(["approved", "refused"]), months: z.number().int(), decidedOn: z.string(), expiresOn: z.string().nullable(), nominalExpiresOn: z.string() }),
        },
      },
    },
    async (request) => validity.decideExtension(ctx(), requireUser(request), request.params.code, request.body, actorOf(request)),
  );

  app.get(
    "/monitoring/extensions",
    {
      config: { access: "cases:handle" },
      schema: {
        tags,
        summary: "延期开工申请 The caller department's applications to postpone a start, pending first by decision deadline",
        querystring: z.object({ status: z.enum(["pending", "approved", "refused"]).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(), projectCode: z.string(), projectName: z.string(), decisionOn: z.string().nullable(), status: z.enum(["pending", "approved", "refused"]),
                months: z.number().int(), reason: z.string(), appliedOn: z.string(), decisionDueOn: z.string(), decidedOn: z.string().nullable(), opinion: z.string().nullable(), overdue: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => validity.listDepartmentExtensions(ctx(), requireUser(request), request.query.status),
  );

  app.post(
    "/projects/:code/dormancy-explanation",
    {
      config: { access: "projects:declare" },
      schema: {
        tags,
        summary: "备案项目情况说明 A filed project 2 years without start or procedure explains online that it goes on (令2018年第14号 第十五条)",
        params: codeParam,
        body: z.object({ explanation: z.string().trim().min(10).max(4000) }),
        response: { 201: z.object({ code: z.string(), periodEndsOn: z.string(), explainedOn: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await validity.explainDormancy(ctx(), requireUser(request), request.params.code, request.body, actorOf(request))),
  );

  app.get(
    "/monitoring/report-frequencies",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "进度报送频次 The progress-report frequency of each region that has one (others: quarterly)",
        response: { 200: z.object({ items: z.array(z.object({ regionCode: z.string(), frequency: z.enum(REPORT_FREQUENCIES), dueDay: z.number().int(), updatedAt: z.string() })) }) },
      },
    },
    async () => validity.listFrequencies(ctx()),
  );

  app.put(
    "/monitoring/report-frequencies/:regionCode",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "设置进度报送频次 The comprehensive management department sets a region's frequency and due day (Art. 24)",
        params: z.object({ regionCode: z.string().regex(/^\d{6}$/) }),
        body: z.object({ frequency: z.enum(REPORT_FREQUENCIES), dueDay: z.number().int().min(1).max(28).default(10) }),
        response: { 200: z.object({ regionCode: z.string(), frequency: z.enum(REPORT_FREQUENCIES), dueDay: z.number().int() }) },
      },
    },
    async (request) => validity.setFrequency(ctx(), requireUser(request), request.params.regionCode, request.body, actorOf(request)),
  );
};
