import { type ApprovalCategory, PROJECT_STATUS_LABELS } from "@tzxm/shared";
import ExcelJS from "exceljs";
import type { ProjectListRow } from "./search.repository.js";

/** 审批 (government-funded), 核准, 备案: spec §4 `approvalCategory`. */
export const APPROVAL_CATEGORY_LABELS_ZH: Record<ApprovalCategory, string> = {
  approval: "审批",
  verification: "核准",
  filing: "备案",
};

export const EXPORT_SHEET_NAME = "项目清单";
export const EXPORT_FILE_NAME = "项目清单.xlsx";
export const EXPORT_HEADER = ["项目代码", "原项目编码", "项目名称", "项目单位", "建设地点行政区划", "状态", "审批类别", "申报时间"] as const;
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as China Standard Time wall-clock text: Excel has no time zones, so the sheet says CST in words. */
export function cstDateTime(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * The 项目清单 workbook: one header row, one row per project. When the search matched more rows than were
 * exported, a last row says so, so that nobody mistakes a capped sheet for the whole list.
 */
export async function projectWorkbook(rows: readonly ProjectListRow[], total: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "投资项目在线审批监管平台";
  const sheet = workbook.addWorksheet(EXPORT_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { width: 28 },
    { width: 28 },
    { width: 40 },
    { width: 32 },
    { width: 22 },
    { width: 14 },
    { width: 10 },
    { width: 21 },
  ];
  sheet.addRow([...EXPORT_HEADER]).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.code,
      r.legacy_code ?? "",
      r.name,
      r.unit_name,
      r.region_name ? `${r.region_name}（${r.region_code}）` : r.region_code,
      PROJECT_STATUS_LABELS[r.status] ?? r.status,
      APPROVAL_CATEGORY_LABELS_ZH[r.approval_category] ?? r.approval_category,
      cstDateTime(r.declared_at),
    ]);
  }
  if (total > rows.length) {
    const note = sheet.addRow([
      `仅导出前 ${rows.length} 条，共 ${total} 条符合条件，请缩小查询范围后分批导出 (only the first ${rows.length} of ${total} matching projects)`,
    ]);
    note.font = { bold: true, color: { argb: "FFC00000" } };
    sheet.mergeCells(note.number, 1, note.number, EXPORT_HEADER.length);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
