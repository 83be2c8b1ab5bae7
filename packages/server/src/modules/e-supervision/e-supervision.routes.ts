import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../identity/request-user.js";
import { type FeeActor, acknowledgeCard, closeCard, getCard, listCards, listRules, recordFee, updateRule } from "./e-supervision.service.js";

const tags = ["e-supervision"];
const text = (max: number) => z.string().trim().min(1).max(max);
const idParam = z.object({ id: z.coerce.number().int().positive() });
const level = z.enum(["yellow", "red"]);
const cardStatus = z.enum(["open", "acknowledged", "closed"]);

function feeActor(request: FastifyRequest): FeeActor {
  const audit = actorOf(request);
  const client = request.apiClient;
  if (client) return { kind: "api_key", keyId: client.keyId, organisationId: client.organisationId, audit };
  return { kind: "user", user: requireUser(request), audit };
}

/**
 * 电子监察 (Art. 4): the configurable rules, the cards raised by the sweep with their evidence, the department's
 * explanation and a supervisor's closing; fees charged on a case (收费登记), which the fee rule reads.
 */
export const eSupervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/e-supervision/rules",
    { config: { access: "supervision:read" }, schema: { tags, summary: "电子监察规则 The rules, with their parameters, level and version" } },
    async () => listRules(db()),
  );

  app.put(
    "/e-supervision/rules/:code",
    {
      config: { access: "supervision:rules" },
      schema: {
        tags,
        summary: "修改电子监察规则 Enable or disable a rule, change its level or parameters (checked against its kind); audited",
        params: z.object({ code: z.string().trim().min(1).max(40) }),
        body: z.object({ enabled: z.boolean(), level, parameters: z.record(z.string(), z.unknown()), reason: text(500) }),
      },
    },
    async (request) => updateRule(db(), requireUser(request), actorOf(request), request.params.code, request.body),
  );

  app.get(
    "/e-supervision/cards",
    {
      config: { access: "supervision:read" },
      schema: {
        tags,
        summary: "黄牌/红牌 Cards in the viewer's scope, red first, open first, newest first",
        querystring: z.object({
          status: z
            .string()
            .optional()
            .transform((s) => (s ? s.split(",").map((x) => x.trim()) : undefined))
            .pipe(z.array(cardStatus).optional()),
          level: level.optional(),
          caseId: z.string().trim().min(1).max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (request) => listCards(db(), requireUser(request), request.query),
  );

  app.get(
    "/e-supervision/cards/:id",
    { config: { access: "supervision:read" }, schema: { tags, summary: "One card with its evidence", params: idParam } },
    async (request) => getCard(db(), requireUser(request), request.params.id),
  );

  app.post(
    "/e-supervision/cards/:id/acknowledgement",
    {
      config: { access: "cases:handle" },
      schema: { tags, summary: "情况说明 The department explains a card raised against it", params: idParam, body: z.object({ explanation: text(2000) }) },
    },
    async (request) => acknowledgeCard(db(), requireUser(request), actorOf(request), request.params.id, request.body.explanation),
  );

  app.post(
    "/e-supervision/cards/:id/closing",
    {
      config: { access: "supervision:rules" },
      schema: { tags, summary: "关闭 A supervisor closes a card, with a note", params: idParam, body: z.object({ note: text(2000) }) },
    },
    async (request) => closeCard(db(), requireUser(request), actorOf(request), request.params.id, request.body.note),
  );

  app.post(
    "/cases/:caseId/fees",
    {
      config: { access: "cases:handle", apiKey: "cases:write" },
      schema: {
        tags,
        summary: "收费登记 Record a fee the handling department charged on a case (元); checked by the fee rule",
        params: z.object({ caseId: z.string().trim().min(1).max(64) }),
        body: z.object({
          amount: z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, "金额，元，最多两位小数").refine((x) => Number(x) > 0, "金额应大于零"),
          item: text(200),
          at: z.iso.datetime({ offset: true }).optional(),
        }),
      },
    },
    async (request, reply) => reply.code(201).send(await recordFee(db(), feeActor(request), request.params.caseId, request.body)),
  );
};
