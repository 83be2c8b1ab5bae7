import type { ErrorCatalogue } from "../../platform/errors.js";

export const CASE_ERRORS = {
  CASE_NOT_FOUND: { status: 404, message: "办件不存在或不在您的权限范围内", messageEn: "No such case within your scope" },
  CASE_STEP_NOT_ALLOWED: {
    status: 409,
    message: "办件当前状态不允许该环节",
    messageEn: "The case's current status does not allow this step",
  },
  CASE_ACTOR_NOT_ALLOWED: { status: 403, message: "您无权办理该环节", messageEn: "You may not take this step" },
  CASE_STEP_TIME_INVALID: {
    status: 422,
    message: "环节发生时间不得晚于当前时间，也不得早于上一环节",
    messageEn: "A step's time may be neither in the future nor before the case's previous step",
  },
  PAUSE_REASON_NOT_ALLOWED: {
    status: 422,
    message: "该事项的时限不因此类环节中止",
    messageEn: "This matter's clock does not stop for this kind of step",
  },
  EXTENSION_NOT_ALLOWED: {
    status: 422,
    message: "延长期限超出法定可延长的工作日数",
    messageEn: "The extension exceeds what the law allows",
  },
  MATERIALS_INCOMPLETE: {
    status: 422,
    message: "尚有必需的申请材料未上传",
    messageEn: "Required materials have not been uploaded yet",
  },
  COMPLETION_NOTICE_NOT_READY: {
    status: 409,
    message: "项目尚有应办事项未办结，暂无办结告知书",
    messageEn: "Not every matter of the project is complete yet; there is no completion notice",
  },
  SIGN_OFF_REQUIRED: {
    status: 409,
    message: "本事项办结前须经会签（或签），请发起签署",
    messageEn: "This matter is completed only after a sign-off round; request one",
  },
  SIGN_OFF_NOT_REQUIRED: { status: 409, message: "本事项无需会签", messageEn: "This matter needs no sign-off" },
  SIGN_OFF_OPEN: { status: 409, message: "已有进行中的签署", messageEn: "A sign-off round is already open" },
  SIGN_OFF_NOT_OPEN: { status: 409, message: "当前没有进行中的签署", messageEn: "No sign-off round is open" },
  NOT_A_SIGNER: { status: 403, message: "您不是本轮签署人或已签署", messageEn: "You are not a signer of this round, or have signed already" },
  COMMISSION_OPEN: {
    status: 409,
    message: "中介服务委托尚未结束（交付报告、拒绝或撤销委托后自动恢复计时）",
    messageEn: "An intermediary commission is still open; the clock resumes when it is delivered, declined or cancelled",
  },
  API_KEY_INVALID: { status: 401, message: "接口密钥无效或已吊销", messageEn: "The API key is invalid or revoked" },
} as const satisfies ErrorCatalogue;
