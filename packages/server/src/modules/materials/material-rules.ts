/**
 * What a 申请材料 upload must be: a file name a person gave it, an extension the guide allows for the material,
 * bytes that really are of that kind (a renamed .exe is refused by its first bytes, not by its name), and a size
 * within the material's limit and the platform's. Pure: no I/O, unit-tested in material-rules.test.ts.
 */

export const MATERIAL_FORMATS = ["pdf", "ofd", "jpg", "png", "doc", "docx", "xls", "xlsx", "dwg", "zip"] as const;
export type MaterialFormat = (typeof MATERIAL_FORMATS)[number];

/** When a guide's material names no formats: the usual electronic document kinds (not legacy Office, not CAD). */
export const DEFAULT_FORMATS: readonly MaterialFormat[] = ["pdf", "ofd", "jpg", "png", "docx", "xlsx", "zip"];

/** The media type a stored file is served with: derived from the checked extension, never from the client. */
export const MEDIA_TYPES: Record<MaterialFormat, string> = {
  pdf: "application/pdf",
  ofd: "application/ofd",
  jpg: "image/jpeg",
  png: "image/png",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  dwg: "image/vnd.dwg",
  zip: "application/zip",
};

/** Content types an upload may be sent with (the body is read as raw bytes whichever it is). */
export const UPLOAD_CONTENT_TYPES = [...new Set([...Object.values(MEDIA_TYPES), "application/octet-stream", "application/acad", "application/x-zip-compressed"])];

const MB = 1024 * 1024;
export const FILE_NAME_MAX = 200;

export type MaterialRule = { formats?: readonly string[] | undefined; maxSizeMb?: number | undefined };

export type UploadProblem =
  | { code: "MATERIAL_FILE_NAME_INVALID" }
  | { code: "MATERIAL_EMPTY" }
  | { code: "MATERIAL_TOO_LARGE"; maxBytes: number }
  | { code: "MATERIAL_FORMAT_NOT_ALLOWED"; allowed: readonly string[] }
  | { code: "MATERIAL_CONTENT_MISMATCH"; format: MaterialFormat };

export type UploadCheck = { ok: true; format: MaterialFormat; mediaType: string } | { ok: false; problem: UploadProblem };

/**
 * The file name from the `x-file-name` header (encodeURIComponent'd UTF-8; a header cannot carry Chinese as is),
 * or null when it is missing, not decodable, blank, longer than 200 characters, or carries a path separator or
 * control character. The one decoder of every upload. `baseName`: keep what follows the last / or \ (a path some
 * clients send) instead of refusing the name.
 */
export function decodeFileName(header: string | string[] | undefined, options: { baseName?: boolean } = {}): string | null {
  if (typeof header !== "string") return null;
  let name: string;
  try {
    name = decodeURIComponent(header).normalize("NFC").trim();
  } catch {
    return null;
  }
  if (options.baseName) name = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  if (name.length === 0 || [...name].length > FILE_NAME_MAX) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[/\\\u0000-\u001f\u007f]/.test(name) || name === "." || name === "..") return null;
  return name;
}

/** The lowercase extension of a name as a known format (jpeg → jpg), or null. */
export function formatOf(fileName: string): MaterialFormat | null {
  const dot = fileName.lastIndexOf(".");
  if (dot <= 0 || dot === fileName.length - 1) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  const normalised = ext === "jpeg" ? "jpg" : ext;
  return (MATERIAL_FORMATS as readonly string[]).includes(normalised) ? (normalised as MaterialFormat) : null;
}

/** The material's byte limit: its own maxSizeMb, never above the platform's MATERIAL_MAX_BYTES. */
export function maxBytesOf(material: MaterialRule, platformMaxBytes: number): number {
  return material.maxSizeMb === undefined ? platformMaxBytes : Math.min(Math.floor(material.maxSizeMb * MB), platformMaxBytes);
}

export function allowedFormats(material: MaterialRule): readonly string[] {
  return material.formats && material.formats.length > 0 ? material.formats : DEFAULT_FORMATS;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ZIP_ENTRY = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [...Buffer.from("%PDF-")];
const DWG = [...Buffer.from("AC10")];

/** Whether the first bytes are those of the format (OFD, DOCX and XLSX are ZIP packages; DOC and XLS are OLE). */
export function bytesMatch(format: MaterialFormat, bytes: Uint8Array): boolean {
  switch (format) {
    case "pdf":
      // ISO 32000 lets readers accept the header within the first 1024 bytes; producers rarely put anything before.
      return Buffer.from(bytes.subarray(0, 1024)).includes(Buffer.from(PDF));
    case "png":
      return startsWith(bytes, PNG);
    case "jpg":
      return startsWith(bytes, JPEG);
    case "ofd":
    case "docx":
    case "xlsx":
      return startsWith(bytes, ZIP_ENTRY);
    case "zip":
      return startsWith(bytes, ZIP_ENTRY) || startsWith(bytes, ZIP_EMPTY);
    case "doc":
    case "xls":
      return startsWith(bytes, OLE);
    case "dwg":
      return startsWith(bytes, DWG);
  }
}

/** Checks an upload of `fileName` with `bytes` against the material's rules and the platform's byte limit. */
export function checkUpload(material: MaterialRule, fileName: string, bytes: Uint8Array, platformMaxBytes: number): UploadCheck {
  const allowed = allowedFormats(material);
  const format = formatOf(fileName);
  if (!format || !allowed.includes(format)) return { ok: false, problem: { code: "MATERIAL_FORMAT_NOT_ALLOWED", allowed } };
  if (bytes.length === 0) return { ok: false, problem: { code: "MATERIAL_EMPTY" } };
  const maxBytes = maxBytesOf(material, platformMaxBytes);
  if (bytes.length > maxBytes) return { ok: false, problem: { code: "MATERIAL_TOO_LARGE", maxBytes } };
  if (!bytesMatch(format, bytes)) return { ok: false, problem: { code: "MATERIAL_CONTENT_MISMATCH", format } };
  return { ok: true, format, mediaType: MEDIA_TYPES[format] };
}

/** The answer to a body over the platform's MATERIAL_MAX_BYTES, refused before any rule above runs. */
export function platformLimitMessages(platformMaxBytes: number): { message: string; messageEn: string } {
  const limit = humanSize(platformMaxBytes);
  return { message: `文件超过平台允许的大小（不超过 ${limit}）`, messageEn: `The file is larger than the platform allows (at most ${limit})` };
}

/** A byte count as people read it (for messages): 1.5 MB, 200 KB. */
export function humanSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}
