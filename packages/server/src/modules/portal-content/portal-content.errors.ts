import type { ErrorCatalogue } from "../../platform/errors.js";

/** Codes of the portal content module (政策信息, 中介服务). */
export const PORTAL_CONTENT_ERRORS = {
  ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    message: "附件只能是 PDF、OFD、Word（doc/docx）或 Excel（xls/xlsx）文件，且文件内容须与扩展名一致",
    messageEn: "An attachment must be a PDF, OFD, Word (doc/docx) or Excel (xls/xlsx) file whose content matches its extension",
  },
  ATTACHMENT_TOO_LARGE: { status: 413, message: "附件不得超过 20 MB", messageEn: "An attachment may not exceed 20 MB" },
  TOO_MANY_ATTACHMENTS: { status: 422, message: "每份政策文件最多 20 个附件", messageEn: "A policy document has at most 20 attachments" },
  NOT_COMPREHENSIVE_DEPARTMENT: {
    status: 403,
    message: "中介机构名录由综合管理部门登记和维护，本部门不能修改",
    messageEn: "The intermediary directory is kept by the comprehensive management department; your organisation cannot change it",
  },
  INTERMEDIARY_ALREADY_REGISTERED: {
    status: 409,
    message: "该统一社会信用代码的中介机构已登记",
    messageEn: "An intermediary with this unified social credit code is already registered",
  },
} as const satisfies ErrorCatalogue;
