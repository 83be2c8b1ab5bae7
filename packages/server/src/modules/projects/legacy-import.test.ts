import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../../test/fixtures.js";
import {
  type Cell,
  checkLegacyCode,
  csvField,
  csvLine,
  decodeCsv,
  headerProblems,
  isMarkedClassified,
  mapHeader,
  normaliseHeader,
  parseCsv,
  planRows,
  REPORT_PREAMBLE,
  reportLine,
  rowToCandidate,
  validateCandidate,
  yearMonth,
} from "./legacy-import.js";

const ZH_HEADER = [
  "原项目编码", "项目名称", "审批类别（审批/核准/备案）", "项目类型代码", "中央业务指导部门代码", "项目单位名称", "统一社会信用代码",
  "法定代表人", "联系人", "联系电话", "建设地点行政区划代码", "建设地点详细地址", "行业代码", "建设规模", "建设内容", "总投资（万元）",
  "计划开工（YYYY-MM）", "计划竣工（YYYY-MM）", "是否涉密",
];
const EN_HEADER = [
  "legacyCode", "name", "approvalCategory", "projectType", "centralDepartmentCode", "unit.name", "unit.creditCode", "unit.legalRepresentative",
  "unit.contactName", "unit.contactPhone", "sites.regionCode", "sites.address", "industryCode", "constructionScale", "constructionContent",
  "totalInvestment", "plannedStart", "plannedEnd", "classified",
];

/** The sample declaration as a spreadsheet row, in the order of the headers above, as Excel would hand it over. */
function sampleRow(over: Partial<Record<(typeof EN_HEADER)[number], Cell>> = {}): Cell[] {
  const d = sampleDeclaration();
  const values: Record<string, Cell> = {
    legacyCode: "2019-330106-36-01-000123",
    name: d.name,
    approvalCategory: "核准",
    projectType: 1, // Excel turned "01" into a number
    centralDepartmentCode: 2,
    "unit.name": d.unit.name,
    "unit.creditCode": d.unit.creditCode,
    "unit.legalRepresentative": d.unit.legalRepresentative,
    "unit.contactName": d.unit.contactName,
    "unit.contactPhone": d.unit.contactPhone,
    "sites.regionCode": 330106,
    "sites.address": d.sites[0]!.address,
    industryCode: 36,
    constructionScale: d.constructionScale,
    constructionContent: d.constructionContent,
    totalInvestment: 125000,
    plannedStart: new Date(Date.UTC(2027, 2, 1)), // a date cell
    plannedEnd: "2029年6月",
    classified: "否",
    ...over,
  };
  return EN_HEADER.map((h) => values[h]);
}

describe("header mapping", () => {
  it("reads Chinese headers with hints in full-width parentheses and the English field names alike", () => {
    for (const header of [ZH_HEADER, EN_HEADER]) {
      const m = mapHeader(header);
      expect(m.missing).toEqual([]);
      expect(m.unknown).toEqual([]);
      expect(m.columns.get("totalInvestment")).toBe(15);
      expect(m.columns.get("unit.creditCode")).toBe(6);
    }
    expect(normaliseHeader("\uFEFF* 总投资（万元）")).toBe("总投资");
    expect(normaliseHeader("Unit.CreditCode")).toBe("unit.creditcode");
    expect(mapHeader(["原项目代码", "UNITNAME"]).columns).toEqual(new Map([["legacyCode", 0], ["unit.name", 1]]));
  });

  it("lists the required columns that are missing, unknown columns, and fields named twice", () => {
    const m = mapHeader(["序号", "原项目编码", "项目名称", "name", ""]);
    expect(m.unknown).toEqual(["序号"]);
    expect(m.duplicated).toEqual(["name"]);
    expect(m.missing).toContain("unit.creditCode");
    expect(m.missing).not.toContain("classified"); // optional
    const problem = headerProblems(m);
    expect(problem?.message).toContain("统一社会信用代码（unit.creditCode）");
    expect(problem?.messageEn).toContain("fields named by more than one column: name");
    expect(headerProblems(mapHeader(ZH_HEADER))).toBeUndefined();
  });
});

describe("row to declaration", () => {
  const mapping = mapHeader(ZH_HEADER);

  it("undoes Excel's numbers and dates and gives exactly the declaration a web form would send", () => {
    const v = validateCandidate(rowToCandidate(mapping, sampleRow()));
    expect(v).toEqual({ ok: true, declaration: { ...sampleDeclaration(), industrialPolicyDeclaration: true, classified: false } });
  });

  it("reads several sites separated by ；, the categories in Chinese, and months in the usual spellings", () => {
    const candidate = rowToCandidate(mapping, sampleRow({ "sites.regionCode": "330106；330108", "sites.address": "一号；二号", approvalCategory: "备案" }));
    expect(candidate.sites).toEqual([{ regionCode: "330106", address: "一号" }, { regionCode: "330108", address: "二号" }]);
    expect(candidate.approvalCategory).toBe("filing");
    // Money from a number cell: two decimals, never rounded (the schema then refuses the third decimal).
    expect(rowToCandidate(mapping, sampleRow({ totalInvestment: 12500.5 })).totalInvestment).toBe("12500.50");
    expect(rowToCandidate(mapping, sampleRow({ totalInvestment: 1234.567 })).totalInvestment).toBe("1234.567");
    expect(["2027-03", "2027/3", "2027.03", "2027年3月", "2027-03-15", "２０２７年３月"].map(yearMonth)).toEqual(Array(6).fill("2027-03"));
    expect(yearMonth(2027.1)).toBe("2027-10"); // what Excel keeps of 2027.10
    expect(yearMonth("明年")).toBe("明年"); // left for the schema to name
    expect(yearMonth(undefined)).toBeUndefined();
  });

  it("names each failing field in Chinese and English", () => {
    const v = validateCandidate(rowToCandidate(mapping, sampleRow({ name: "", totalInvestment: "12.345", plannedEnd: "2020-01", "sites.address": undefined })));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const paths = v.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "totalInvestment", "sites.0.address"]));
    const name = v.problems.find((p) => p.path === "name")!;
    expect(name.message).toMatch(/缺少|过短/);
    expect(name.messageEn.length).toBeGreaterThan(0);
    // Several sites with a missing address: the one without is named.
    const sites = validateCandidate(rowToCandidate(mapping, sampleRow({ "sites.regionCode": "330106;330108", "sites.address": "只有一个" })));
    expect(sites.ok).toBe(false);
    if (!sites.ok) expect(sites.problems.map((p) => p.path)).toEqual(["sites.1.address"]);
  });

  it("accepts any local number up to 50 characters, and a code-shaped one only when it is a legacy code", () => {
    expect(checkLegacyCode(" 2019-330106-36-01-000123 ")).toEqual({ legacyCode: "2019-330106-36-01-000123" });
    expect(checkLegacyCode("杭发改备〔2018〕12号")).toEqual({ legacyCode: "杭发改备〔2018〕12号" });
    expect(checkLegacyCode("x".repeat(50))).toEqual({ legacyCode: "x".repeat(50) });
    for (const bad of [undefined, "", "x".repeat(51), "2601-330106-02-01-12345X", "2099-330106-36-01-000123", "2019-330106-36-01-00012X", "a\nb"]) {
      const r = checkLegacyCode(bad);
      expect("problem" in r ? r.problem.path : "accepted", String(bad)).toBe("legacyCode");
    }
  });

  it("treats 是, a secrecy level or any unclear mark as classified, and only an empty cell or a clear 否 as not", () => {
    for (const yes of ["是", "Y", "true", 1, true, "机密", "绝密", "待定"]) expect(isMarkedClassified(yes), String(yes)).toBe(true);
    for (const no of ["否", "N", "false", 0, false, "", undefined, "不涉密"]) expect(isMarkedClassified(no), String(no)).toBe(false);
  });

  it("plans rows: classified rows unread, bad numbers, and every repeat of a number after its first row", () => {
    const rows = [
      { number: 2, cells: sampleRow({ legacyCode: "A-1" }) },
      { number: 3, cells: sampleRow({ legacyCode: "A-1", classified: "是" }) },
      { number: 4, cells: sampleRow({ legacyCode: "A-1" }) },
      { number: 5, cells: sampleRow({ legacyCode: "" }) },
      { number: 6, cells: sampleRow({ legacyCode: "A-2" }) },
    ];
    const plan = planRows({ header: ZH_HEADER, rows }, mapping);
    expect(plan.map((p) => [p.row, p.kind])).toEqual([
      [2, "candidate"],
      [3, "classified"],
      [4, "duplicate"],
      [5, "bad_legacy_code"],
      [6, "candidate"],
    ]);
    expect(plan[1]).toEqual({ row: 3, kind: "classified" });
    expect(plan[2]).toMatchObject({ legacyCode: "A-1", firstRow: 2 });
  });
});

describe("CSV", () => {
  it("parses RFC 4180: quotes, commas, line breaks and doubled quotes inside fields, CRLF or LF, with or without BOM", () => {
    const text = '\uFEFF原项目编码,项目名称,建设内容\r\n"A-1","甲,乙","第一行\r\n第二行"\nA-2,"他说""好""",\n\nA-3,末行,无换行';
    expect(parseCsv(text)).toEqual([
      { number: 1, fields: ["原项目编码", "项目名称", "建设内容"] },
      { number: 2, fields: ["A-1", "甲,乙", "第一行\r\n第二行"] },
      { number: 3, fields: ["A-2", '他说"好"', ""] },
      { number: 4, fields: [""] },
      { number: 5, fields: ["A-3", "末行", "无换行"] },
    ]);
    expect(parseCsv("a,b\r\n")).toEqual([{ number: 1, fields: ["a", "b"] }]);
    expect(parseCsv('a,b"c\n')).toEqual([{ number: 1, fields: ["a", 'b"c'] }]);
    expect(() => parseCsv('a,"never closed\nb')).toThrow(/line 1 never ends/);
  });

  it("decodes UTF-8 with or without BOM, and falls back to GB18030 as Excel saves CSV in China", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("项目,a")]))).toEqual({ text: "项目,a", encoding: "utf-8" });
    expect(decodeCsv(Buffer.from("项目"))).toEqual({ text: "项目", encoding: "utf-8" });
    expect(decodeCsv(new Uint8Array([0xcf, 0xee, 0xc4, 0xbf]))).toEqual({ text: "项目", encoding: "gb18030" });
  });

  it("writes fields that read back the same, defusing formulas", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }).filter((s) => !/^[=+\-@]/.test(s)), { minLength: 1, maxLength: 6 }), (fields) => {
        // A lone empty field is an empty line, which has no fields to read back.
        fc.pre(!(fields.length === 1 && fields[0] === ""));
        expect(parseCsv(csvLine(fields))).toEqual([{ number: 1, fields }]);
      }),
    );
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(" padded")).toBe('" padded"');
  });

  it("reports one line per row, with each problem's field, Chinese and English aligned, under a BOM header", () => {
    expect(REPORT_PREAMBLE.startsWith("\uFEFF行号 Row,原项目编码 Legacy code,结果 Outcome,项目代码 Project code")).toBe(true);
    const labels = mapHeader(ZH_HEADER).labels;
    const line = reportLine(
      {
        row: 7,
        legacyCode: "A-7",
        outcome: "failed",
        errorCode: "VALIDATION_FAILED",
        problems: [
          { path: "unit.creditCode", message: "校验位错误", messageEn: "Wrong check character" },
          { path: "sites.0.regionCode", message: "不存在", messageEn: "Unknown" },
        ],
      },
      labels,
    );
    expect(parseCsv(line)[0]!.fields).toEqual([
      "7",
      "A-7",
      "failed",
      "",
      "VALIDATION_FAILED",
      "unit.creditCode（统一社会信用代码）\nsites.0.regionCode（建设地点行政区划代码）",
      "校验位错误\n不存在",
      "Wrong check character\nUnknown",
    ]);
    expect(reportLine({ row: 2, outcome: "imported", legacyCode: "A-2", code: "2605-330106-02-01-12345X", problems: [] })).toBe(
      "2,A-2,imported,2605-330106-02-01-12345X,,,,\r\n",
    );
  });
});
