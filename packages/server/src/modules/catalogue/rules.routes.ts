import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import * as rules from "./rules.service.js";

const tags = ["catalogue"];
const ruleParams = z.object({ matterCode: z.string().trim().min(1).max(50), regionCode: z.string().regex(/^\d{6}$/, "a 6-digit GB/T 2260 code") });
const reasons = z.object({ zh: z.array(z.string()), en: z.array(z.string()) });
const decision = z.object({ required: z.boolean(), decidedBy: z.object({ regionCode: z.string(), level: z.string() }).nullable(), reasons }).nullable();

/**
 * 适用规则 (applicability rules, Art. 14(1) and 24), kept by the comprehensive management department for its
 * region; every save and deactivation is audited and keeps the rule it replaces. Registered under /api/v1.
 */
export const rulesRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => ({ db: app.deps.database.db, config: app.deps.config });

  app.get(
    "/catalogue/rules",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "适用规则 The active rules (history=true: with the deactivated ones), by matter and region",
        querystring: z.object({
          matter: z.string().trim().min(1).max(50).optional(),
          region: z.string().regex(/^\d{6}$/).optional(),
          history: z.enum(["true", "false"]).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                matterCode: z.string(),
                matterName: z.string(),
                regionCode: z.string(),
                regionName: z.string().nullable(),
                condition: z.unknown(),
                note: z.unknown(),
                active: z.boolean(),
                reason: z.string().nullable(),
                createdAt: z.string(),
                createdBy: z.string().nullable(),
                deactivatedAt: z.string().nullable(),
                deactivatedBy: z.string().nullable(),
                deactivationReason: z.string().nullable(),
                replacedBy: z.number().int().nullable(),
                editable: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return rules.listRules(ctx(), requireUser(request), { matter: q.matter, region: q.region, history: q.history === "true" });
    },
  );

  app.put(
    "/catalogue/rules/:matterCode/:regionCode",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "保存适用规则 Set the rule of a matter for a region, with a reason; the whole rule set must stay valid",
        params: ruleParams,
        body: rules.ruleBodySchema,
        response: { 200: z.object({ id: z.number().int(), matterCode: z.string(), regionCode: z.string(), replacedRuleId: z.number().int().nullable() }) },
      },
    },
    async (request) => rules.saveRule(ctx(), requireUser(request), request.params.matterCode, request.params.regionCode, request.body, actorOf(request)),
  );

  app.post(
    "/catalogue/rules/:matterCode/:regionCode/deactivate",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "停用适用规则 Deactivate the rule of a matter for a region, with a reason (a regional rule's removal lets the wider rule apply again)",
        params: ruleParams,
        body: z.object({ reason: z.string().trim().min(1).max(500) }),
        response: { 200: z.object({ id: z.number().int(), matterCode: z.string(), regionCode: z.string() }) },
      },
    },
    async (request) => rules.deactivateRule(ctx(), requireUser(request), request.params.matterCode, request.params.regionCode, request.body.reason, actorOf(request)),
  );

  app.post(
    "/catalogue/rules/preview",
    {
      config: { access: "catalogue:manage" },
      schema: {
        tags,
        summary: "规则试算 Evaluate an edited rule on a project (by code) or a sample declaration, beside the rules in force; stores nothing",
        body: rules.previewBodySchema,
        response: {
          200: z.object({
            matterCode: z.string(),
            project: z.object({ code: z.string(), name: z.string(), regionCode: z.string(), told: z.boolean() }).nullable(),
            region: z.string(),
            current: decision,
            proposed: decision,
          }),
        },
      },
    },
    async (request) => rules.previewRule(ctx(), requireUser(request), request.body),
  );
};
