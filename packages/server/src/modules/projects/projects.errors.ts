import type { ErrorCatalogue } from "../../platform/errors.js";

export const PROJECT_ERRORS = {
  PROJECT_CODE_INVALID: { status: 422, message: "项目代码格式或校验位错误", messageEn: "The project code's format or check character is wrong" },
  CLASSIFIED_PROJECT_REFUSED: {
    status: 422,
    message: "涉密项目及信息不得通过在线平台办理和传递（《办法》第三条），本次申报未保存任何信息",
    messageEn: "Classified projects may not be handled on the platform (Art. 3); nothing of this declaration was stored",
  },
  WRONG_JURISDICTION: { status: 422, message: "该项目不属于本平台赋码范围", messageEn: "This project belongs on another platform" },
  UNIT_MISMATCH: {
    status: 422,
    message: "项目单位的统一社会信用代码与登录单位不一致",
    messageEn: "The unit's credit code is not that of the signed-in organisation",
  },
  NOT_A_FILING: {
    status: 409,
    message: "只有已备案的备案类项目才有备案证明",
    messageEn: "Only a filed project (approval category filing, status filed) has a filing certificate",
  },
  LEGACY_CODE_TAKEN: { status: 409, message: "该原项目编码已对应其他项目代码", messageEn: "This legacy number is already mapped to another code" },
  LEGACY_CODE_INVALID: { status: 422, message: "原项目编码不符合要求", messageEn: "The legacy number is not acceptable" },
  LEGACY_CODE_DUPLICATE: { status: 422, message: "导入文件中原项目编码重复", messageEn: "The legacy number occurs more than once in the import file" },
  DRAFT_TOO_LARGE: {
    status: 413,
    message: "草稿内容过大（序列化后不得超过 256 KB），请精简后再保存",
    messageEn: "The draft is too large (at most 256 KB serialized); shorten it and save again",
  },
  CODE_SPACE_EXHAUSTED: {
    status: 503,
    message: "本月该地区、部门、类型的项目代码已用尽，请联系运维人员",
    messageEn: "No project code left for this month, region, department and type",
  },
} as const satisfies ErrorCatalogue;
