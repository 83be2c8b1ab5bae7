import type { FastifyReply } from "fastify";

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * ! as they are, which attr-char does not allow. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * RFC 6266: a download under an ASCII fallback name (a header cannot carry Chinese as is) plus the real UTF-8 name,
 * which every current browser uses. The fallback must be plain ASCII without quotes: callers build it from ids.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** `stem.ext` with the stored name's extension, letters and digits only, so the fallback name stays a safe ASCII token. */
export function asciiFallbackName(stem: string, fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const ext = dot >= 0 ? fileName.slice(dot + 1).replace(/[^A-Za-z0-9]/g, "") : "";
  return ext ? `${stem}.${ext}` : stem;
}

export interface StoredFile {
  fileName: string;
  mediaType: string;
  sm3: string;
  bytes: Buffer;
}

/**
 * Sends an uploaded file back exactly as it came (申请材料, 批文, 中介报告, 整改附件): never cached by the browser or a
 * proxy, and with its SM3 digest in `x-content-sm3` so the receiver can check it against the audit trail.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFile, asciiStem: string) {
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", attachmentDisposition(file.fileName, asciiFallbackName(asciiStem, file.fileName)))
    .header("x-content-sm3", file.sm3)
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-store")
    .send(file.bytes);
}
