import type { ErrorCatalogue } from "../../platform/errors.js";

/** Codes of supervision (监管; supervision.service.ts); the messages name what to do next. */
export const SUPERVISION_ERRORS = {
  SUPERVISION_PROJECT_NOT_FOUND: { status: 404, message: "项目不存在或不在您的监管范围内", messageEn: "No such project within your supervision scope" },
  INSPECTION_NOT_FOUND: { status: 404, message: "监督检查记录不存在或不在您的权限范围内", messageEn: "No such inspection within your scope" },
  INSPECTION_CLOSED: { status: 409, message: "该检查已办结", messageEn: "The inspection is already closed" },
  RECTIFICATION_NOT_FOUND: { status: 404, message: "整改通知不存在或不在您的权限范围内", messageEn: "No such rectification order within your scope" },
  RECTIFICATION_STEP_NOT_ALLOWED: { status: 409, message: "整改通知当前状态不允许此操作", messageEn: "The order's current status does not allow this step" },
  RECTIFICATION_ACTOR_NOT_ALLOWED: { status: 403, message: "您无权办理该整改通知的此环节", messageEn: "You may not take this step of the order" },
  SUPERVISION_DECISION_NOT_ALLOWED: {
    status: 403,
    message: "行政处罚和异常名录的列入、移出须由部门负责人或监管人员办理",
    messageEn: "Penalty decisions and the abnormal list are for leaders and supervisors",
  },
  PENALTY_DOCUMENT_NUMBER_TAKEN: { status: 409, message: "本部门已有该文号的处罚决定书", messageEn: "Your department already has a decision with this document number" },
  ABNORMAL_ALREADY_LISTED: { status: 409, message: "该项目已在异常名录中", messageEn: "The project is already on the abnormal list" },
  ABNORMAL_LISTING_NOT_FOUND: { status: 404, message: "异常名录记录不存在或已移出", messageEn: "No such listing, or it was removed already" },
  SUPERVISION_DATE_INVALID: { status: 422, message: "日期不符合要求", messageEn: "The date is not acceptable" },
} as const satisfies ErrorCatalogue;
