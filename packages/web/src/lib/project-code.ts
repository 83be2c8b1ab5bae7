/**
 * Shape of a project code (interface specification §2, GB/T 40058-2021): `TTTT-RRRRRR-DD-PP-NNNNNC`, 24
 * characters; the last is a digit or `X` (ISO/IEC 7064 MOD 11-2). Legacy codes (`YYYY-RRRRRR-II-PP-NNNNNN`)
 * have the same shape. Whether the check character is right, and whether the code exists, the server answers.
 */
export const PROJECT_CODE_SHAPE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{5}[0-9X]$/;

/** Accepts what people paste: surrounding spaces, a lower-case x, full-width or dash-like hyphens from an IME. */
export function normaliseProjectCode(input: string): string {
  return input
    .trim()
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, "")
    .toUpperCase();
}

export function hasProjectCodeShape(code: string): boolean {
  return code.length === 24 && PROJECT_CODE_SHAPE.test(code);
}
