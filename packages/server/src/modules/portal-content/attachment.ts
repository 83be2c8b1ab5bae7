import { DomainError } from "../../platform/errors.js";

/**
 * 政策文件附件: what may be attached to a policy document. Documents are published as PDF or OFD (GB/T 33190, the
 * national layout format), with Word and Excel forms (申报表, 名单) beside them. The extension alone proves
 * nothing, so the first bytes must match it: a renamed executable or HTML page is refused.
 */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENTS_PER_POLICY = 20;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // OFD, docx and xlsx are ZIP packages
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // doc and xls are OLE2 compound files

export const ATTACHMENT_TYPES = {
  pdf: { mediaType: "application/pdf", magic: PDF },
  ofd: { mediaType: "application/ofd", magic: ZIP },
  doc: { mediaType: "application/msword", magic: OLE },
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: ZIP },
  xls: { mediaType: "application/vnd.ms-excel", magic: OLE },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: ZIP },
} as const;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;

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
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const type = ATTACHMENT_TYPES[extension as AttachmentExtension];
  if (!(extension in ATTACHMENT_TYPES) || !type) {
    throw new DomainError("ATTACHMENT_TYPE_REFUSED", field(`不接受 .${extension} 文件`, `.${extension} files are not accepted`));
  }
  if (!type.magic.every((b, i) => bytes[i] === b)) {
    throw new DomainError(
      "ATTACHMENT_TYPE_REFUSED",
      field(`文件内容不是 ${extension.toUpperCase()} 格式（与扩展名不符）`, `The content is not a ${extension.toUpperCase()} file (it does not match the extension)`),
    );
  }
  return { mediaType: type.mediaType };
}
