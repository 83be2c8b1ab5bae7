import { DomainError } from "../../platform/errors.js";
import { bytesMatch, formatOf, MEDIA_TYPES, type MaterialFormat } from "../materials/material-rules.js";

/**
 * 政策文件附件: what may be attached to a policy document. Documents are published as PDF or OFD (GB/T 33190, the
 * national layout format), with Word and Excel forms (申报表, 名单) beside them. The extension alone proves
 * nothing, so the first bytes must match it: a renamed executable or HTML page is refused.
 */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENTS_PER_POLICY = 20;

/** The formats a policy attachment may have; their signatures and media types are the materials' (material-rules.ts). */
export const ATTACHMENT_FORMATS: readonly MaterialFormat[] = ["pdf", "ofd", "doc", "docx", "xls", "xlsx"];

export interface Attachment {
  /** File-store key: the SM3 digest of the bytes. */
  key: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/**
 * The file name sent in the `x-file-name` header: percent-encoded UTF-8 (a header cannot carry Chinese as is),
 * without any directory part, 1..200 characters and no control characters.
 */
export function decodeFileName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  let name: string | undefined;
  try {
    name = raw === undefined ? undefined : decodeURIComponent(raw).trim();
  } catch {
    name = undefined;
  }
  const base = name?.split(/[\\/]/).pop();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  if (!base || base.length > 200 || /[\u0000-\u001f\u007f]/.test(base) || base === "." || base === "..") {
    throw new DomainError("VALIDATION_FAILED", {
      fields: [
        {
          path: "x-file-name",
          message: "请在 x-file-name 请求头中给出文件名（URL 编码，1～200 个字符）",
          messageEn: "Give the file name in the x-file-name header (percent-encoded, 1 to 200 characters)",
        },
      ],
    });
  }
  return base;
}

/** Checks type and size of an upload; answers its media type. Throws the module's codes naming the field `file`. */
export function checkAttachment(fileName: string, bytes: Buffer): { mediaType: string } {
  const field = (message: string, messageEn: string) => ({ fields: [{ path: "file", message, messageEn }] });
  if (bytes.length === 0) throw new DomainError("VALIDATION_FAILED", field("附件为空文件", "The attachment is empty"));
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new DomainError("ATTACHMENT_TOO_LARGE", field(`附件大小 ${bytes.length} 字节，超过 20 MB`, `The attachment has ${bytes.length} bytes, more than 20 MB`));
  }
  const format = formatOf(fileName);
  if (!format || !ATTACHMENT_FORMATS.includes(format)) {
    const extension = fileName.toLowerCase().split(".").pop() ?? "";
    throw new DomainError("ATTACHMENT_TYPE_REFUSED", field(`不接受 .${extension} 文件`, `.${extension} files are not accepted`));
  }
  if (!bytesMatch(format, bytes)) {
    throw new DomainError(
      "ATTACHMENT_TYPE_REFUSED",
      field(`文件内容不是 ${format.toUpperCase()} 格式（与扩展名不符）`, `The content is not a ${format.toUpperCase()} file (it does not match the extension)`),
    );
  }
  return { mediaType: MEDIA_TYPES[format] };
}
