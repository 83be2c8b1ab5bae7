import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { now } from "../../platform/clock.js";
import { actorOf, requireUser } from "../identity/request-user.js";
import { attachmentDisposition } from "../../http/download.js";
import * as disclosures from "./disclosure.service.js";
import { CSV_CONTENT_TYPE, catalogue, jsonMeta, OPEN_DATA_CAP, toCsv, toWorkbook, XLSX_CONTENT_TYPE } from "./open-data.js";

const tags = ["disclosure"];
const kind = z.enum(disclosures.DISCLOSURE_KINDS);
const date = z.iso.date().describe("YYYY-MM-DD, a calendar date in China Standard Time, inclusive");

const filters = z.object({
  kind: kind.optional().describe("approval 审批结果, supervision 监管信息, penalty 处罚结果; all kinds when absent"),
  q: z.string().trim().max(100).optional().describe("project code prefix, or part of the project name, title or document number"),
  department: z.string().trim().max(100).optional().describe("part of the department's name"),
  region: z.string().regex(/^\d{6}$/, "a 6-digit GB/T 2260 code").optional().describe("GB/T 2260 code: items whose project lies within it"),
  from: date.optional().describe("published on or after"),
  to: date.optional().describe("published on or before"),
});
type Filters = z.output<typeof filters>;
const datesInOrder = (q: Filters) => !q.from || !q.to || q.from <= q.to;
const datesInOrderIssue = { path: ["to"], message: "not before from" };
const page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };
const listQuery = filters.extend(page).refine(datesInOrder, datesInOrderIssue);
const exportQuery = filters.refine(datesInOrder, datesInOrderIssue);

const item = z.object({
  id: z.number().int(),
  kind,
  projectCode: z.string(),
  projectName: z.string(),
  department: z.string(),
  title: z.string().describe("for approval: the matter's name"),
  result: z.string().optional().describe("for approval: 准予 or 不予"),
  outcome: z.enum(["granted", "denied"]).optional(),
  documentNumber: z.string().optional(),
  documentTitle: z.string().optional(),
  decidedOn: z.string().describe("for approval: the completion date (办结日期)"),
  publishedOn: z.string(),
  publishedAt: z.string(),
  regionCode: z.string(),
});
const managed = item.extend({ withdrawnAt: z.string().nullable(), withdrawnReason: z.string().nullable(), canWithdraw: z.boolean() });
const list = <T extends z.ZodType>(of: T) => z.object({ items: z.array(of), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

/** A whole-list download costs far more than a page: a client address gets 30 a minute, then 429 RATE_LIMITED. */
const DOWNLOAD_RATE = { max: 30, timeWindow: "1 minute" };

/** The filters actually given, for the JSON download's meta block. */
const givenFilters = (q: Filters) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ""));

/**
 * 信息公开 (Art. 18): the public list (spec §8), the open-data downloads and catalogue, and the back office's
 * take-down. Registered under /api/v1.
 */
export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const config = () => app.deps.config;

  app.get(
    "/public/disclosures",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "信息公开 Published approval results, supervision information and penalty results of this platform's region, newest first (spec §8)",
        querystring: listQuery,
        response: { 200: list(item) },
      },
    },
    async (request) => {
      const { page: p, pageSize, ...query } = request.query;
      return disclosures.listPublic(db(), config(), query, { page: p, pageSize });
    },
  );

  app.get(
    "/open-data/disclosures.csv",
    {
      config: { access: "public", rateLimit: DOWNLOAD_RATE },
      schema: { tags, summary: "开放数据 The public disclosure list as CSV (UTF-8 with BOM), the same filters, at most 50 000 rows", querystring: exportQuery },
    },
    async (request, reply) => {
      const { items, total } = await disclosures.exportPublic(db(), config(), request.query, OPEN_DATA_CAP);
      return reply
        .header("content-type", CSV_CONTENT_TYPE)
        .header("content-disposition", attachmentDisposition("信息公开.csv", "disclosures.csv"))
        .header("x-total-count", String(total))
        .send(toCsv(items));
    },
  );

  app.get(
    "/open-data/disclosures.xlsx",
    {
      config: { access: "public", rateLimit: DOWNLOAD_RATE },
      schema: { tags, summary: "开放数据 The public disclosure list as an Excel workbook, the same filters, at most 50 000 rows", querystring: exportQuery },
    },
    async (request, reply) => {
      const { items, total } = await disclosures.exportPublic(db(), config(), request.query, OPEN_DATA_CAP);
      return reply
        .header("content-type", XLSX_CONTENT_TYPE)
        .header("content-disposition", attachmentDisposition("信息公开.xlsx", "disclosures.xlsx"))
        .header("x-total-count", String(total))
        .send(await toWorkbook(items, total, config().PLATFORM_NAME));
    },
  );

  app.get(
    "/open-data/disclosures.json",
    {
      config: { access: "public", rateLimit: DOWNLOAD_RATE },
      schema: {
        tags,
        summary: "开放数据 The public disclosure list as JSON with a meta block (publisher, licence, fields, whether capped), at most 50 000 items",
        querystring: exportQuery,
        response: { 200: z.object({ meta: z.record(z.string(), z.unknown()), items: z.array(item) }) },
      },
    },
    async (request, reply) => {
      const { items, total } = await disclosures.exportPublic(db(), config(), request.query, OPEN_DATA_CAP);
      reply.header("content-disposition", attachmentDisposition("信息公开.json", "disclosures.json"));
      return { meta: jsonMeta(config(), givenFilters(request.query), items.length, total, now()), items };
    },
  );

  app.get(
    "/open-data/catalog.json",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "数据目录 The machine-readable open-data catalogue (DCAT-style): datasets, distributions with media types and URLs, fields",
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => catalogue(config(), await disclosures.lastPublished(db(), config()), config().DISCLOSURE_PUBLISH_INTERVAL_MS),
  );

  app.get(
    "/disclosures",
    {
      config: { access: "disclosure:manage" },
      schema: {
        tags,
        summary: "信息公开管理 Published items in the caller's data scope, taken down or not, newest first",
        querystring: listQuery,
        response: { 200: list(managed) },
      },
    },
    async (request) => {
      const { page: p, pageSize, ...query } = request.query;
      return disclosures.listManaged(db(), requireUser(request), query, { page: p, pageSize });
    },
  );

  app.post(
    "/disclosures/:id/withdraw",
    {
      config: { access: "disclosure:manage" },
      schema: {
        tags,
        summary: "撤下公开信息 Take a published item down with a reason (the deciding department's leader, or a supervisor); kept and audited",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({ reason: z.string().trim().min(2).max(1000).describe("e.g. 法院判决撤销该决定") }),
        response: { 200: managed },
      },
    },
    async (request) => disclosures.withdrawDisclosure(db(), requireUser(request), request.params.id, request.body.reason, actorOf(request)),
  );
};
