import { randomInt } from "node:crypto";

/**
 * 项目代码 (project code) after GB/T 40058-2021 and interface specification v1 §2.
 *
 * Current form `TTTT-RRRRRR-DD-PP-NNNNNC` (24 characters): time code YYMM of assignment in China Standard Time,
 * GB/T 2260 region, central guiding department, project type, five random digits and one check character.
 * Legacy form `YYYY-RRRRRR-II-PP-NNNNNN` (codes issued before November 2020): year, region, industry, type and a
 * six-digit serial, no check character. Both forms have the same shape, so only the first segment tells them
 * apart (spec §2): 2013-2020 is a legacy year (13-20 is no month); any other first segment from 2011 on whose last
 * two digits are a month 01-12 is a current YYMM (2011 and 2012 are November and December 2020); anything else
 * is invalid.
 *
 * Only shapes are checked here. Whether a region, department or type code exists is reference data
 * (configurable tables, spec §2), and uniqueness of the random digits within the first four segments is the
 * issuing service's business.
 */

export type CodeFormat = "current" | "legacy" | "invalid";

export interface ParsedCode {
  format: CodeFormat;
  /** The input trimmed and upper-cased (so a lower-case check character `x` reads as `X`). */
  normalised: string;
  /** Present for current and legacy codes. */
  segments?: {
    time: string;
    region: string;
    department: string;
    type: string;
    serial: string;
    /** Current codes only. */
    check?: string;
  };
  /** Current: whether the check character is right; legacy: true (there is none); invalid: false. */
  checkCharacterValid: boolean;
  /** Current: 20YY and MM; legacy: the year only, month undefined. */
  yearMonth?: { year: number; month?: number };
}

// Digits where digits belong, hyphens after characters 4, 11, 14 and 17, and the last character a digit or X.
// `[0-9]` rather than `\d` so that the rule reads the same whatever regex flags are added later.
const CODE_SHAPE = /^([0-9]{4})-([0-9]{6})-([0-9]{2})-([0-9]{2})-([0-9]{5})([0-9X])$/;
const BODY_HYPHENATED = /^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{5}$/;
const BODY_PLAIN = /^[0-9]{19}$/;

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
/** November 2020, the first month of current codes (spec §2). */
const FIRST_CURRENT_TIME = 2011;

/**
 * ISO/IEC 7064 MOD 11-2, the check used by GB 11643 resident identity numbers and, by spec §2 (after
 * GB/T 40058-2021), by project codes: number the positions from the right with the check character as
 * position 1; position i weighs 2^(i-1) mod 11; the check character c makes Σ value × weight ≡ 1 (mod 11),
 * `X` standing for 10.
 *
 * Why every single-character error is caught: changing the value at position i by d (d ≠ 0, |d| ≤ 10) changes
 * the sum by d·w_i. Since 11 is prime and neither d nor w_i = 2^(i-1) is ever 0 mod 11 (a power of 2 has no
 * factor 11), d·w_i ≢ 0 (mod 11), so the sum leaves the class 1. Swapping different neighbours a, b at
 * positions i+1 and i changes it by (a − b)(w_{i+1} − w_i) = (a − b)·w_i, because w_{i+1} = 2·w_i; that is not
 * 0 mod 11 either, so adjacent transpositions are caught too.
 *
 * `digits` are the N characters before the check character (17 for an identity number, 19 for a project code).
 */
export function mod11_2CheckCharacter(digits: string): string {
  if (!/^[0-9]+$/.test(digits)) throw new RangeError("MOD 11-2 is computed over decimal digits only");
  let sum = 0;
  let weight = 2; // The last digit stands at position 2: weight 2^1.
  for (let j = digits.length - 1; j >= 0; j--) {
    sum = (sum + (digits.charCodeAt(j) - 48) * weight) % 11;
    weight = (weight * 2) % 11;
  }
  const check = (12 - sum) % 11; // c ≡ 1 − sum (mod 11)
  return check === 10 ? "X" : String(check);
}

/** MOD 11-2 check character of the first 19 code characters (hyphens allowed or not). */
export function projectCodeCheckCharacter(body: string): string {
  if (!BODY_PLAIN.test(body) && !BODY_HYPHENATED.test(body)) {
    throw new RangeError("A project code body is 19 digits, or TTTT-RRRRRR-DD-PP-NNNNN with hyphens");
  }
  return mod11_2CheckCharacter(body.replaceAll("-", ""));
}

function classifyTime(time: string): CodeFormat {
  const value = Number(time);
  if (value >= 2013 && value <= 2020) return "legacy";
  const month = value % 100;
  if (value >= FIRST_CURRENT_TIME && month >= 1 && month <= 12) return "current";
  return "invalid";
}

export function parseProjectCode(input: string): ParsedCode {
  const normalised = input.trim().toUpperCase();
  const invalid: ParsedCode = { format: "invalid", normalised, checkCharacterValid: false };
  const m = CODE_SHAPE.exec(normalised);
  if (!m) return invalid;
  const [, time, region, department, type, serial5, last] = m as unknown as [string, string, string, string, string, string, string];
  const format = classifyTime(time);
  if (format === "current") {
    const timeValue = Number(time);
    return {
      format,
      normalised,
      segments: { time, region, department, type, serial: serial5, check: last },
      checkCharacterValid: projectCodeCheckCharacter(normalised.slice(0, 23)) === last,
      yearMonth: { year: 2000 + Math.floor(timeValue / 100), month: timeValue % 100 },
    };
  }
  // A legacy serial is six digits; an X there is not a legacy code.
  if (format === "legacy" && last !== "X") {
    return {
      format,
      normalised,
      segments: { time, region, department, type, serial: serial5 + last },
      checkCharacterValid: true,
      yearMonth: { year: Number(time) },
    };
  }
  return invalid;
}

/** True for a current-form code whose check character is right (legacy codes are false: they have no check). */
export function isValidCurrentCode(code: string): boolean {
  const parsed = parseProjectCode(code);
  return parsed.format === "current" && parsed.checkCharacterValid;
}

/** The YYMM of an instant in China Standard Time. */
export function cstYearMonth(at: Date): string {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError("Invalid date");
  // CST is UTC+8 all year (no daylight saving since 1991), so a fixed shift is exact.
  const shifted = new Date(t + CST_OFFSET_MS);
  const year = shifted.getUTCFullYear();
  // Two digits of year are ambiguous outside one century; project codes only live in 20YY.
  if (year < 2000 || year > 2099) throw new RangeError(`YYMM is defined here for 2000-2099 only, not ${year}`);
  return String(year - 2000).padStart(2, "0") + String(shifted.getUTCMonth() + 1).padStart(2, "0");
}

/**
 * Builds a current code. `at` is the instant of assignment: its YYMM is taken in China Standard Time (UTC+8),
 * so 2026-01-31T16:30Z is 2602. `random5` is injectable for tests; by default five digits from crypto.randomInt.
 */
export function buildProjectCode(parts: {
  at: Date;
  regionCode: string;
  departmentCode: string;
  projectTypeCode: string;
  random5?: string;
}): string {
  const time = cstYearMonth(parts.at);
  if (Number(time) < FIRST_CURRENT_TIME) {
    throw new RangeError(`Current project codes start in November 2020 (2011), not ${time}`);
  }
  if (!/^[0-9]{6}$/.test(parts.regionCode)) throw new RangeError("A region code is six digits (GB/T 2260)");
  if (!/^[0-9]{2}$/.test(parts.departmentCode)) throw new RangeError("A department code is two digits");
  if (!/^[0-9]{2}$/.test(parts.projectTypeCode)) throw new RangeError("A project type code is two digits");
  // Spec §2: the serial comes from a cryptographic source, so codes cannot be guessed from one another.
  const random5 = parts.random5 ?? String(randomInt(0, 100_000)).padStart(5, "0");
  if (!/^[0-9]{5}$/.test(random5)) throw new RangeError("random5 is five digits");
  const body = `${time}-${parts.regionCode}-${parts.departmentCode}-${parts.projectTypeCode}-${random5}`;
  return body + projectCodeCheckCharacter(body);
}
