import { DomainError } from "../../platform/errors.js";
import { bytesMatch, decodeFileName as decodeUploadFileName, FILE_NAME_MAX, formatOf, MEDIA_TYPES, type MaterialFormat } from "../materials/material-rules.js";

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
 * The attachment's name from the `x-file-name` header (decoded by the uploads' one decoder, keeping only the part
 * after any directory), or VALIDATION_FAILED naming the header.
 */
export function decodeFileName(header: string | string[] | undefined): string {
  const name = decodeUploadFileName(header, { baseName: true });
  if (name === null) {
    throw new DomainError("VALIDATION_FAILED", {
      fields: [
        {
          path: "x-file-name",
          message: `请在 x-file-name 请求头中给出文件名（URL 编码，1～${FILE_NAME_MAX} 个字符）`,
          messageEn: `Give the file name in the x-file-name header (percent-encoded, 1 to ${FILE_NAME_MAX} characters)`,
        },
      ],
    });
  }
  return name;
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
