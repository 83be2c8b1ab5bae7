import type { FieldProblem } from "../../platform/errors.js";

/**
 * Password policy for 等保三级 (GB/T 22239-2019 8.1.4.1 身份鉴别: 口令具有复杂度要求并定期更换): at least
 * 8 characters from at least 3 of the 4 classes (upper case, lower case, digits, symbols), not containing the
 * username. Reuse of the last 5 passwords is checked by the service against stored hashes.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_HISTORY_DEPTH = 5;

export function passwordClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function checkPasswordPolicy(password: string, username: string, path = "newPassword"): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({ path, message: `密码至少 ${PASSWORD_MIN_LENGTH} 位`, messageEn: `At least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (password.length > 128) {
    problems.push({ path, message: "密码最多 128 位", messageEn: "At most 128 characters" });
  }
  if (passwordClasses(password) < 3) {
    problems.push({
      path,
      message: "须包含大写字母、小写字母、数字、特殊符号中的至少 3 类",
      messageEn: "Use at least 3 of: upper case, lower case, digits, symbols",
    });
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ path, message: "密码不能包含用户名", messageEn: "The password must not contain the username" });
  }
  return problems;
}
