import { sendStoredFile } from "../../http/download.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { rawUploadRoutes } from "../../http/raw-upload.js";
import { actorOf, requireUser } from "../identity/request-user.js";
import { platformLimitMessages, UPLOAD_CONTENT_TYPES } from "./material-rules.js";
import * as materials from "./materials.service.js";

const tags = ["materials"];
const caseParam = z.object({ caseId: z.string().trim().min(1).max(64) });
const fileView = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sm3: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  status: z.enum(["current", "replaced", "withdrawn"]),
});

/**
 * 申请材料 (issue 4 §5), registered under /api/v1. The upload body is the file's raw bytes (any of the accepted
 * media types or application/octet-stream, parsed here only), its name in `x-file-name` (encodeURIComponent'd
 * UTF-8). Its size is capped by MATERIAL_MAX_BYTES at the door and by the material's maxSizeMb in the service.
 */
export const materialsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): materials.MaterialDeps => ({ db: app.deps.database.db, files: app.deps.files, maxBytes: app.deps.config.MATERIAL_MAX_BYTES });

  app.get(
    "/cases/:caseId/materials",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "申请材料清单 The materials of the guide version the case was told, each with its current file and earlier ones",
        params: caseParam,
        response: {
          200: z.object({
            caseId: z.string(),
            projectCode: z.string(),
            matterCode: z.string(),
            matterName: z.string(),
            status: z.string(),
            guideVersion: z.number().int().nullable(),
            canUpload: z.boolean(),
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                required: z.boolean(),
                heldByPlatform: z.boolean(),
                note: z.string().nullable(),
                formats: z.array(z.string()),
                maxSizeMb: z.number().nullable(),
                maxBytes: z.number().int(),
                current: fileView.nullable(),
                earlier: z.array(fileView),
              }),
            ),
          }),
        },
      },
    },
    async (request) => materials.listMaterials(deps(), requireUser(request), request.params.caseId),
  );

  // Over MATERIAL_MAX_BYTES the body is refused before the route runs, as the material's own error, not a bare 413.
  const maxBytes = app.deps.config.MATERIAL_MAX_BYTES;
  await rawUploadRoutes(app, { mediaTypes: UPLOAD_CONTENT_TYPES, maxBytes, tooLarge: { code: "MATERIAL_TOO_LARGE", ...platformLimitMessages(maxBytes) } }, (upload) => {
    upload.post(
      "/cases/:caseId/materials/:materialCode",
      {
        config: { access: "projects:declare" },
        schema: {
          tags,
          summary: "上传申请材料 Upload a material's file (raw bytes; name in x-file-name); replaces the current one, which is kept",
          params: caseParam.extend({ materialCode: z.string().regex(/^M\d{2}$/) }),
          response: { 201: fileView },
        },
      },
      async (request, reply) => {
        const { caseId, materialCode } = request.params;
        const file = await materials.upload(
          deps(),
          requireUser(request),
          { caseId, materialCode, fileNameHeader: request.headers["x-file-name"], body: request.body },
          actorOf(request),
        );
        return reply.status(201).send(file);
      },
    );
  });

  app.get(
    "/material-files/:id",
    {
      config: { access: "projects:read" },
      schema: {
        tags,
        summary: "下载申请材料 Download a material file, exactly as uploaded (x-content-sm3 carries its SM3 digest)",
        params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
      },
    },
    async (request, reply) => {
      const { file, bytes } = await materials.download(deps(), requireUser(request), request.params.id, actorOf(request), (msg) =>
        request.log.error(msg),
      );
      return sendStoredFile(reply, { ...file, bytes }, `material-${file.id}`);
    },
  );
};
