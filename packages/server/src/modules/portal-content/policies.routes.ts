import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { rawUploadRoutes, uploadedBytes } from "../../http/raw-upload.js";
import { asciiFallbackName, attachmentDisposition } from "../../http/download.js";
import { actorOf, requireUser } from "../identity/request-user.js";
import { ATTACHMENT_MAX_BYTES, decodeFileName } from "./attachment.js";
import * as policies from "./policies.service.js";

const tags = ["portal-content"];
const status = z.enum(["draft", "published", "withdrawn"]);
const category = z.enum(policies.POLICY_CATEGORIES);
const idParam = z.object({ id: z.coerce.number().int().positive() });
const keyParam = idParam.extend({ key: z.string().regex(/^[0-9a-f]{64}$/, "an SM3 digest") });
const attachment = z.object({ key: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int() });
const policy = z.object({
  id: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  documentNumber: z.string().nullable(),
  issuedOn: z.string(),
  category,
  body: z.string(),
  attachments: z.array(attachment),
  status,
  regionCode: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  actions: z.array(z.enum(["edit", "publish", "withdraw"])),
});
const page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };

/** Sends a stored attachment as a download (never rendered inline: the portal does not vouch for its content). */
async function download(reply: import("fastify").FastifyReply, found: Awaited<ReturnType<typeof policies.openAttachment>>) {
  return reply
    .header("content-type", found.attachment.mediaType)
    .header("content-length", String(found.size))
    .header("content-disposition", attachmentDisposition(found.attachment.fileName, asciiFallbackName("attachment", found.attachment.fileName)))
    .header("x-content-type-options", "nosniff")
    .send(found.stream);
}

/**
 * 政策信息管理 (the back office of policy information). Registered under /api/v1. A document of another
 * organisation does not exist for the caller (404); publishing and withdrawing need the leader role.
 */
export const policiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/policies",
    {
      config: { access: "content:manage" },
      schema: {
        tags,
        summary: "本单位政策文件 The caller's organisation's policy documents, the most recently changed first",
        querystring: z.object({ status: status.optional(), q: z.string().trim().max(100).optional(), ...page }),
        response: { 200: z.object({ items: z.array(policy), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }) },
      },
    },
    async (request) => policies.listOwn(db(), requireUser(request), request.query),
  );

  app.post(
    "/policies",
    {
      config: { access: "content:manage" },
      schema: { tags, summary: "新建政策文件草稿 Draft a policy document", body: policies.policyBodySchema, response: { 201: policy } },
    },
    async (request, reply) => reply.status(201).send(await policies.create(db(), requireUser(request), request.body, actorOf(request))),
  );

  app.get(
    "/policies/:id",
    { config: { access: "content:manage" }, schema: { tags, summary: "政策文件 One of the organisation's documents", params: idParam, response: { 200: policy } } },
    async (request) => policies.getOwn(db(), requireUser(request), request.params.id),
  );

  app.put(
    "/policies/:id",
    {
      config: { access: "content:manage" },
      schema: { tags, summary: "保存政策文件草稿 Save a draft's text; only drafts", params: idParam, body: policies.policyBodySchema, response: { 200: policy } },
    },
    async (request) => policies.update(db(), requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    "/policies/:id/publish",
    { config: { access: "content:manage" }, schema: { tags, summary: "发布政策文件 Publish a draft to the portal (leader)", params: idParam, response: { 200: policy } } },
    async (request) => policies.publish(db(), requireUser(request), request.params.id, actorOf(request)),
  );

  app.post(
    "/policies/:id/withdraw",
    {
      config: { access: "content:manage" },
      schema: {
        tags,
        summary: "撤回政策文件 Withdraw a published document from the portal, with a reason (leader); the record stays",
        params: idParam,
        body: z.object({ reason: z.string().trim().min(1).max(500) }),
        response: { 200: policy },
      },
    },
    async (request) => policies.withdraw(db(), requireUser(request), request.params.id, request.body.reason, actorOf(request)),
  );

  app.delete(
    "/policies/:id/attachments/:key",
    { config: { access: "content:manage" }, schema: { tags, summary: "删除草稿附件 Remove an attachment from a draft", params: keyParam, response: { 200: policy } } },
    async (request) => policies.removeAttachment(db(), requireUser(request), request.params.id, request.params.key, actorOf(request)),
  );

  app.get(
    "/policies/:id/attachments/:key",
    { config: { access: "content:manage" }, schema: { tags, summary: "下载附件 An attachment of one of the organisation's documents", params: keyParam } },
    async (request, reply) => download(reply, await policies.openAttachment({ db: db(), files: app.deps.files }, requireUser(request), request.params.id, request.params.key)),
  );

  // The upload takes the file's bytes as the body, whatever their content type; over the limit it is
  // ATTACHMENT_TOO_LARGE naming the field, not a bare 413.
  const tooLarge = { code: "ATTACHMENT_TOO_LARGE", field: "file", message: "附件不得超过 20 MB", messageEn: "At most 20 MB" } as const;
  await rawUploadRoutes(app, { mediaTypes: "*", maxBytes: ATTACHMENT_MAX_BYTES, tooLarge }, (upload) => {
    upload.post(
      "/policies/:id/attachments",
      {
        config: { access: "content:manage" },
        schema: {
          tags,
          summary: "上传附件 Attach a file to a draft: the raw bytes as the body, the percent-encoded name in x-file-name",
          description: "pdf, ofd, doc, docx, xls or xlsx whose first bytes match the extension; at most 20 MB (413) and 20 files. The SM3 of the bytes is recorded in the audit trail.",
          params: idParam,
          response: { 201: attachment },
        },
      },
      async (request, reply) => {
        const fileName = decodeFileName(request.headers["x-file-name"]);
        const saved = await policies.addAttachment({ db: db(), files: app.deps.files }, requireUser(request), request.params.id, fileName, uploadedBytes(request.body), actorOf(request));
        return reply.status(201).send(saved);
      },
    );
  });
};

/** 政策信息 on the portal: published documents only. Registered under /api/v1. */
export const publicPoliciesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/public/policies",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "政策信息 The published policy documents, newest first; search in title, 文号 and text",
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          category: category.optional(),
          issuer: z.string().trim().max(100).optional().describe("part of the issuer's name"),
          ...page,
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                title: z.string(),
                issuer: z.string(),
                documentNumber: z.string().nullable(),
                issuedOn: z.string(),
                category,
                publishedAt: z.string(),
                attachmentCount: z.number().int(),
              }),
            ),
            page: z.number().int(),
            pageSize: z.number().int(),
            total: z.number().int(),
          }),
        },
      },
    },
    async (request) => policies.listPublished(db(), request.query),
  );

  app.get(
    "/public/policies/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "政策文件 A published document with its attachments (404 for drafts and withdrawn ones)",
        params: idParam,
        response: { 200: policy.pick({ id: true, title: true, issuer: true, documentNumber: true, issuedOn: true, category: true, body: true, attachments: true, publishedAt: true }).extend({ publishedAt: z.string() }) },
      },
    },
    async (request) => policies.getPublished(db(), request.params.id),
  );

  app.get(
    "/public/policies/:id/attachments/:key",
    { config: { access: "public" }, schema: { tags, summary: "下载附件 An attachment of a published document", params: keyParam } },
    async (request, reply) => download(reply, await policies.openAttachment({ db: db(), files: app.deps.files }, null, request.params.id, request.params.key)),
  );
};
