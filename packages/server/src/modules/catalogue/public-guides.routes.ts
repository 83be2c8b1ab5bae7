import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../platform/errors.js";
import * as repo from "./catalogue.repository.js";
import { guideSchema, MATTER_KINDS, MATTER_STAGES, type MatterKind, type MatterStage, materialSchema, PAUSE_REASON_CLASSES, type PauseReasonClass } from "./catalogue-seed.js";

const tags = ["catalogue"];
const kind = z.enum(Object.keys(MATTER_KINDS) as [MatterKind, ...MatterKind[]]);
const stage = z.enum(Object.keys(MATTER_STAGES) as [MatterStage, ...MatterStage[]]);
const pauseClass = z.enum(Object.keys(PAUSE_REASON_CLASSES) as [PauseReasonClass, ...PauseReasonClass[]]);

const listQuery = z.object({
  q: z.string().trim().max(100).optional().describe("part of the matter's name"),
  department: z.string().trim().max(100).optional().describe("part of the department's name, or its organisation id"),
  stage: stage.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const summary = z.object({
  matterCode: z.string(),
  matterName: z.string(),
  department: z.string(),
  departmentId: z.number().int(),
  kind,
  stage,
  version: z.number().int(),
  publishedAt: z.string(),
  statutoryWorkingDays: z.number().int().nullable(),
  statutoryCalendarDays: z.number().int().nullable().describe("the law's limit when it counts 日 rather than 工作日, kept as written"),
  promisedWorkingDays: z.number().int(),
});

const detail = z.object({
  matter: z.object({
    code: z.string(),
    name: z.string(),
    department: z.string(),
    kind,
    stage,
    statutoryWorkingDays: z.number().int().nullable(),
    statutoryCalendarDays: z.number().int().nullable(),
    statutorySource: z.string(),
    extendableWorkingDays: z.number().int().nullable(),
    extensionSource: z.string().nullable(),
    promisedWorkingDays: z.number().int(),
    promisedSource: z.string(),
    pauseReasonClasses: z.array(pauseClass),
  }),
  version: z.number().int(),
  publishedAt: z.string(),
  content: guideSchema.describe("the eight elements of Art. 8"),
  materials: z.array(materialSchema).describe("申请材料清单"),
});

/** The publication time of a published guide (always set when status is published). */
const iso = (d: Date | null) => (d ?? new Date(0)).toISOString();

/**
 * 办事指南公开 (portal services, Art. 4 and 8): anyone may read the published service guide of every matter.
 * Registered under /api/v1. Drafts, submitted and superseded versions are never shown.
 */
export const publicGuidesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/public/guides",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "办事指南查询 The published service guides, by matter name, department and stage",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(summary), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }) },
      },
    },
    async (request) => {
      const f = request.query;
      const { items, total } = await repo.listPublishedGuides(db(), f);
      return {
        items: items.map((g) => ({
          matterCode: g.code,
          matterName: g.name,
          department: g.department,
          departmentId: Number(g.department_id),
          kind: g.kind as MatterKind,
          stage: g.stage as MatterStage,
          version: g.version,
          publishedAt: iso(g.published_at),
          statutoryWorkingDays: g.statutory_working_days,
          statutoryCalendarDays: g.statutory_calendar_days,
          promisedWorkingDays: g.promised_working_days,
        })),
        page: f.page,
        pageSize: f.pageSize,
        total,
      };
    },
  );

  app.get(
    "/public/guides/:matterCode",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "办事指南 A matter's published service guide: the eight elements of Art. 8 and its material list (404 if none)",
        params: z.object({ matterCode: z.string().trim().min(1).max(32) }),
        response: { 200: detail },
      },
    },
    async (request) => {
      const g = await repo.publishedGuideOfMatter(db(), request.params.matterCode);
      if (!g) throw new DomainError("NOT_FOUND");
      return {
        matter: {
          code: g.code,
          name: g.name,
          department: g.department,
          kind: g.kind as MatterKind,
          stage: g.stage as MatterStage,
          statutoryWorkingDays: g.statutory_working_days,
          statutoryCalendarDays: g.statutory_calendar_days,
          statutorySource: g.statutory_source,
          extendableWorkingDays: g.extendable_working_days,
          extensionSource: g.extension_source,
          promisedWorkingDays: g.promised_working_days,
          promisedSource: g.promised_source,
          pauseReasonClasses: g.pause_reason_classes as PauseReasonClass[],
        },
        version: g.version,
        publishedAt: iso(g.published_at),
        content: g.content as z.output<typeof guideSchema>,
        materials: g.materials as z.output<typeof materialSchema>[],
      };
    },
  );
};
