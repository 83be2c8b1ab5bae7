import { describe, expect, it } from "vitest";
import {
  buildCertificate,
  certificateFileName,
  compactRegionName,
  formatCstDate,
  formatSites,
  formatWanYuan,
  formatYearMonth,
  MISSING,
  readStoredDeclaration,
} from "./particulars.js";

describe("filing certificate particulars", () => {
  it("writes 万元 amounts with exactly two decimals, without float arithmetic", () => {
    expect(formatWanYuan("125000")).toBe("125000.00 万元");
    expect(formatWanYuan("880.5")).toBe("880.50 万元");
    expect(formatWanYuan("0.07")).toBe("0.07 万元");
    expect(formatWanYuan("000123.40")).toBe("123.40 万元");
    expect(formatWanYuan("999999999999.99")).toBe("999999999999.99 万元");
    expect(formatWanYuan(undefined)).toBe(MISSING);
    expect(formatWanYuan("约一亿")).toBe("约一亿");
  });

  it("writes months and dates the Chinese way, dates in China Standard Time", () => {
    expect(formatYearMonth("2027-03")).toBe("2027年3月");
    expect(formatYearMonth("2029-12")).toBe("2029年12月");
    expect(formatYearMonth(undefined)).toBe(MISSING);
    expect(formatYearMonth("2027")).toBe("2027");
    // 23:30 UTC on 31 December is already New Year's Day in Beijing.
    expect(formatCstDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027年1月1日");
    expect(formatCstDate(new Date("2026-03-05T15:59:59Z"))).toBe("2026年3月5日");
  });

  it("names sites by region and address, numbered when there are several", () => {
    expect(compactRegionName("浙江省 杭州市 西湖区")).toBe("浙江省杭州市西湖区");
    const names = new Map([
      ["330106", "浙江省杭州市西湖区"],
      ["330108", "浙江省杭州市滨江区"],
    ]);
    expect(formatSites([{ regionCode: "330106", address: "三墩镇某路1号" }], names)).toBe("浙江省杭州市西湖区 三墩镇某路1号");
    expect(
      formatSites(
        [
          { regionCode: "330106", address: "甲" },
          { regionCode: "330108", address: " 乙 " },
        ],
        names,
      ),
    ).toBe("1. 浙江省杭州市西湖区 甲\n2. 浙江省杭州市滨江区 乙");
    expect(formatSites([{ regionCode: "339999", address: "丙" }], names)).toBe("339999 丙");
    expect(formatSites([], names)).toBe(MISSING);
    expect(formatSites(undefined, names)).toBe(MISSING);
  });

  it("reads what it can of a stored declaration and treats the rest as missing", () => {
    expect(readStoredDeclaration(null)).toEqual({});
    expect(readStoredDeclaration({ name: "项目", totalInvestment: 12, unit: { name: "单位" }, extra: 1 })).toEqual({ name: "项目", unit: { name: "单位" } });
  });

  it("lists the particulars in order, falling back to the project's record and showing gaps as —", () => {
    const cert = buildCertificate({
      code: "2026-330106-02-01-123456",
      projectName: "记录中的项目名称",
      unitName: "记录中的单位",
      unitCreditCode: null,
      declaration: { totalInvestment: "10", plannedStart: "2027-03" },
      regionNames: new Map(),
      industry: "",
      filedAt: new Date("2026-03-01T16:30:00Z"),
      authority: "浙江省投资项目在线审批监管平台",
      publicUrl: "https://tzxm.example.gov.cn/projects/2026-330106-02-01-123456",
    });
    expect(cert.rows.map((r) => r.label)).toEqual([
      "项目代码",
      "项目名称",
      "项目单位",
      "统一社会信用代码",
      "法定代表人",
      "建设地点",
      "所属行业",
      "建设规模",
      "建设内容",
      "项目总投资",
      "计划开工时间",
      "计划竣工时间",
      "备案日期",
      "备案机关",
    ]);
    const value = (label: string) => cert.rows.find((r) => r.label === label)?.value;
    expect(value("项目名称")).toBe("记录中的项目名称");
    expect(value("项目单位")).toBe("记录中的单位");
    expect(value("统一社会信用代码")).toBe(MISSING);
    expect(value("建设地点")).toBe(MISSING);
    expect(value("所属行业")).toBe(MISSING);
    expect(value("项目总投资")).toBe("10.00 万元");
    expect(value("计划竣工时间")).toBe(MISSING);
    expect(value("备案日期")).toBe("2026年3月2日");
    expect(cert.filedOn).toBe("2026年3月2日");
    expect(certificateFileName(cert.code)).toBe("备案证明-2026-330106-02-01-123456.pdf");
  });
});
