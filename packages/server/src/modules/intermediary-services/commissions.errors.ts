import type { ErrorCatalogue } from "../../platform/errors.js";

/** Codes of intermediary commissions (commissions.service.ts); the messages name what to do next. */
export const COMMISSION_ERRORS = {
  COMMISSION_NOT_FOUND: { status: 404, message: "中介服务委托不存在或不在您的权限范围内", messageEn: "No such commission within your scope" },
  COMMISSION_STEP_NOT_ALLOWED: {
    status: 409,
    message: "该委托当前状态不允许此操作",
    messageEn: "The commission's current status does not allow this step",
  },
  COMMISSION_ACTOR_NOT_ALLOWED: { status: 403, message: "您无权办理该委托的此环节", messageEn: "You may not take this step of the commission" },
  COMMISSION_CASE_NOT_ACCEPTED: {
    status: 409,
    message: "只能为已受理且正在计时的办件委托中介服务",
    messageEn: "Only an accepted case whose clock is running can be commissioned to an intermediary",
  },
  COMMISSION_ALREADY_OPEN: {
    status: 409,
    message: "该办件已有进行中的中介服务委托，请待其办结或撤销后再委托",
    messageEn: "The case already has an open commission; wait for it to end or cancel it first",
  },
  COMMISSION_PAUSE_NOT_ALLOWED: {
    status: 422,
    message: "该事项的办理时限不因中介服务中止，不能在平台上委托中介服务",
    messageEn: "This matter's clock does not stop for intermediary services, so none can be commissioned for it",
  },
  INTERMEDIARY_NOT_AVAILABLE: {
    status: 422,
    message: "该中介机构未登记或已暂停，不能委托",
    messageEn: "The intermediary is not registered or is suspended; it cannot be commissioned",
  },
  INTERMEDIARY_SERVICE_NOT_OFFERED: {
    status: 422,
    message: "该中介机构未登记此项服务",
    messageEn: "The intermediary has not registered this service",
  },
  INTERMEDIARY_NOT_ON_PLATFORM: {
    status: 422,
    message: "该中介机构尚未开通平台账号，无法在线接受委托",
    messageEn: "The intermediary has no platform accounts yet and cannot answer a commission online",
  },
} as const satisfies ErrorCatalogue;
