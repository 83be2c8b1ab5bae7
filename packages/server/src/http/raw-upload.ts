import type { FastifyError } from "fastify";
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { DomainError } from "../platform/errors.js";
import type { ErrorCode } from "./error-catalogue.js";

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

export interface RawUploadOptions {
  /** Content types read as raw bytes; `"*"` takes every body as bytes, JSON included. */
  mediaTypes: readonly string[] | "*";
  /** The most bytes read: a longer Content-Length is refused before reading, a longer stream as soon as it passes. */
  maxBytes: number;
  /**
   * The route's own answer to a longer body. With `field`, the messages are that field's (the catalogue's message
   * stays on top); without, they replace the catalogue's. Absent: Fastify's 413 becomes the generic PAYLOAD_TOO_LARGE.
   */
  tooLarge?: { code: ErrorCode; message: string; messageEn: string; field?: string };
}

/**
 * 文件上传 whose body is the file's raw bytes (its name, percent-encoded, in the `x-file-name` header: see
 * `decodeFileName` in modules/materials/material-rules.ts). The routes declared by `routes` live in a scope of their
 * own, so the byte parser, the limit and the too-large answer do not reach the module's JSON routes. Routes in it
 * set no `bodyLimit` of their own: it would override `maxBytes`.
 */
export async function rawUploadRoutes(app: ZodApp, options: RawUploadOptions, routes: (upload: ZodApp) => void | Promise<void>): Promise<void> {
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    if (options.mediaTypes === "*") upload.removeAllContentTypeParsers();
    const types = options.mediaTypes === "*" ? "*" : [...options.mediaTypes];
    upload.addContentTypeParser(types, { parseAs: "buffer", bodyLimit: options.maxBytes }, (_request, body, done) => done(null, body));
    const tooLarge = options.tooLarge;
    if (tooLarge) {
      // Fastify refuses the body before the route runs; answer with the route's code (the parent handler maps it).
      upload.setErrorHandler((error: FastifyError) => {
        if (error.code !== "FST_ERR_CTP_BODY_TOO_LARGE") throw error;
        const { code, message, messageEn, field } = tooLarge;
        throw new DomainError(code, field ? { fields: [{ path: field, message, messageEn }] } : { message, messageEn });
      });
    }
    await routes(upload);
  });
}

/** The uploaded bytes; an empty body (no content type, nothing parsed) is an empty buffer. */
export function uploadedBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
