import { APPROVAL_CATEGORIES, PROJECT_STATUSES } from "@tzxm/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import { attachmentDisposition } from "../../http/download.js";
import { EXPORT_FILE_NAME, XLSX_CONTENT_TYPE } from "./export.js";
import { exportProjects, searchProjects } from "./search.service.js";

const tags = ["projects"];
const date = z.iso.date().describe("YYYY-MM-DD, a calendar date in China Standard Time, inclusive");

const filters = z.object({
  code: z.string().trim().max(24).optional().describe("项目代码 prefix"),
  legacyCode: z.string().trim().max(50).optional().describe("原项目编码 prefix"),
  name: z.string().trim().max(100).optional().describe("part of the project name"),
  unit: z.string().trim().max(100).optional().describe("part of the unit's name, or its exact 统一社会信用代码"),
  region: z
    .string()
    .regex(/^\d{6}$/, "a 6-digit GB/T 2260 code")
    .optional()
    .describe("GB/T 2260 code: projects whose region lies within it"),
  status: z.enum(PROJECT_STATUSES).optional(),
  declaredFrom: date.optional(),
  declaredTo: date.optional(),
});

type Filters = z.output<typeof filters>;
const datesInOrder = (q: Filters) => !q.declaredFrom || !q.declaredTo || q.declaredFrom <= q.declaredTo;
const datesInOrderIssue = { path: ["declaredTo"], message: "not before declaredFrom" };

const listQuery = filters
  .extend({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine(datesInOrder, datesInOrderIssue);
const exportQuery = filters.refine(datesInOrder, datesInOrderIssue);

const listItem = z.object({
  code: z.string(),
  legacyCode: z.string().optional(),
  name: z.string(),
  unitName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(PROJECT_STATUSES),
  approvalCategory: z.enum(APPROVAL_CATEGORIES),
  declaredAt: z.string(),
});

/**
 * 项目查询 (back office) and 我的项目 (a project unit): one search over the projects in the caller's data scope,
 * paged for the screen or whole (capped) as an Excel workbook.
 */
export const projectSearchRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/projects",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "项目查询 Projects in the caller's data scope by code, legacy code, name, unit, region, status and date, newest first",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(listItem), page: z.number(), pageSize: z.number(), total: z.number() }) },
      },
    },
    async (request) => {
      const { page, pageSize, ...query } = request.query;
      const { items, total } = await searchProjects(db(), requireUser(request), query, { page, pageSize });
      return {
        items: items.map((p) => ({
          code: p.code,
          ...(p.legacy_code ? { legacyCode: p.legacy_code } : {}),
          name: p.name,
          unitName: p.unit_name,
          regionCode: p.region_code,
          regionName: p.region_name ?? p.region_code,
          status: p.status,
          approvalCategory: p.approval_category,
          declaredAt: p.declared_at.toISOString(),
        })),
        page,
        pageSize,
        total,
      };
    },
  );

  // A static segment: find-my-way matches it before the parametric GET /projects/:code.
  app.get(
    "/projects/export.xlsx",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "导出项目清单 The same search as an Excel workbook (.xlsx), at most 10 000 rows; recorded in the audit trail",
        description:
          "Sheet 项目清单 with a Chinese header row; times in China Standard Time. When more projects match than the cap, a last row says how many were left out.",
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { workbook } = await exportProjects(db(), requireUser(request), request.query, actorOf(request));
      return reply
        .header("content-type", XLSX_CONTENT_TYPE)
        .header("content-disposition", attachmentDisposition(EXPORT_FILE_NAME, "projects.xlsx"))
        .header("cache-control", "no-store")
        .send(workbook);
    },
  );
};
