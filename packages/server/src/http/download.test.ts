import { describe, expect, it } from "vitest";
import { asciiFallbackName, attachmentDisposition } from "./download.js";

describe("download names", () => {
  it("gives an ASCII fallback and the UTF-8 name, with RFC 5987's extra escapes", () => {
    expect(attachmentDisposition("项目申请书(第一稿)!.pdf", "material-7.pdf")).toBe(
      `attachment; filename="material-7.pdf"; filename*=UTF-8''${encodeURIComponent("项目申请书")}%28${encodeURIComponent("第一稿")}%29%21.pdf`,
    );
  });

  it("keeps only the extension's letters and digits in the fallback, and none when there is no extension", () => {
    expect(asciiFallbackName("report-3", "评估报告.PDF")).toBe("report-3.PDF");
    expect(asciiFallbackName("report-3", "报告.p\"d f")).toBe("report-3.pdf");
    expect(asciiFallbackName("report-3", "无扩展名")).toBe("report-3");
    expect(asciiFallbackName("report-3", "结尾点.")).toBe("report-3");
  });
});
