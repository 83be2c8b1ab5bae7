import { DomainError } from "../../platform/errors.js";
import { parseProjectCode } from "./project-code.js";

/** A code given in a path: normalised, or 422 PROJECT_CODE_INVALID when its shape or check character is wrong. */
export function requireWellFormedCode(code: string): string {
  const parsed = parseProjectCode(code);
  if (parsed.format === "invalid" || !parsed.checkCharacterValid) {
    throw new DomainError("PROJECT_CODE_INVALID", {
      fields: [{ path: "code", message: "项目代码格式或校验位错误", messageEn: "Wrong format or check character" }],
    });
  }
  return parsed.normalised;
}
