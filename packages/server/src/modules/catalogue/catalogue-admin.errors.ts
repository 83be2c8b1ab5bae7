import type { ErrorCatalogue } from "../../platform/errors.js";

/** Codes of the catalogue administration (事项与规则管理, issue 4). */
export const CATALOGUE_ADMIN_ERRORS = {
  CATALOGUE_NOT_COMPREHENSIVE: {
    status: 403,
    message: "事项清单和适用规则由综合管理部门维护，本单位不是综合管理部门",
    messageEn: "The matter catalogue and its rules are kept by the comprehensive management department; your organisation is not one",
  },
  RULE_REGION_OUT_OF_SCOPE: {
    status: 403,
    message: "只能维护本部门所辖地区（含下级地区）的适用规则",
    messageEn: "You may keep rules only for your department's region and the regions within it",
  },
  NATIONAL_RULE_CENTRAL_ONLY: {
    status: 403,
    message: "全国（100000）适用规则只能在中央平台维护；省级规则可以覆盖全国规则（第二十四条）",
    messageEn: "National (100000) rules are kept on the central platform only; a provincial rule overrides them (Art. 24)",
  },
  RULE_SET_INVALID: {
    status: 422,
    message: "修改后的适用规则集不符合要求，未保存",
    messageEn: "The rule set after this change would not be valid; nothing was saved",
  },
  CATALOGUE_UNCHANGED: { status: 409, message: "没有任何改动", messageEn: "Nothing was changed" },
  NOTHING_TO_REEVALUATE: {
    status: 409,
    message: "按现行规则重新评估，本项目的应办事项没有需要调整的内容",
    messageEn: "Under the current rules there is nothing to change in this project's matters",
  },
} as const satisfies ErrorCatalogue;
