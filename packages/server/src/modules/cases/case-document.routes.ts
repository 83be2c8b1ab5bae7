import { sendStoredFile } from "../../http/download.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { rawUploadRoutes } from "../../http/raw-upload.js";
import { platformLimitMessages } from "../materials/material-rules.js";
import { attachDocument, openDocument } from "./case-document.service.js";
import { stepActor } from "./step-actor.js";

const params = z.object({ caseId: z.string().trim().min(1).max(64) });

/**
 * 批文上传与下载. The upload's body is the file's raw bytes (PDF or OFD, name in `x-file-name`), read only in the
 * upload's own scope (http/raw-upload.ts).
 */
export const caseDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => ({
    db: app.deps.database.db,
    calendar: app.deps.calendar,
    warnDays: app.deps.config.CASE_WARN_WORKING_DAYS,
    files: app.deps.files,
    maxBytes: app.deps.config.MATERIAL_MAX_BYTES,
  });
  const actor = stepActor;

  const maxBytes = app.deps.config.MATERIAL_MAX_BYTES;
  const mediaTypes = ["application/pdf", "application/ofd", "application/octet-stream"];
  await rawUploadRoutes(app, { mediaTypes, maxBytes, tooLarge: { code: "MATERIAL_TOO_LARGE", ...platformLimitMessages(maxBytes) } }, (upload) => {
    upload.put(
      "/cases/:caseId/document",
      {
        config: { access: "cases:handle", apiKey: "cases:write" },
        schema: {
          tags: ["cases"],
          summary: "批文 Attach the case's decision document (raw PDF or OFD bytes; name in x-file-name); replaces an earlier one, recorded with its SM3",
          params,
        },
      },
      async (request, reply) =>
        reply.code(201).send(await attachDocument(ctx(), actor(request), request.params.caseId, { fileNameHeader: request.headers["x-file-name"], body: request.body })),
    );
  });

  app.get(
    "/cases/:caseId/document",
    {
      config: { access: "projects:read", apiKey: "cases:write" },
      schema: { tags: ["cases"], summary: "批文 Download the case's decision document (x-content-sm3 carries its digest)", params },
    },
    async (request, reply) => {
      const doc = await openDocument(ctx(), actor(request), request.params.caseId);
      return sendStoredFile(reply, doc, "decision-document");
    },
  );
};
