import type { ErrorCatalogue } from "./errors.js";

/** Codes every deployment uses (interface specification §1). */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: { status: 400, message: "提交的数据不符合要求，请按提示修改", messageEn: "The submitted data is not valid; see the fields" },
  BAD_REQUEST: { status: 400, message: "请求格式错误", messageEn: "The request is malformed" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "提交的内容过大", messageEn: "The request body is too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "不支持的内容类型", messageEn: "Unsupported content type" },
  NOT_AUTHENTICATED: { status: 401, message: "请先登录", messageEn: "Please sign in first" },
  FORBIDDEN: { status: 403, message: "您没有执行此操作的权限", messageEn: "You are not allowed to do this" },
  NOT_FOUND: { status: 404, message: "请求的资源不存在", messageEn: "Not found" },
  CONCURRENT_DUPLICATE: {
    status: 409,
    message: "相同内容刚刚已被提交（可能是重复提交或他人同时操作），请刷新后查看",
    messageEn: "The same thing was just submitted (a repeated submission or someone else at the same moment); refresh and look",
  },
  STATE_CONFLICT: { status: 409, message: "当前状态下不能执行此操作", messageEn: "Not allowed in the current state" },
  RATE_LIMITED: { status: 429, message: "请求过于频繁，请稍后再试", messageEn: "Too many requests; try again later" },
  INTERNAL_ERROR: { status: 500, message: "系统内部错误，请联系运维人员并提供请求编号", messageEn: "Internal error; please report the request id" },
  SERVICE_UNAVAILABLE: { status: 503, message: "服务暂不可用", messageEn: "Service unavailable" },
} as const satisfies ErrorCatalogue;
