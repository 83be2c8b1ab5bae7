/**
 * The platform's password rule (等保三级 identity authentication, GB/T 22239-2019 8.1.4.1): at least 8
 * characters from at least 3 of the 4 classes. Checked here only to spare a round trip; the server decides,
 * and it alone knows the last 5 passwords.
 */
export const PASSWORD_MIN_LENGTH = 8;

const CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

export function meetsPasswordPolicy(password: string): boolean {
  if (password.length < PASSWORD_MIN_LENGTH) return false;
  return CLASSES.filter((pattern) => pattern.test(password)).length >= 3;
}
