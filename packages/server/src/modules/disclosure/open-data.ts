import ExcelJS from "exceljs";
import type { Config } from "../../config/env.js";
import type { DisclosureKind } from "./disclosure.repository.js";
import type { PublicDisclosure } from "./disclosure.service.js";

/**
 * 开放数据 (open data): the public disclosure lists as CSV, Excel and JSON files, and the machine-readable data
 * catalogue (数据目录) describing them in the manner of W3C DCAT: datasets, their distributions and their fields.
 */
export const KIND_LABELS: Record<DisclosureKind, { zh: string; en: string }> = {
  approval: { zh: "审批结果", en: "Approval results" },
  supervision: { zh: "监管信息", en: "Supervision information" },
  penalty: { zh: "处罚结果", en: "Penalty results" },
};

const KIND_DESCRIPTIONS: Record<DisclosureKind, { zh: string; en: string }> = {
  approval: {
    zh: "投资项目审批事项的办理结果：项目代码、项目名称、审批事项、审批部门、审批结果（准予/不予）、批文号和日期（《投资项目在线审批监管平台运行管理暂行办法》第十八条）。",
    en: "Results of investment projects' approval matters: project code, project name, matter, approving department, result (granted / denied), document number and dates (Art. 18).",
  },
  supervision: {
    zh: "对投资项目开展监督检查、责令整改等监管信息（第十八条）。",
    en: "Supervision of investment projects: inspections, rectification orders and the like (Art. 18).",
  },
  penalty: {
    zh: "对投资项目违法违规行为作出的行政处罚结果（第十八条）。",
    en: "Administrative penalty decisions about investment projects (Art. 18).",
  },
};

/** Each field of an item, in file order: the JSON name (also the CSV header), its type and its meaning. */
export const FIELDS: readonly { name: keyof PublicDisclosure; type: string; zh: string; en: string }[] = [
  { name: "id", type: "integer", zh: "公开信息编号", en: "Item number on this platform" },
  { name: "kind", type: "string", zh: "信息类别：approval 审批结果，supervision 监管信息，penalty 处罚结果", en: "Kind: approval, supervision or penalty" },
  { name: "projectCode", type: "string", zh: "项目代码（24 位，GB/T 40058-2021）", en: "Project code (24 characters, GB/T 40058-2021)" },
  { name: "projectName", type: "string", zh: "项目名称", en: "Project name" },
  { name: "department", type: "string", zh: "审批部门或监管、处罚部门", en: "Approving, supervising or penalising department" },
  { name: "title", type: "string", zh: "审批事项名称，或监管、处罚事项标题", en: "The approval matter's name, or the supervision or penalty item's title" },
  { name: "result", type: "string", zh: "结果：审批为“准予”或“不予”", en: "Result in words: 准予 (granted) or 不予 (denied) for approvals" },
  { name: "outcome", type: "string", zh: "审批结果代码：granted 准予，denied 不予", en: "Approval outcome code: granted or denied" },
  { name: "documentNumber", type: "string", zh: "批文号或决定书文号", en: "Number of the approval document or decision" },
  { name: "documentTitle", type: "string", zh: "批复或决定文件标题", en: "Title of the approval document or decision" },
  { name: "decidedOn", type: "date", zh: "决定日期（审批为办结日期，YYYY-MM-DD，北京时间）", en: "Date decided (for approvals the completion date), YYYY-MM-DD, China Standard Time" },
  { name: "publishedOn", type: "date", zh: "公开日期（YYYY-MM-DD，北京时间）", en: "Date published, YYYY-MM-DD, China Standard Time" },
  { name: "publishedAt", type: "datetime", zh: "公开时间（RFC 3339）", en: "Instant published (RFC 3339)" },
  { name: "regionCode", type: "string", zh: "项目所在行政区划代码（GB/T 2260）", en: "The project's region code (GB/T 2260)" },
];

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Most rows one download holds; more matching items are reported, never silently dropped. */
export const OPEN_DATA_CAP = 50_000;

const cell = (item: PublicDisclosure, name: keyof PublicDisclosure): string => {
  const v = item[name];
  return v === undefined ? "" : String(v);
};

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so that spreadsheet programs read the Chinese right). A value
 * that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function toCsv(items: readonly PublicDisclosure[]): string {
  const quote = (raw: string) => {
    const v = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [FIELDS.map((f) => f.name).join(","), ...items.map((i) => FIELDS.map((f) => quote(cell(i, f.name))).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The workbook: Chinese headers for people, one row per item, and a last row when the cap cut the list. */
export async function toWorkbook(items: readonly PublicDisclosure[], total: number, platformName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = platformName;
  const sheet = workbook.addWorksheet("信息公开", { views: [{ state: "frozen", ySplit: 1 }] });
  const columns = FIELDS.filter((f) => f.name !== "publishedAt");
  sheet.columns = columns.map((f) => ({ width: f.name === "projectName" || f.name === "title" ? 40 : f.name === "projectCode" ? 28 : 16 }));
  sheet.addRow(columns.map((f) => f.zh.split("（")[0]?.split("：")[0] ?? f.zh)).font = { bold: true };
  for (const i of items) {
    sheet.addRow(columns.map((f) => (f.name === "kind" ? KIND_LABELS[i.kind].zh : f.name === "id" ? i.id : cell(i, f.name))));
  }
  if (total > items.length) {
    const note = sheet.addRow([`仅导出前 ${items.length} 条，共 ${total} 条符合条件，请缩小查询范围后分批下载 (only the first ${items.length} of ${total} items)`]);
    note.font = { bold: true, color: { argb: "FFC00000" } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const licenceOf = (config: Config) => ({
  zh: `公开信息，可免费复制、传播和使用，须注明来源“${config.PLATFORM_NAME}”`,
  en: `Public information: free to copy, share and use, citing “${config.PLATFORM_NAME}” as the source`,
});

const UPDATE_FREQUENCY = { zh: "持续更新：办结、作出决定后由平台自动公开", en: "Continuous: published automatically once decided" };

/** The JSON download's meta block: what the file is, whose, under what terms, and whether the cap cut it. */
export function jsonMeta(config: Config, filters: Record<string, unknown>, count: number, total: number, generatedAt: Date) {
  return {
    title: { zh: "投资项目信息公开", en: "Investment project disclosures" },
    publisher: config.PLATFORM_NAME,
    license: licenceOf(config),
    catalog: `${config.PUBLIC_BASE_URL}/api/v1/open-data/catalog.json`,
    generatedAt: generatedAt.toISOString(),
    filters,
    count,
    total,
    truncated: total > count,
    fields: FIELDS.map((f) => ({ name: f.name, type: f.type, title: { zh: f.zh, en: f.en } })),
  };
}

/**
 * The data catalogue (数据目录): one dataset per kind, each with its CSV, Excel and JSON downloads and the public
 * API as distributions (URLs from PUBLIC_BASE_URL), its fields and when it last changed.
 */
export function catalogue(config: Config, lastByKind: Map<DisclosureKind, { last: Date | null; count: number }>, publisherIntervalMs: number) {
  const base = `${config.PUBLIC_BASE_URL}/api/v1`;
  const kinds = Object.keys(KIND_LABELS) as DisclosureKind[];
  return {
    conformsTo: "https://www.w3.org/TR/vocab-dcat-3/",
    title: { zh: `${config.PLATFORM_NAME}开放数据目录`, en: "Open data catalogue" },
    description: { zh: "投资项目审批结果、监管信息和处罚结果（第十八条）", en: "Approval results, supervision information and penalty results of investment projects (Art. 18)" },
    publisher: { name: config.PLATFORM_NAME, homepage: config.PUBLIC_BASE_URL },
    spatial: config.PLATFORM_REGION,
    language: ["zh-CN"],
    license: licenceOf(config),
    homepage: `${config.PUBLIC_BASE_URL}/disclosures`,
    datasets: kinds.map((kind) => {
      const last = lastByKind.get(kind);
      return {
        identifier: `disclosures-${kind}`,
        title: KIND_LABELS[kind],
        description: KIND_DESCRIPTIONS[kind],
        keyword: ["信息公开", "投资项目", KIND_LABELS[kind].zh],
        publisher: { name: config.PLATFORM_NAME },
        license: licenceOf(config),
        accrualPeriodicity: "http://purl.org/cld/freq/continuous",
        updateFrequency: { ...UPDATE_FREQUENCY, publisherIntervalSeconds: Math.round(publisherIntervalMs / 1000) },
        spatial: config.PLATFORM_REGION,
        modified: last?.last?.toISOString() ?? null,
        records: last?.count ?? 0,
        landingPage: `${config.PUBLIC_BASE_URL}/disclosures?kind=${kind}`,
        distributions: [
          { title: "CSV (UTF-8)", format: "CSV", mediaType: "text/csv", downloadURL: `${base}/open-data/disclosures.csv?kind=${kind}` },
          { title: "Excel", format: "XLSX", mediaType: XLSX_CONTENT_TYPE, downloadURL: `${base}/open-data/disclosures.xlsx?kind=${kind}` },
          { title: "JSON", format: "JSON", mediaType: "application/json", downloadURL: `${base}/open-data/disclosures.json?kind=${kind}` },
          { title: "API", format: "JSON", mediaType: "application/json", accessURL: `${base}/public/disclosures?kind=${kind}`, conformsTo: "统一数据接口规范 v1 §8" },
        ],
        fields: FIELDS.map((f) => ({ name: f.name, type: f.type, title: { zh: f.zh, en: f.en } })),
      };
    }),
  };
}
