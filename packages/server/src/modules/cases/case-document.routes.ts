import type { FastifyError } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../platform/errors.js";
import { humanSize } from "../materials/material-rules.js";
import { attachDocument, openDocument } from "./case-document.service.js";
import { stepActor } from "./step-actor.js";

const params = z.object({ caseId: z.string().trim().min(1).max(64) });

/**
 * 批文上传与下载, in a plugin of its own because the upload's body is the file's raw bytes (PDF or OFD, name in
 * `x-file-name`), parsed only here.
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

  app.addContentTypeParser(["application/pdf", "application/ofd", "application/octet-stream"], { parseAs: "buffer" }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      const limit = humanSize(app.deps.config.MATERIAL_MAX_BYTES);
      throw new DomainError("MATERIAL_TOO_LARGE", { message: `文件超过平台允许的大小（不超过 ${limit}）`, messageEn: `The file is larger than the platform allows (at most ${limit})` });
    }
    throw error;
  });

  app.put(
    "/cases/:caseId/document",
    {
      config: { access: "cases:handle", apiKey: "cases:write" },
      bodyLimit: app.deps.config.MATERIAL_MAX_BYTES,
      schema: {
        tags: ["cases"],
        summary: "批文 Attach the case's decision document (raw PDF or OFD bytes; name in x-file-name); replaces an earlier one, recorded with its SM3",
        params,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await attachDocument(ctx(), actor(request), request.params.caseId, { fileNameHeader: request.headers["x-file-name"], body: request.body })),
  );

  app.get(
    "/cases/:caseId/document",
    {
      config: { access: "projects:read", apiKey: "cases:write" },
      schema: { tags: ["cases"], summary: "批文 Download the case's decision document (x-content-sm3 carries its digest)", params },
    },
    async (request, reply) => {
      const doc = await openDocument(ctx(), actor(request), request.params.caseId);
      return reply
        .header("content-type", doc.mediaType)
        .header("content-disposition", `attachment; filename="decision-document"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
        .header("x-content-sm3", doc.sm3)
        .header("cache-control", "no-store")
        .send(doc.bytes);
    },
  );
};
