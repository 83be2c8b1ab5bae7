import type { ErrorCatalogue } from "../../platform/errors.js";

export const IDENTITY_ERRORS = {
  INVALID_CREDENTIALS: { status: 401, message: "用户名或密码错误", messageEn: "Wrong username or password" },
  ACCOUNT_LOCKED: {
    status: 423,
    message: "登录失败次数过多，账户已被临时锁定，请稍后再试",
    messageEn: "Too many failed sign-ins; the account is temporarily locked",
  },
  ACCOUNT_DISABLED: { status: 403, message: "账户已停用，请联系安全管理员", messageEn: "The account is disabled; contact the security administrator" },
  SECOND_FACTOR_REQUIRED: { status: 401, message: "请输入动态口令（双因素认证）", messageEn: "Enter the one-time code (second factor)" },
  SECOND_FACTOR_INVALID: { status: 401, message: "动态口令错误或已过期", messageEn: "The one-time code is wrong or expired" },
  SECOND_FACTOR_ENROLMENT_REQUIRED: {
    status: 403,
    message: "请先绑定动态口令（双因素认证）后再使用系统",
    messageEn: "Enrol a second factor before using the system",
  },
  SESSION_EXPIRED: { status: 401, message: "会话已超时，请重新登录", messageEn: "Your session has expired; please sign in again" },
  CSRF_TOKEN_INVALID: { status: 403, message: "请求校验失败，请刷新页面后重试", messageEn: "Missing or wrong CSRF token; reload the page and retry" },
  PASSWORD_POLICY_VIOLATION: { status: 422, message: "密码不符合安全策略", messageEn: "The password does not meet the policy" },
  PASSWORD_REUSED: { status: 422, message: "不能使用最近 5 次用过的密码", messageEn: "The password was used recently (last 5)" },
  USERNAME_TAKEN: { status: 409, message: "用户名已存在", messageEn: "The username is already taken" },
  ORGANISATION_UNKNOWN: { status: 422, message: "所属单位不存在或不在您的管辖范围内", messageEn: "Unknown organisation, or outside your scope" },
  ROLE_NOT_ALLOWED_FOR_ORGANISATION: {
    status: 422,
    message: "该角色与所属单位类型不匹配",
    messageEn: "This role does not fit the organisation's kind",
  },
  REGION_OUT_OF_SCOPE: { status: 422, message: "该行政区划不在您的管辖范围内", messageEn: "The region is outside your scope" },
  CREDIT_CODE_TAKEN: { status: 409, message: "该统一社会信用代码已登记", messageEn: "This credit code is already registered" },
} as const satisfies ErrorCatalogue;
