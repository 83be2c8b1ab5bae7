import { describe, expect, it } from "vitest";
import { bytesMatch, checkUpload, DEFAULT_FORMATS, decodeFileName, formatOf, humanSize, maxBytesOf } from "./material-rules.js";

const MB = 1024 * 1024;
const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const emptyZip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const dwg = Buffer.from("AC1032\0\0\0\0");
const exe = Buffer.from("MZ\x90\0\x03\0\0\0\x04\0\0\0PE\0\0");

describe("material file names (x-file-name)", () => {
  it("decodes an encodeURIComponent'd UTF-8 name", () => {
    expect(decodeFileName(encodeURIComponent("项目申请书（定稿）.pdf"))).toBe("项目申请书（定稿）.pdf");
    expect(decodeFileName(encodeURIComponent("  report v2.PDF "))).toBe("report v2.PDF");
  });

  it("refuses missing, blank, undecodable, too long and path-like names", () => {
    expect(decodeFileName(undefined)).toBeNull();
    expect(decodeFileName(["a.pdf", "b.pdf"])).toBeNull();
    expect(decodeFileName("")).toBeNull();
    expect(decodeFileName("%20%20")).toBeNull();
    expect(decodeFileName("%E4%B8")).toBeNull();
    expect(decodeFileName(encodeURIComponent(`${"长".repeat(196)}.pdf`))).toBe(`${"长".repeat(196)}.pdf`);
    expect(decodeFileName(encodeURIComponent(`${"长".repeat(197)}.pdf`))).toBeNull();
    for (const bad of ["../etc/passwd", "a/b.pdf", "C:\\temp\\a.pdf", "a\u0000.pdf", "line\nbreak.pdf", "..", "."]) {
      expect(decodeFileName(encodeURIComponent(bad)), bad).toBeNull();
    }
  });

  it("reads the format from the last extension, case-insensitively, jpeg as jpg", () => {
    expect(formatOf("a.PDF")).toBe("pdf");
    expect(formatOf("photo.jpeg")).toBe("jpg");
    expect(formatOf("report.pdf.exe")).toBeNull();
    expect(formatOf("pdf")).toBeNull();
    expect(formatOf(".pdf")).toBeNull();
    expect(formatOf("a.")).toBeNull();
  });
});

describe("magic bytes (文件内容与扩展名一致)", () => {
  it("recognises each format by its signature", () => {
    expect(bytesMatch("pdf", pdf)).toBe(true);
    expect(bytesMatch("pdf", Buffer.concat([Buffer.from("\n\n"), pdf]))).toBe(true);
    expect(bytesMatch("png", png)).toBe(true);
    expect(bytesMatch("jpg", jpeg)).toBe(true);
    for (const f of ["ofd", "docx", "xlsx", "zip"] as const) expect(bytesMatch(f, zip), f).toBe(true);
    expect(bytesMatch("zip", emptyZip)).toBe(true);
    expect(bytesMatch("docx", emptyZip)).toBe(false);
    expect(bytesMatch("doc", ole)).toBe(true);
    expect(bytesMatch("xls", ole)).toBe(true);
    expect(bytesMatch("dwg", dwg)).toBe(true);
  });

  it("refuses a renamed executable or another format under every extension", () => {
    for (const f of ["pdf", "png", "jpg", "ofd", "docx", "xlsx", "zip", "doc", "xls", "dwg"] as const) {
      expect(bytesMatch(f, exe), f).toBe(false);
      expect(bytesMatch(f, Buffer.alloc(0)), f).toBe(false);
    }
    expect(bytesMatch("pdf", png)).toBe(false);
    expect(bytesMatch("png", jpeg)).toBe(false);
    expect(bytesMatch("docx", ole)).toBe(false);
    expect(bytesMatch("doc", zip)).toBe(false);
    expect(bytesMatch("pdf", Buffer.concat([Buffer.alloc(1024, 0x20), pdf]))).toBe(false);
  });
});

describe("checkUpload", () => {
  const pdfOnly = { formats: ["pdf"], maxSizeMb: 1 };

  it("accepts a real PDF within the limit and answers the stored media type", () => {
    expect(checkUpload(pdfOnly, "申请书.pdf", pdf, 50 * MB)).toEqual({ ok: true, format: "pdf", mediaType: "application/pdf" });
    expect(checkUpload({}, "scan.JPEG", jpeg, 50 * MB)).toEqual({ ok: true, format: "jpg", mediaType: "image/jpeg" });
  });

  it("refuses a format the material does not list, or outside the default list when it lists none", () => {
    expect(checkUpload(pdfOnly, "a.docx", zip, 50 * MB)).toEqual({ ok: false, problem: { code: "MATERIAL_FORMAT_NOT_ALLOWED", allowed: ["pdf"] } });
    expect(checkUpload({}, "a.doc", ole, 50 * MB)).toMatchObject({ ok: false, problem: { code: "MATERIAL_FORMAT_NOT_ALLOWED", allowed: DEFAULT_FORMATS } });
    expect(checkUpload({}, "setup.exe", exe, 50 * MB)).toMatchObject({ ok: false, problem: { code: "MATERIAL_FORMAT_NOT_ALLOWED" } });
    expect(checkUpload({}, "noextension", pdf, 50 * MB)).toMatchObject({ ok: false, problem: { code: "MATERIAL_FORMAT_NOT_ALLOWED" } });
  });

  it("refuses bytes that are not what the extension says", () => {
    expect(checkUpload(pdfOnly, "setup.pdf", exe, 50 * MB)).toEqual({ ok: false, problem: { code: "MATERIAL_CONTENT_MISMATCH", format: "pdf" } });
  });

  it("refuses an empty file and one above the smaller of the material's and the platform's limit", () => {
    expect(checkUpload(pdfOnly, "a.pdf", Buffer.alloc(0), 50 * MB)).toEqual({ ok: false, problem: { code: "MATERIAL_EMPTY" } });
    const big = Buffer.concat([pdf, Buffer.alloc(MB)]);
    expect(checkUpload(pdfOnly, "a.pdf", big, 50 * MB)).toEqual({ ok: false, problem: { code: "MATERIAL_TOO_LARGE", maxBytes: MB } });
    expect(checkUpload({ formats: ["pdf"], maxSizeMb: 100 }, "a.pdf", big, 1000)).toEqual({ ok: false, problem: { code: "MATERIAL_TOO_LARGE", maxBytes: 1000 } });
    expect(checkUpload(pdfOnly, "a.pdf", Buffer.concat([pdf, Buffer.alloc(MB - pdf.length)]), 50 * MB).ok).toBe(true);
  });

  it("computes the limit and prints sizes for messages", () => {
    expect(maxBytesOf({ maxSizeMb: 50 }, 10 * MB)).toBe(10 * MB);
    expect(maxBytesOf({ maxSizeMb: 0.5 }, 10 * MB)).toBe(MB / 2);
    expect(maxBytesOf({}, 10 * MB)).toBe(10 * MB);
    expect(humanSize(50 * MB)).toBe("50 MB");
    expect(humanSize(1536)).toBe("1.5 KB");
    expect(humanSize(12)).toBe("12 B");
  });
});
