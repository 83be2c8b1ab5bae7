/**
 * 存量项目导入 (Art. 12): the pure parts of `npm run import` — reading a spreadsheet or CSV into rows, mapping
 * its header to the declaration's fields (spec §4), turning a row into a declaration candidate, checking the
 * legacy number, and writing the per-row report. No database here; legacy-import.service.ts does the rest.
 *
 * Columns (the first row is the header; Chinese or English names, in any order; text in parentheses, spaces,
 * full-width forms and a leading `*` are ignored, so `总投资（万元）` and `*总投资` both read as 总投资):
 *
 *   原项目编码 / 原项目代码 / legacyCode          required: the older number, any local number up to 50 characters;
 *                                                   one shaped like a code (spec §2) must be a legacy code (2013-2020)
 *   项目名称 / name
 *   审批类别 / approvalCategory                     审批 / 核准 / 备案 (or approval / verification / filing)
 *   项目类型代码 / projectType                      01 基本建设 … (spec §2)
 *   中央业务指导部门代码 / centralDepartmentCode     01 … 99 (spec §2)
 *   项目单位名称 / unit.name
 *   统一社会信用代码 / unit.creditCode               identifies the unit; registered as a project unit when new
 *   法定代表人 / unit.legalRepresentative
 *   联系人 / unit.contactName
 *   联系电话 / unit.contactPhone
 *   建设地点行政区划代码 / sites.regionCode         several sites: codes separated by `；` (or `;` `,` `、`),
 *   建设地点详细地址 / sites.address                and as many addresses separated by `；`
 *   行业代码 / industryCode                         GB/T 4754-2017
 *   建设规模 / constructionScale
 *   建设内容 / constructionContent
 *   总投资（万元） / totalInvestment
 *   计划开工（YYYY-MM） / plannedStart             also 2027/03, 2027.03, 2027年3月, or an Excel date
 *   计划竣工（YYYY-MM） / plannedEnd
 *   optional: 是否涉密 / classified (是 = refused, Art. 3), 用地面积（公顷） / landAreaHectares,
 *   是否新增建设用地 / newConstructionLand, 政府投资（万元） / governmentFunding, 审批层级 / approvingLevel (中央 / 地方)
 *
 * `industrialPolicyDeclaration` is true for every imported project (it was approved, verified or filed before).
 * Row numbers are those Excel shows: the header is row 1.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { declarationSchema, type Declaration } from "@tzxm/shared";
import ExcelJS from "exceljs";
import { zhIssue } from "../../platform/zod-messages.js";
import type { FieldProblem } from "../../platform/errors.js";
import { parseProjectCode } from "./project-code.js";

export type Cell = string | number | boolean | Date | null | undefined;

export interface ImportTable {
  /** The header cells as written in the file. */
  header: string[];
  /** Data rows that hold anything, with the row number Excel shows (header = 1). */
  rows: Array<{ number: number; cells: Cell[] }>;
}

// --- Columns ------------------------------------------------------------------------------------------------

export type ImportField =
  | "legacyCode" | "name" | "approvalCategory" | "projectType" | "centralDepartmentCode" | "unit.name"
  | "unit.creditCode" | "unit.legalRepresentative" | "unit.contactName" | "unit.contactPhone" | "sites.regionCode"
  | "sites.address" | "industryCode" | "constructionScale" | "constructionContent" | "totalInvestment"
  | "plannedStart" | "plannedEnd" | "classified" | "landAreaHectares" | "newConstructionLand" | "governmentFunding"
  | "approvingLevel";

interface ColumnDef {
  field: ImportField;
  required: boolean;
  /** Accepted header names, compared after `normaliseHeader`; the first is the one messages show. */
  names: string[];
}

export const IMPORT_COLUMNS: readonly ColumnDef[] = [
  { field: "legacyCode", required: true, names: ["原项目编码", "原项目代码", "原编码", "原项目编号", "legacyCode"] },
  { field: "name", required: true, names: ["项目名称", "name"] },
  { field: "approvalCategory", required: true, names: ["审批类别", "管理类别", "审批类型", "approvalCategory"] },
  { field: "projectType", required: true, names: ["项目类型代码", "项目类型", "projectType"] },
  { field: "centralDepartmentCode", required: true, names: ["中央业务指导部门代码", "中央业务指导部门", "centralDepartmentCode"] },
  { field: "unit.name", required: true, names: ["项目单位名称", "项目单位", "unit.name", "unitName"] },
  { field: "unit.creditCode", required: true, names: ["统一社会信用代码", "项目单位统一社会信用代码", "unit.creditCode", "creditCode"] },
  { field: "unit.legalRepresentative", required: true, names: ["法定代表人", "unit.legalRepresentative", "legalRepresentative"] },
  { field: "unit.contactName", required: true, names: ["联系人", "项目联系人", "unit.contactName", "contactName"] },
  { field: "unit.contactPhone", required: true, names: ["联系电话", "联系人电话", "unit.contactPhone", "contactPhone"] },
  { field: "sites.regionCode", required: true, names: ["建设地点行政区划代码", "建设地点代码", "行政区划代码", "sites.regionCode", "regionCode"] },
  { field: "sites.address", required: true, names: ["建设地点详细地址", "建设地点", "详细地址", "sites.address", "address"] },
  { field: "industryCode", required: true, names: ["行业代码", "国民经济行业代码", "所属行业代码", "industryCode"] },
  { field: "constructionScale", required: true, names: ["建设规模", "constructionScale"] },
  { field: "constructionContent", required: true, names: ["建设内容", "constructionContent"] },
  { field: "totalInvestment", required: true, names: ["总投资", "项目总投资", "totalInvestment"] },
  { field: "plannedStart", required: true, names: ["计划开工", "计划开工时间", "plannedStart"] },
  { field: "plannedEnd", required: true, names: ["计划竣工", "计划竣工时间", "plannedEnd"] },
  { field: "classified", required: false, names: ["是否涉密", "涉密", "classified"] },
  { field: "landAreaHectares", required: false, names: ["用地面积", "landAreaHectares"] },
  { field: "newConstructionLand", required: false, names: ["是否新增建设用地", "新增建设用地", "newConstructionLand"] },
  { field: "governmentFunding", required: false, names: ["政府投资", "政府投资额", "governmentFunding"] },
  { field: "approvingLevel", required: false, names: ["审批层级", "approvingLevel"] },
];

/** Full-width forms to ASCII (NFKC), no parenthesised hints, no spaces or `*` markers, lower case. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .replace(/\([^)]*\)/g, "")
    .replace(/[\s*:_]/g, "")
    .toLowerCase();
}

const BY_NAME = new Map(IMPORT_COLUMNS.flatMap((c) => c.names.map((n) => [normaliseHeader(n), c] as const)));

export interface HeaderMapping {
  /** Column index of each field found. */
  columns: Map<ImportField, number>;
  /** How the file names each field found (for the report). */
  labels: Map<ImportField, string>;
  /** Required fields without a column. */
  missing: ImportField[];
  /** Header cells that name no field (ignored). */
  unknown: string[];
  /** Fields named by more than one column. */
  duplicated: ImportField[];
}

export function mapHeader(header: readonly string[]): HeaderMapping {
  const columns = new Map<ImportField, number>();
  const labels = new Map<ImportField, string>();
  const unknown: string[] = [];
  const duplicated: ImportField[] = [];
  header.forEach((raw, index) => {
    const text = raw.trim();
    if (!text) return;
    const def = BY_NAME.get(normaliseHeader(text));
    if (!def) {
      unknown.push(text);
      return;
    }
    if (columns.has(def.field)) {
      if (!duplicated.includes(def.field)) duplicated.push(def.field);
      return;
    }
    columns.set(def.field, index);
    labels.set(def.field, text);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.has(c.field)).map((c) => c.field);
  return { columns, labels, missing, unknown, duplicated };
}

/** The Chinese name of a field's column, for messages about the header. */
export function columnName(field: ImportField): string {
  return IMPORT_COLUMNS.find((c) => c.field === field)?.names[0] ?? field;
}

// --- Cells --------------------------------------------------------------------------------------------------

/** A cell as text: trimmed, `undefined` when empty. Numbers as JavaScript writes them, dates as YYYY-MM-DD. */
export function cellText(cell: Cell): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  return text === "" ? undefined : text;
}

/** A two-digit code (project type, department): Excel turns `01` into the number 1. */
function twoDigitCode(cell: Cell): string | undefined {
  const text = cellText(cell);
  return text !== undefined && /^\d$/.test(text) ? `0${text}` : text;
}

function industryCode(cell: Cell): string | undefined {
  const text = cellText(cell)?.toUpperCase();
  // Divisions 01-05 lose their zero as numbers; finer codes are ambiguous as numbers and are left as they are.
  return text !== undefined && /^\d$/.test(text) ? `0${text}` : text;
}

/**
 * YYYY-MM from `2027-03`, `2027/3`, `2027.03`, `2027年3月`, `2027-03-15` or an Excel date. A number such as
 * 2027.1 is what Excel keeps of `2027.10`, so its two decimals are the month. Anything else is kept as written
 * and the schema names the field.
 */
export function yearMonth(cell: Cell): string | undefined {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    // Excel dates carry no zone; exceljs reads them as UTC midnight.
    return `${cell.getUTCFullYear()}-${String(cell.getUTCMonth() + 1).padStart(2, "0")}`;
  }
  if (typeof cell === "number" && cell > 1900 && cell < 2200 && !Number.isInteger(cell)) {
    const year = Math.floor(cell);
    const month = Math.round((cell - year) * 100);
    if (month >= 1 && month <= 12) return `${year}-${String(month).padStart(2, "0")}`;
  }
  const text = cellText(cell);
  if (text === undefined) return undefined;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:\s*[-/.]?\s*\d{1,2}\s*日?)?$/.exec(text.normalize("NFKC"));
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return `${m[1]}-${String(month).padStart(2, "0")}`;
  }
  return text;
}

const YES = new Set(["是", "y", "yes", "true", "1", "√", "有"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "无", "不涉密", "非涉密"]);

/** 是 / 否 and the like as a boolean; anything else is kept as written (the schema then names the field). */
function yesNo(cell: Cell): boolean | string | undefined {
  if (typeof cell === "boolean") return cell;
  const text = cellText(cell)?.toLowerCase();
  if (text === undefined) return undefined;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return text;
}

/**
 * Whether a row is marked classified (涉密, Art. 3). Conservative: an empty cell or a clear 否 is not; 是, a
 * secrecy level (秘密, 机密, 绝密) or any other mark is, so an unclear mark never lets a classified project in.
 */
export function isMarkedClassified(cell: Cell): boolean {
  if (cell === true) return true;
  if (cell === false) return false;
  const text = cellText(cell)?.toLowerCase();
  if (text === undefined) return false;
  return !NO.has(text);
}

const CATEGORIES: Record<string, Declaration["approvalCategory"]> = {
  审批: "approval",
  审批类: "approval",
  政府投资: "approval",
  核准: "verification",
  核准类: "verification",
  备案: "filing",
  备案类: "filing",
  approval: "approval",
  verification: "verification",
  filing: "filing",
};

const LEVELS: Record<string, "central" | "local"> = { 中央: "central", 国家: "central", central: "central", 地方: "local", local: "local" };

/** Money (spec §1): a number cell as a decimal string with 2 decimals, unless that would round it. */
function money(cell: Cell): string | undefined {
  if (typeof cell === "number" && Number.isFinite(cell) && Number(cell.toFixed(2)) === cell) return cell.toFixed(2);
  return cellText(cell);
}

function numberOrText(cell: Cell): number | string | undefined {
  if (typeof cell === "number") return cell;
  const text = cellText(cell);
  if (text === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

const SITE_SEPARATORS = /[;；,，、\s]+/;

/** The sites of a row: one region code and address, or several codes with as many addresses separated by `；`. */
function sitesOf(regionCell: Cell, addressCell: Cell): unknown {
  const codes = (cellText(regionCell) ?? "").split(SITE_SEPARATORS).filter(Boolean);
  const address = cellText(addressCell);
  if (codes.length <= 1) return [{ regionCode: codes[0], address }];
  const addresses = (address ?? "").split(/[;；]/).map((a) => a.trim());
  return codes.map((regionCode, i) => ({ regionCode, address: addresses.length === codes.length ? addresses[i] || undefined : i === 0 ? address : undefined }));
}

/**
 * A row as a declaration candidate (spec §4), before validation. Excel's ways with numbers and dates are
 * undone; everything else is passed on as written so that the schema's messages name the field.
 */
export function rowToCandidate(mapping: HeaderMapping, cells: readonly Cell[]): Record<string, unknown> {
  const cell = (field: ImportField): Cell => {
    const index = mapping.columns.get(field);
    return index === undefined ? undefined : cells[index];
  };
  const text = (field: ImportField) => cellText(cell(field));
  const category = text("approvalCategory");
  const level = text("approvingLevel");
  const optional = {
    landAreaHectares: numberOrText(cell("landAreaHectares")),
    newConstructionLand: yesNo(cell("newConstructionLand")),
    governmentFunding: money(cell("governmentFunding")),
    approvingLevel: level === undefined ? undefined : (LEVELS[level.toLowerCase()] ?? level),
  };
  return {
    name: text("name"),
    approvalCategory: category === undefined ? undefined : (CATEGORIES[category.toLowerCase()] ?? category),
    projectType: twoDigitCode(cell("projectType")),
    centralDepartmentCode: twoDigitCode(cell("centralDepartmentCode")),
    unit: {
      name: text("unit.name"),
      creditCode: text("unit.creditCode"),
      legalRepresentative: text("unit.legalRepresentative"),
      contactName: text("unit.contactName"),
      contactPhone: text("unit.contactPhone"),
    },
    sites: sitesOf(cell("sites.regionCode"), cell("sites.address")),
    industryCode: industryCode(cell("industryCode")),
    constructionScale: text("constructionScale"),
    constructionContent: text("constructionContent"),
    totalInvestment: money(cell("totalInvestment")),
    plannedStart: yearMonth(cell("plannedStart")),
    plannedEnd: yearMonth(cell("plannedEnd")),
    industrialPolicyDeclaration: true,
    classified: false,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

// --- Legacy numbers -----------------------------------------------------------------------------------------

const CODE_LIKE = /^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{5}[0-9X]$/i;

/**
 * The legacy number of a row, normalised, or the problem with it. Any local number up to 50 characters is
 * accepted; one shaped like a project code (spec §2) must be a legacy code (2013-2020), since a current-form
 * or invalid code there would be mistaken for a platform code by every lookup.
 */
export function checkLegacyCode(cell: Cell): { legacyCode: string } | { problem: FieldProblem } {
  const text = cellText(cell);
  const problem = (message: string, messageEn: string) => ({ problem: { path: "legacyCode", message, messageEn } });
  if (text === undefined) return problem("原项目编码不能为空", "The legacy number is required");
  if ([...text].length > 50) return problem("原项目编码不得超过50个字符", "The legacy number has at most 50 characters");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(text)) return problem("原项目编码含有换行等控制字符", "The legacy number contains control characters");
  if (CODE_LIKE.test(text)) {
    const parsed = parseProjectCode(text);
    if (parsed.format !== "legacy") {
      return problem(
        "原项目编码具有项目代码的形式，但不是2020年11月前的旧项目代码（年份应为2013—2020）",
        "Shaped like a project code but not a legacy code (its year must be 2013-2020)",
      );
    }
    return { legacyCode: parsed.normalised };
  }
  return { legacyCode: text };
}

// --- Planning -----------------------------------------------------------------------------------------------

/** What a row is before the database is asked anything. */
export type PlannedRow =
  | { row: number; kind: "classified" }
  | { row: number; kind: "bad_legacy_code"; problem: FieldProblem }
  | { row: number; kind: "duplicate"; legacyCode: string; firstRow: number }
  | { row: number; kind: "candidate"; legacyCode: string; candidate: Record<string, unknown> };

/**
 * Sorts the rows of a file: classified rows are refused before anything else of them is read (Art. 3); a legacy
 * number that occurs again is refused in every row after its first, whatever the database holds, so that a
 * rerun reports the same rows as the first run did.
 */
export function planRows(table: ImportTable, mapping: HeaderMapping): PlannedRow[] {
  const firstRowOf = new Map<string, number>();
  const classifiedColumn = mapping.columns.get("classified");
  return table.rows.map(({ number: row, cells }): PlannedRow => {
    if (classifiedColumn !== undefined && isMarkedClassified(cells[classifiedColumn])) return { row, kind: "classified" };
    const legacy = checkLegacyCode(cells[mapping.columns.get("legacyCode") ?? -1]);
    if ("problem" in legacy) return { row, kind: "bad_legacy_code", problem: legacy.problem };
    const firstRow = firstRowOf.get(legacy.legacyCode);
    if (firstRow !== undefined) return { row, kind: "duplicate", legacyCode: legacy.legacyCode, firstRow };
    firstRowOf.set(legacy.legacyCode, row);
    return { row, kind: "candidate", legacyCode: legacy.legacyCode, candidate: rowToCandidate(mapping, cells) };
  });
}

/** The header's problems that stop an import before any row: required columns missing, a field named twice. */
export function headerProblems(mapping: HeaderMapping): { message: string; messageEn: string } | undefined {
  const zh: string[] = [];
  const en: string[] = [];
  if (mapping.missing.length) {
    zh.push(`缺少必填列：${mapping.missing.map((f) => `${columnName(f)}（${f}）`).join("、")}`);
    en.push(`required columns missing: ${mapping.missing.join(", ")}`);
  }
  if (mapping.duplicated.length) {
    zh.push(`同一字段出现多列：${mapping.duplicated.map((f) => `${columnName(f)}（${f}）`).join("、")}`);
    en.push(`fields named by more than one column: ${mapping.duplicated.join(", ")}`);
  }
  return zh.length ? { message: zh.join("；"), messageEn: en.join("; ") } : undefined;
}

// --- Validation ---------------------------------------------------------------------------------------------

/** The declaration schema (spec §4) applied to a candidate, with each failing field in Chinese and English. */
export function validateCandidate(candidate: unknown): { ok: true; declaration: Declaration } | { ok: false; problems: FieldProblem[] } {
  const parsed = declarationSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, declaration: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || "(row)",
      message: zhIssue(issue as unknown as { code: string; message: string; minimum?: unknown; maximum?: unknown }),
      messageEn: issue.message,
    })),
  };
}

// --- CSV (RFC 4180) -----------------------------------------------------------------------------------------

export class ImportFileError extends Error {
  constructor(
    readonly messageZh: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = "ImportFileError";
  }
}

/**
 * RFC 4180: comma-separated fields, records ending in CRLF or LF, fields in double quotes may hold commas,
 * line breaks and `""` for a quote. A stray quote inside an unquoted field is kept as a character. The result
 * has one array per record, each with its 1-based record number (the row number Excel shows).
 */
export function parseCsv(text: string): Array<{ number: number; fields: string[] }> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: Array<{ number: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let i = 0;
  let line = 1;
  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push({ number: records.length + 1, fields });
    fields = [];
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && field === "") {
      // A quoted field: up to the closing quote not followed by another quote.
      const openedAt = line;
      i++;
      for (;;) {
        if (i >= src.length) {
          throw new ImportFileError(`CSV 第${openedAt}行起的引号字段没有结束引号`, `CSV: the quoted field opened on line ${openedAt} never ends`);
        }
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n") line++;
        field += c;
        i++;
      }
      // Lenient: characters after the closing quote (`"a"b`) are kept.
      continue;
    }
    if (ch === ",") {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      continue;
    }
    field += ch;
    i++;
  }
  // The last record when the file does not end with a line break.
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as GB18030, as Excel saves CSV in China. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

function tableOf(records: Array<{ number: number; cells: Cell[] }>): ImportTable {
  const [head, ...rest] = records;
  if (!head) throw new ImportFileError("文件为空：第一行应为表头", "The file is empty: the first row must be the header");
  const header = head.cells.map((c) => cellText(c) ?? "");
  const rows = rest.filter((r) => r.cells.some((c) => cellText(c) !== undefined));
  return { header, rows };
}

/** A cell value of exceljs as a plain value: formulas by their result, rich text and links by their text. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : String(value.text);
  if ("result" in value) return value.result === undefined || (typeof value.result === "object" && !(value.result instanceof Date)) ? undefined : value.result;
  if ("formula" in value || "sharedFormula" in value) return undefined;
  if ("error" in value) return undefined;
  return String(value);
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new ImportFileError(`无法读取文件 ${path}：${(e as Error).message}`, `Cannot read ${path}: ${(e as Error).message}`);
  }
}

/** Reads the first sheet of an .xlsx file or a .csv file (first row: the header). */
export async function readImportFile(path: string): Promise<ImportTable & { encoding?: "utf-8" | "gb18030" }> {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") {
    const { text, encoding } = decodeCsv(await readBytes(path));
    return { ...tableOf(parseCsv(text).map((r) => ({ number: r.number, cells: r.fields }))), encoding };
  }
  if (ext === ".xlsx") {
    const workbook = new ExcelJS.Workbook();
    const bytes = await readBytes(path);
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new ImportFileError(`无法读取 Excel 文件：${(e as Error).message}`, `Cannot read the Excel file: ${(e as Error).message}`);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ImportFileError("Excel 文件中没有工作表", "The workbook has no sheet");
    const records: Array<{ number: number; cells: Cell[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      // row.values is 1-based (index 0 is empty).
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      records.push({ number, cells: Array.from(values, (v) => plainCell(v as ExcelJS.CellValue)) });
    });
    if (records[0]?.number !== 1) throw new ImportFileError("第一行应为表头", "The first row must be the header");
    return tableOf(records);
  }
  throw new ImportFileError(`不支持的文件类型“${ext || "无扩展名"}”：请使用 .xlsx 或 .csv`, `Unsupported file type '${ext}': use .xlsx or .csv`);
}

// --- Report -------------------------------------------------------------------------------------------------

export type RowOutcomeKind = "imported" | "skipped" | "failed" | "would import";

export interface RowOutcome {
  row: number;
  /** Absent for a classified row: nothing of it is repeated (Art. 3). */
  legacyCode?: string | undefined;
  outcome: RowOutcomeKind;
  /** The platform code: assigned now, or the one an already imported number maps to. */
  code?: string | undefined;
  /** The error code of a failed row (VALIDATION_FAILED, CREDIT_CODE_INVALID, WRONG_JURISDICTION, …). */
  errorCode?: string | undefined;
  problems: FieldProblem[];
}

export const REPORT_HEADER = ["行号 Row", "原项目编码 Legacy code", "结果 Outcome", "项目代码 Project code", "错误代码 Error code", "字段 Fields", "问题 Problems", "Problems (English)"];

/** One CSV field: quoted when needed; a leading = + - @ is defused so that Excel never runs it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: ReadonlyArray<string | number>): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** The report line of a row; several problems go one per line inside their cells, aligned across the columns. */
export function reportLine(r: RowOutcome, labels?: Map<ImportField, string>): string {
  const label = (path: string) => {
    const field = path.replace(/\.\d+(?=\.|$)/g, "") as ImportField;
    const name = labels?.get(field);
    return name && name !== path ? `${path}（${name}）` : path;
  };
  return csvLine([
    r.row,
    r.legacyCode ?? "",
    r.outcome,
    r.code ?? "",
    r.errorCode ?? "",
    r.problems.map((p) => label(p.path)).join("\n"),
    r.problems.map((p) => p.message).join("\n"),
    r.problems.map((p) => p.messageEn).join("\n"),
  ]);
}

/** UTF-8 byte order mark: Excel opens a CSV as UTF-8 only with it. */
export const REPORT_PREAMBLE = `\uFEFF${csvLine(REPORT_HEADER)}`;
