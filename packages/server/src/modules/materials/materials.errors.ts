import type { ErrorCatalogue } from "../../platform/errors.js";

/** Codes of 申请材料 uploads and downloads (materials.service.ts); the messages name what to do next. */
export const MATERIAL_ERRORS = {
  MATERIAL_NOT_IN_GUIDE: {
    status: 404,
    message: "该事项告知的办事指南中没有此材料",
    messageEn: "The service guide this matter was told has no such material",
  },
  MATERIAL_HELD_BY_PLATFORM: {
    status: 422,
    message: "此材料由平台共享（如项目代码、申报信息、营业执照或前序审批结果），无需重复提交",
    messageEn: "The platform already holds this material and shares it; it is not submitted again",
  },
  MATERIAL_FORMAT_NOT_ALLOWED: {
    status: 415,
    message: "此材料不接受该文件格式",
    messageEn: "This material does not accept this file format",
  },
  MATERIAL_CONTENT_MISMATCH: {
    status: 422,
    message: "文件内容与扩展名不符（例如改了扩展名的其他类型文件），请上传真实的文件",
    messageEn: "The file's content does not match its extension; upload the real file",
  },
  MATERIAL_TOO_LARGE: {
    status: 413,
    message: "文件超过此材料允许的大小",
    messageEn: "The file is larger than this material allows",
  },
  MATERIAL_EMPTY: { status: 422, message: "文件为空", messageEn: "The file is empty" },
  MATERIAL_FILE_NAME_INVALID: {
    status: 400,
    message: "文件名缺失或不符合要求（不超过200个字符，不得含路径分隔符）",
    messageEn: "The file name is missing or not acceptable (at most 200 characters, no path separators)",
  },
  MATERIALS_CLOSED: {
    status: 409,
    message: "该事项当前状态下不能上传材料",
    messageEn: "Materials cannot be uploaded for this matter in its current state",
  },
  MATERIAL_FILE_CORRUPT: {
    status: 500,
    message: "存储的文件与登记的摘要不符，已记录，请联系运维人员并提供请求编号",
    messageEn: "The stored file does not match its recorded digest; please report the request id",
  },
} as const satisfies ErrorCatalogue;
