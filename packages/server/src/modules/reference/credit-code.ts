import type { FieldProblem } from "../../platform/errors.js";

/**
 * 统一社会信用代码, GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》: 18 characters from a 31-character
 * set (the digits and the capital letters without I, O, S, V, Z, which are easily misread), the 18th being a
 * check character over the first 17: weights 3^(i-1) mod 31, check = 31 − (Σ value × weight mod 31), with 31
 * written as 0. Only the check is verified here; the registration-authority and category characters and the
 * embedded organisation code are the registration authorities' business.
 */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character of the first 17 characters, or null when they are not 17 characters of the set. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(check);
}

export function isValidCreditCode(code: string): boolean {
  return CREDIT_CODE_RE.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17);
}

/** A field problem for a form (path `creditCode` unless given), or null when the code is valid. */
export function validateCreditCode(code: string, path = "creditCode"): FieldProblem | null {
  if (code.length !== 18) {
    return {
      path,
      message: `统一社会信用代码应为18位，当前为${code.length}位`,
      messageEn: `A unified social credit code has 18 characters, not ${code.length}`,
    };
  }
  if (!CREDIT_CODE_RE.test(code)) {
    return {
      path,
      message: "统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）",
      messageEn: "A unified social credit code has only digits and capital letters other than I, O, S, V and Z",
    };
  }
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) {
    return {
      path,
      message: "统一社会信用代码校验位错误，请核对营业执照或登记证书",
      messageEn: "The check character of the unified social credit code is wrong; please compare with the licence",
    };
  }
  return null;
}
