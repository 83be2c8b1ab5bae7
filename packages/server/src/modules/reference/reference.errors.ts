import type { ErrorCatalogue } from "../../platform/errors.js";

/**
 * Codes of the reference-data module. CALENDAR_YEAR_UNAVAILABLE is one of the codes every deployment uses
 * (interface specification §1, §3): a deadline is never guessed for a year without an official notice.
 * An unknown code given as a path parameter is the common NOT_FOUND (404); an unknown code given as a value
 * (a query filter, a declaration's site) is well-formed but breaks a rule, hence 422 (spec §1).
 */
export const REFERENCE_ERRORS = {
  CALENDAR_YEAR_UNAVAILABLE: {
    status: 422,
    message: "该年度尚无国务院办公厅节假日安排数据，无法计算工作日",
    messageEn: "No official holiday arrangement is loaded for that year, so working days cannot be counted",
  },
  REGION_UNKNOWN: {
    status: 422,
    message: "行政区划代码不存在或已撤销",
    messageEn: "Unknown or abolished administrative division code",
  },
  INDUSTRY_UNKNOWN: {
    status: 422,
    message: "国民经济行业分类代码不存在",
    messageEn: "Unknown industry classification code",
  },
  CREDIT_CODE_INVALID: {
    status: 422,
    message: "统一社会信用代码不正确",
    messageEn: "The unified social credit code is not valid",
  },
} as const satisfies ErrorCatalogue;

export type ReferenceErrorCode = keyof typeof REFERENCE_ERRORS;
