import { describe, expect, it } from "vitest";
import { DomainError } from "../../platform/errors.js";
import { ATTACHMENT_MAX_BYTES, checkAttachment, decodeFileName } from "./attachment.js";

const pdf = Buffer.from("%PDF-1.7\n…");
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.options.fields?.[0]?.path}` : "other";
  }
  return undefined;
}

describe("policy attachments (政策文件附件)", () => {
  it("accepts the six formats when the content matches the extension", () => {
    expect(checkAttachment("通知.PDF", pdf)).toEqual({ mediaType: "application/pdf" });
    expect(checkAttachment("a.ofd", zip)).toEqual({ mediaType: "application/ofd" });
    expect(checkAttachment("a.docx", zip).mediaType).toContain("wordprocessingml");
    expect(checkAttachment("a.xlsx", zip).mediaType).toContain("spreadsheetml");
    expect(checkAttachment("a.doc", ole)).toEqual({ mediaType: "application/msword" });
    expect(checkAttachment("a.xls", ole)).toEqual({ mediaType: "application/vnd.ms-excel" });
  });

  it("refuses other types, renamed files, empty and oversized files", () => {
    expect(codeOf(() => checkAttachment("a.exe", Buffer.from("MZ")))).toBe("ATTACHMENT_TYPE_REFUSED:file");
    expect(codeOf(() => checkAttachment("page.pdf", Buffer.from("<html>")))).toBe("ATTACHMENT_TYPE_REFUSED:file");
    expect(codeOf(() => checkAttachment("a.doc", zip))).toBe("ATTACHMENT_TYPE_REFUSED:file");
    expect(codeOf(() => checkAttachment("noextension", pdf))).toBe("ATTACHMENT_TYPE_REFUSED:file");
    expect(codeOf(() => checkAttachment("a.pdf", Buffer.alloc(0)))).toBe("VALIDATION_FAILED:file");
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    pdf.copy(big);
    expect(codeOf(() => checkAttachment("a.pdf", big))).toBe("ATTACHMENT_TOO_LARGE:file");
  });

  it("decodes a percent-encoded file name and drops any directory part", () => {
    expect(decodeFileName(encodeURIComponent("关于印发办法的通知.pdf"))).toBe("关于印发办法的通知.pdf");
    expect(decodeFileName("..%2F..%2Fetc%2Fpasswd.pdf")).toBe("passwd.pdf");
    expect(codeOf(() => decodeFileName(undefined))).toBe("VALIDATION_FAILED:x-file-name");
    expect(codeOf(() => decodeFileName("%E4%B8"))).toBe("VALIDATION_FAILED:x-file-name");
    expect(codeOf(() => decodeFileName("a%0Ab.pdf"))).toBe("VALIDATION_FAILED:x-file-name");
  });
});
