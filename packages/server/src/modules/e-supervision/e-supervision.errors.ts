import type { ErrorCatalogue } from "../../platform/errors.js";

export const E_SUPERVISION_ERRORS = {
  SUPERVISION_RULE_NOT_FOUND: { status: 404, message: "电子监察规则不存在", messageEn: "No such supervision rule" },
  SUPERVISION_CARD_NOT_FOUND: { status: 404, message: "监察牌不存在或不在您的权限范围内", messageEn: "No such card within your scope" },
  SUPERVISION_CARD_NOT_OPEN: { status: 409, message: "该监察牌已说明或已关闭", messageEn: "The card has already been explained or closed" },
  SUPERVISION_CARD_CLOSED: { status: 409, message: "该监察牌已关闭", messageEn: "The card is already closed" },
  CASE_FEE_NOT_ALLOWED: { status: 409, message: "办件尚未收件或已撤回，不能登记收费", messageEn: "A fee is recorded only on a case that was received and not withdrawn" },
} as const satisfies ErrorCatalogue;
