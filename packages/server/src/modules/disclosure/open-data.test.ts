import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config/env.js";
import type { PublicDisclosure } from "./disclosure.service.js";
import { catalogue, FIELDS, toCsv } from "./open-data.js";

const item = (over: Partial<PublicDisclosure> = {}): PublicDisclosure => ({
  id: 7,
  kind: "approval",
  projectCode: "2609-330106-02-01-123456",
  projectName: "某某项目",
  department: "浙江省发展和改革委员会",
  title: "企业投资项目核准",
  result: "准予",
  outcome: "granted",
  documentNumber: "浙发改核〔2026〕1号",
  decidedOn: "2026-09-24",
  publishedOn: "2026-09-25",
  publishedAt: "2026-09-25T02:00:00.000Z",
  regionCode: "330106",
  ...over,
});

describe("open data files", () => {
  it("writes RFC 4180 CSV with a BOM, a header of field names and one line per item", () => {
    const csv = toCsv([item(), item({ id: 8, kind: "penalty", outcome: undefined, result: "罚款 5 万元", documentNumber: undefined })]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(FIELDS.map((f) => f.name).join(","));
    expect(lines[1]).toBe("7,approval,2609-330106-02-01-123456,某某项目,浙江省发展和改革委员会,企业投资项目核准,准予,granted,浙发改核〔2026〕1号,,2026-09-24,2026-09-25,2026-09-25T02:00:00.000Z,330106");
    expect(lines[2]?.split(",").slice(6, 9)).toEqual(["罚款 5 万元", "", ""]);
    expect(lines[3]).toBe("");
  });

  it("quotes commas, quotes and line breaks, and defuses what a spreadsheet would run as a formula", () => {
    const csv = toCsv([item({ projectName: '年产"10万套",一期\n工程', title: "=HYPERLINK(\"http://x\")", department: "-1+1", result: "@SUM(A1)" })]);
    const line = csv.slice(1).split("\r\n").slice(1).join("\r\n");
    expect(line).toContain('"年产""10万套"",一期\n工程"');
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain(",'-1+1,");
    expect(line).toContain(",'@SUM(A1),");
  });

  it("describes three datasets whose distributions are absolute URLs under PUBLIC_BASE_URL", () => {
    const config = loadConfig({ PUBLIC_BASE_URL: "https://tzxm.zj.gov.cn/", DEMO_MODE: "true" });
    const cat = catalogue(config, new Map([["approval", { last: new Date("2026-09-25T02:00:00Z"), count: 3 }]]), 60_000);
    expect(cat.publisher.name).toBe(config.PLATFORM_NAME);
    expect(cat.datasets.map((d) => [d.identifier, d.records, d.modified])).toEqual([
      ["disclosures-approval", 3, "2026-09-25T02:00:00.000Z"],
      ["disclosures-supervision", 0, null],
      ["disclosures-penalty", 0, null],
    ]);
    const urls = cat.datasets.flatMap((d) => d.distributions.map((x) => ("downloadURL" in x ? x.downloadURL : x.accessURL)));
    expect(urls).toHaveLength(12);
    expect(urls.every((u) => u?.startsWith("https://tzxm.zj.gov.cn/api/v1/"))).toBe(true);
    expect(cat.datasets[0]?.updateFrequency.publisherIntervalSeconds).toBe(60);
  });
});
