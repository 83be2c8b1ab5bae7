import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import * as service from "./reference.service.js";

/**
 * Public reference endpoints: the working-day calendar of spec §3 and the code tables behind the project code
 * (§2) and the declaration form (§4). Registered under /api/v1. Everything here is public data.
 */

const date = z.iso.date().describe("YYYY-MM-DD, a calendar date in China Standard Time");
const regionCode = z.string().regex(/^\d{6}$/, "a 6-digit GB/T 2260 code");
const dayInfo = z.object({
  date,
  workingDay: z.boolean(),
  kind: z.enum(["workday", "weekend", "holiday", "adjusted_workday"]),
  name: z.string().optional().describe("the holiday's name; for a make-up working day (调休上班), the holiday it belongs to"),
});
const regionItem = z.object({
  code: regionCode,
  name: z.string(),
  level: z.number().int().min(1).max(3).describe("1 province 省级, 2 prefecture 地级, 3 county 县级"),
});
const industryItem = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(["section", "division", "group", "class"]).describe("门类, 大类, 中类, 小类"),
});
const codeName = z.object({ code: z.string(), name: z.string() });
const tags = ["reference"];

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/calendar/days/:date",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "查询某日是否为工作日 (Is a date a working day)",
        description:
          "From the State Council's holiday and make-up-day (调休) notices. A year without an official notice answers 422 CALENDAR_YEAR_UNAVAILABLE, never a guess.",
        params: z.object({ date }),
        response: { 200: dayInfo },
      },
    },
    async (request) => app.deps.calendar.dayInfo(request.params.date),
  );

  app.get(
    "/calendar/due-date",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "计算工作日期限的届满日 (Due date of a limit in working days)",
        description:
          "The date on which a limit of N working days ends when the clock starts on `start`: the start day itself is not counted, counting begins with the next working day. N = 0 answers `start`.",
        querystring: z.object({ start: date, workingDays: z.coerce.number().int().min(0).max(1000) }),
        response: {
          200: z.object({ start: date, workingDays: z.number().int(), dueDate: date, calendarVersion: z.string() }),
        },
      },
    },
    async (request) => {
      const { start, workingDays } = request.query;
      const calendar = app.deps.calendar;
      return { start, workingDays, dueDate: calendar.dueDate(start, workingDays), calendarVersion: calendar.version };
    },
  );

  app.get(
    "/reference/regions",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "行政区划列表 (Administrative divisions, GB/T 2260)",
        description: "The divisions directly under `parent`, or the provinces without it. Abolished divisions are left out.",
        querystring: z.object({ parent: regionCode.optional() }),
        response: { 200: z.object({ items: z.array(regionItem) }) },
      },
    },
    async (request) => {
      const rows = await service.listRegions(db(), request.query.parent ?? null);
      return { items: rows.map(({ code, name, level }) => ({ code, name, level })) };
    },
  );

  app.get(
    "/reference/regions/:code",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "行政区划详情及上级 (One administrative division with its ancestors)",
        params: z.object({ code: regionCode }),
        response: {
          200: regionItem.extend({
            parentCode: regionCode.nullable(),
            valid: z.boolean().describe("false once abolished by a later division change"),
            fullName: z.string().describe("e.g. 浙江省 杭州市 西湖区"),
            path: z.array(regionItem).describe("ancestors, province first"),
          }),
        },
      },
    },
    async (request) => {
      const { code, name, level, parentCode, valid, fullName, path } = await service.getRegion(db(), request.params.code);
      return { code, name, level, parentCode, valid, fullName, path };
    },
  );

  app.get(
    "/reference/industries",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "国民经济行业分类 (Industries, GB/T 4754-2017)",
        description: "The entries directly under `parent` (a section letter such as C, or a code), or the 20 sections without it.",
        querystring: z.object({ parent: z.string().regex(/^([A-T]|\d{2,3})$/, "a section letter A-T or a 2-3 digit code").optional() }),
        response: { 200: z.object({ items: z.array(industryItem) }) },
      },
    },
    async (request) => {
      const rows = await service.listIndustries(db(), request.query.parent ?? null);
      return { items: rows.map(({ code, name, level }) => ({ code, name, level })) };
    },
  );

  app.get(
    "/reference/central-departments",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "中央业务指导部门代码 (Central guiding department codes)",
        response: { 200: z.object({ items: z.array(codeName) }) },
      },
    },
    async () => ({ items: await service.listCentralDepartments(db()) }),
  );

  app.get(
    "/reference/project-types",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "项目类型代码 (Project type codes)",
        response: { 200: z.object({ items: z.array(codeName) }) },
      },
    },
    async () => ({ items: await service.listProjectTypes(db()) }),
  );
};
