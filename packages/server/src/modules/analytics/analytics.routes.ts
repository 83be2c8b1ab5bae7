import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { cstDate } from "../../platform/clock.js";
import { requireUser } from "../identity/request-user.js";
import { overview, performance } from "./analytics.service.js";

const tags = ["analytics"];

/** 监管驾驶舱 and 绩效 (Art. 4 data analysis, Art. 7 performance), in the viewer's scope. */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/performance",
    {
      config: { access: "supervision:read" },
      schema: {
        tags,
        summary: "绩效 A month's performance by department (on-time rate, working days used, cards, rectifications closed) and ranking",
        querystring: z.object({
          month: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM")
            .optional(),
        }),
      },
    },
    async (request) => performance(app.deps.database.db, app.deps.calendar, requireUser(request), request.query.month ?? cstDate().slice(0, 7)),
  );

  app.get(
    "/analytics/overview",
    {
      config: { access: "supervision:read" },
      schema: {
        tags,
        summary: "监管驾驶舱 Projects and investment by region, industry, category and status; throughput and on-time rates; warnings, cards, rectifications",
        querystring: z.object({ months: z.coerce.number().int().min(1).max(24).default(12) }),
      },
    },
    async (request) => overview(app.deps.database.db, requireUser(request), request.query.months),
  );
};
