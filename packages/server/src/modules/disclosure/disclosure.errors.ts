import type { ErrorCatalogue } from "../../platform/errors.js";

/** Codes of the disclosure module (信息公开, Art. 18). */
export const DISCLOSURE_ERRORS = {
  DISCLOSURE_NOT_OWN_DEPARTMENT: {
    status: 403,
    message: "只有作出决定的部门负责人或监管人员可以撤下该公开信息",
    messageEn: "Only a leader of the department that decided, or a supervisor, may take this item down",
  },
  DISCLOSURE_ALREADY_WITHDRAWN: { status: 409, message: "该公开信息已撤下", messageEn: "This item has already been taken down" },
} as const satisfies ErrorCatalogue;
