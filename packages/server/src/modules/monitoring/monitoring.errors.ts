import type { ErrorCatalogue } from "../../platform/errors.js";

export const MONITORING_ERRORS = {
  REPORT_NOT_ALLOWED: {
    status: 409,
    message: "项目当前状态不能报送该类实施情况",
    messageEn: "The project's current status does not allow this kind of report",
  },
  REPORT_DATE_INVALID: {
    status: 422,
    message: "报告日期不得晚于今天，也不得早于项目决定（备案）日期或上一次报告",
    messageEn: "The report's date may be neither in the future nor before the project's decision (filing) or its previous report",
  },
  REPORT_FIGURES_DECREASED: {
    status: 422,
    message: "累计完成投资和形象进度不得小于上次报告",
    messageEn: "Cumulative investment and progress may not fall below the previous report",
  },
  VALIDITY_EXTENSION_NOT_APPLICABLE: {
    status: 409,
    message: "该项目不适用延期开工申请（仅适用于已核准、未开工且未失效的核准类项目）",
    messageEn: "Only a verified (核准), unstarted project whose decision has not lapsed may apply for an extension",
  },
  VALIDITY_EXTENSION_ALREADY_APPLIED: {
    status: 409,
    message: "开工建设只能延期一次，本项目已申请过延期",
    messageEn: "Construction may be postponed only once; this project has already applied",
  },
  VALIDITY_EXTENSION_TOO_LATE: {
    status: 422,
    message: "延期开工应在核准文件有效期届满的30个工作日前申请",
    messageEn: "An extension must be applied for at least 30 working days before the 核准 decision's validity ends",
  },
  VALIDITY_EXTENSION_NOT_PENDING: {
    status: 409,
    message: "没有待决定的延期开工申请",
    messageEn: "No extension application awaits a decision",
  },
  VALIDITY_EXTENSION_NOT_DECIDER: {
    status: 403,
    message: "延期开工申请由作出核准决定的部门决定",
    messageEn: "The department that took the 核准 decision decides on the extension",
  },
  DORMANCY_EXPLANATION_NOT_DUE: {
    status: 409,
    message: "项目备案未满2年或已开工、已办理其他手续、已作出说明，无需说明",
    messageEn: "No explanation is due: the 2 years since filing have not ended, or the project started, progressed or has explained already",
  },
  REPORT_FREQUENCY_NOT_ALLOWED: {
    status: 403,
    message: "进度报送频次由综合管理部门设置",
    messageEn: "The comprehensive management department sets the report frequency",
  },
} as const satisfies ErrorCatalogue;
