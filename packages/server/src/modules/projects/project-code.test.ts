import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildProjectCode,
  cstYearMonth,
  isValidCurrentCode,
  mod11_2CheckCharacter,
  parseProjectCode,
  projectCodeCheckCharacter,
} from "./project-code.js";

/**
 * Σ value × 2^(i-1) mod 11 over a hyphen-free code, positions numbered from the right starting at 1, written
 * straight from spec §2 (and independently of the module) so the properties below test the rule itself.
 */
function weightedSumMod11(chars: string): number {
  let sum = 0;
  for (let k = 0; k < chars.length; k++) {
    const i = chars.length - k; // position from the right
    const c = chars.charAt(k);
    const value = c === "X" ? 10 : Number(c);
    sum += value * (2 ** (i - 1) % 11);
  }
  return sum % 11;
}

const plain = (code: string): string => code.replaceAll("-", "");
/** Puts the hyphens back into 20 characters: TTTT-RRRRRR-DD-PP-NNNNNC. */
const hyphenate = (s: string): string =>
  `${s.slice(0, 4)}-${s.slice(4, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}-${s.slice(14)}`;

describe("MOD 11-2 check character (spec §2, GB/T 40058-2021, ISO/IEC 7064)", () => {
  it("computes vectors worked out by hand", () => {
    // Weights 2^(i-1) mod 11 of the 19 body positions, i = 20 … 2, left to right:
    //   6 3 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2   (the check character, i = 1, weighs 1).
    // 2602-330106-01-01-00001: digits 2 6 0 2 3 3 0 1 0 6 0 1 0 1 0 0 0 0 1
    //   12 + 18 + 0 + 18 + 30 + 15 + 0 + 4 + 0 + 6 + 0 + 3 + 0 + 9 + 0 + 0 + 0 + 0 + 2 = 117; 117 mod 11 = 7;
    //   c ≡ 1 − 7 ≡ 5 (mod 11) → "5".
    expect(projectCodeCheckCharacter("2602-330106-01-01-00001")).toBe("5");
    // The last digit weighs 2, so 00000 … 00009 give sums 115 + 2d:
    //   00004: 123 mod 11 = 2; c ≡ 1 − 2 ≡ 10 → "X".
    expect(projectCodeCheckCharacter("2602-330106-01-01-00004")).toBe("X");
    //   00009: 133 = 12 × 11 + 1; c ≡ 1 − 1 = 0 → "0".
    expect(projectCodeCheckCharacter("2602-330106-01-01-00009")).toBe("0");
    //   00000: 115 mod 11 = 5 → c ≡ −4 ≡ 7;  00003: 121 ≡ 0 → c = 1.
    expect(projectCodeCheckCharacter("2602-330106-01-01-00000")).toBe("7");
    expect(projectCodeCheckCharacter("2602-330106-01-01-00003")).toBe("1");
    // 2011-100000-99-99-99999 (first month of current codes, sites across provinces):
    //   2×6 + 0×3 + 1×7 + 1×9 + 1×10 = 38; the nine 9s weigh 6+3+7+9+10+5+8+4+2 = 54, 9 × 54 = 486;
    //   38 + 486 = 524 = 47 × 11 + 7; c ≡ 1 − 7 ≡ 5 → "5".
    expect(projectCodeCheckCharacter("2011-100000-99-99-99999")).toBe("5");
    // All zeros: sum 0, c = 1.
    expect(projectCodeCheckCharacter("0000000000000000000")).toBe("1");
  });

  it("gives the same character with or without hyphens", () => {
    expect(projectCodeCheckCharacter("2602330106010100004")).toBe("X");
    expect(projectCodeCheckCharacter("2011100000999999999")).toBe("5");
  });

  it("agrees with the GB 11643 resident identity number examples (same MOD 11-2 over 17 digits)", () => {
    // 11010519491231002X: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2;
    //   7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167 = 15 × 11 + 2; c ≡ 1 − 2 ≡ 10 → "X".
    expect(mod11_2CheckCharacter("11010519491231002")).toBe("X");
    // 440524188001010014: 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195 = 17 × 11 + 8; c ≡ −7 ≡ 4.
    expect(mod11_2CheckCharacter("44052418800101001")).toBe("4");
    // The 19-digit project code body goes through the same function.
    expect(mod11_2CheckCharacter("2602330106010100001")).toBe("5");
  });

  it("refuses bodies of the wrong shape", () => {
    expect(() => projectCodeCheckCharacter("260233010601010000")).toThrow(RangeError); // 18 digits
    expect(() => projectCodeCheckCharacter("26023301060101000011")).toThrow(RangeError); // 20 digits
    expect(() => projectCodeCheckCharacter("2602-330106-01-01-000015")).toThrow(RangeError); // a whole code
    expect(() => projectCodeCheckCharacter("26023-30106-01-01-00001")).toThrow(RangeError); // hyphen misplaced
    expect(() => projectCodeCheckCharacter("2602-330106-0101-00001")).toThrow(RangeError); // hyphen missing
    expect(() => projectCodeCheckCharacter("2602-33O106-01-01-00001")).toThrow(RangeError); // letter O
    expect(() => mod11_2CheckCharacter("")).toThrow(RangeError);
    expect(() => mod11_2CheckCharacter("1101051949123100X")).toThrow(RangeError);
  });
});

describe("parseProjectCode: format detection", () => {
  it("reads a current code", () => {
    expect(parseProjectCode("2602-330106-01-01-000015")).toEqual({
      format: "current",
      normalised: "2602-330106-01-01-000015",
      segments: { time: "2602", region: "330106", department: "01", type: "01", serial: "00001", check: "5" },
      checkCharacterValid: true,
      yearMonth: { year: 2026, month: 2 },
    });
    expect(isValidCurrentCode("2602-330106-01-01-000015")).toBe(true);
    expect(isValidCurrentCode("2602-330106-01-01-000090")).toBe(true);
  });

  it("normalises case and surrounding space, so a lower-case x is accepted", () => {
    const parsed = parseProjectCode("  2602-330106-01-01-00004x\n");
    expect(parsed.normalised).toBe("2602-330106-01-01-00004X");
    expect(parsed.format).toBe("current");
    expect(parsed.segments?.check).toBe("X");
    expect(parsed.checkCharacterValid).toBe(true);
    expect(isValidCurrentCode("2602-330106-01-01-00004x")).toBe(true);
  });

  it("keeps the format current when only the check character is wrong", () => {
    const parsed = parseProjectCode("2602-330106-01-01-000016");
    expect(parsed.format).toBe("current");
    expect(parsed.checkCharacterValid).toBe(false);
    expect(isValidCurrentCode("2602-330106-01-01-000016")).toBe(false);
    expect(isValidCurrentCode("2602-330106-01-01-000040")).toBe(false); // 00004 needs X
  });

  it("reads 2011 and 2012 as November and December 2020, and 9912 as December 2099", () => {
    expect(parseProjectCode("2011-100000-99-99-999995")).toMatchObject({
      format: "current",
      checkCharacterValid: true,
      yearMonth: { year: 2020, month: 11 },
    });
    const dec2020 = `2012-330106-01-01-00001${projectCodeCheckCharacter("2012-330106-01-01-00001")}`;
    expect(parseProjectCode(dec2020)).toMatchObject({ format: "current", yearMonth: { year: 2020, month: 12 } });
    const dec2099 = `9912-330106-01-01-00001${projectCodeCheckCharacter("9912-330106-01-01-00001")}`;
    expect(parseProjectCode(dec2099)).toMatchObject({ format: "current", yearMonth: { year: 2099, month: 12 } });
  });

  it("reads a legacy code, which has a six-digit serial and no check character", () => {
    expect(parseProjectCode("2019-330106-44-01-000123")).toEqual({
      format: "legacy",
      normalised: "2019-330106-44-01-000123",
      segments: { time: "2019", region: "330106", department: "44", type: "01", serial: "000123" },
      checkCharacterValid: true,
      yearMonth: { year: 2019 },
    });
    expect(parseProjectCode("2019-330106-44-01-000123").yearMonth?.month).toBeUndefined();
    expect(parseProjectCode("2013-110000-01-02-999999").format).toBe("legacy");
    expect(parseProjectCode("2020-110000-01-02-999999").format).toBe("legacy");
    expect(isValidCurrentCode("2019-330106-44-01-000123")).toBe(false);
  });

  it("refuses an X at the end of a legacy code", () => {
    expect(parseProjectCode("2019-330106-44-01-00012X").format).toBe("invalid");
    expect(parseProjectCode("2019-330106-44-01-00012x").format).toBe("invalid");
  });

  it.each([
    ["2113-330106-01-01-000015", "month 13"],
    ["2100-330106-01-01-000015", "month 00"],
    ["2010-330106-01-01-000015", "October 2020, before current codes and after legacy years"],
    ["2001-330106-01-01-000015", "January 2020"],
    ["1905-330106-01-01-000015", "1905"],
    ["2021-330106-01-01-000015", "2021 is neither a legacy year nor a month"],
    ["0001-330106-01-01-000015", "0001"],
    ["2602-330106-01-01-00001", "23 characters"],
    ["2602-330106-01-01-0000155", "25 characters"],
    ["2602-33010-601-01-000015", "segment lengths shifted"],
    ["26021-33010-01-01-000015", "first segment of five"],
    ["2602-33O106-01-01-000015", "letter O in the region"],
    ["2602-330106-0A-01-000015", "letter in the department"],
    ["2602-330106-01-01-X00015", "X not at the end"],
    ["2602-330106-01-01-00001Y", "a letter other than X at the end"],
    ["26023301060101000015", "no hyphens"],
    ["2602 330106 01 01 000015", "spaces for hyphens"],
    ["2602-330106-01-01- 000015", "space inside"],
    ["2602—330106—01—01—000015", "dashes that are not hyphen-minus"],
    ["２６０２-330106-01-01-000015", "full-width digits"],
    ["", "empty"],
  ])("refuses %s (%s)", (code) => {
    const parsed = parseProjectCode(code);
    expect(parsed.format).toBe("invalid");
    expect(parsed.checkCharacterValid).toBe(false);
    expect(parsed.segments).toBeUndefined();
    expect(parsed.yearMonth).toBeUndefined();
    expect(isValidCurrentCode(code)).toBe(false);
  });
});

describe("cstYearMonth and buildProjectCode", () => {
  it("takes the month in China Standard Time", () => {
    expect(cstYearMonth(new Date("2026-01-31T15:59:59.999Z"))).toBe("2601");
    expect(cstYearMonth(new Date("2026-01-31T16:00:00.000Z"))).toBe("2602");
    expect(cstYearMonth(new Date("2026-01-31T16:30:00Z"))).toBe("2602");
    expect(cstYearMonth(new Date("2025-12-31T15:59:59.999Z"))).toBe("2512");
    expect(cstYearMonth(new Date("2025-12-31T16:00:00Z"))).toBe("2601");
    expect(cstYearMonth(new Date("2026-03-01T07:59:59+08:00"))).toBe("2603");
  });

  it("refuses an invalid date and years outside 2000-2099", () => {
    expect(() => cstYearMonth(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => cstYearMonth(new Date("2099-12-31T16:00:00Z"))).toThrow(RangeError);
    expect(() => cstYearMonth(new Date("1999-12-31T15:59:59Z"))).toThrow(RangeError);
  });

  it("builds a code at a CST month boundary", () => {
    const parts = { regionCode: "330106", departmentCode: "01", projectTypeCode: "01", random5: "00004" };
    expect(buildProjectCode({ ...parts, at: new Date("2026-01-31T16:30:00Z") })).toBe("2602-330106-01-01-00004X");
    const before = buildProjectCode({ ...parts, at: new Date("2026-01-31T15:59:59.999Z") });
    expect(before.slice(0, 4)).toBe("2601");
    expect(before).toBe(`2601-330106-01-01-00004${projectCodeCheckCharacter("2601-330106-01-01-00004")}`);
    expect(isValidCurrentCode(before)).toBe(true);
  });

  it("starts in November 2020 (CST) and refuses earlier instants", () => {
    const parts = { regionCode: "100000", departmentCode: "99", projectTypeCode: "99", random5: "99999" };
    expect(buildProjectCode({ ...parts, at: new Date("2020-10-31T16:00:00Z") })).toBe("2011-100000-99-99-999995");
    expect(() => buildProjectCode({ ...parts, at: new Date("2020-10-31T15:59:59.999Z") })).toThrow(RangeError);
  });

  it("refuses parts of the wrong shape", () => {
    const ok = { at: new Date("2026-05-01T00:00:00Z"), regionCode: "330106", departmentCode: "01", projectTypeCode: "01" };
    expect(() => buildProjectCode({ ...ok, regionCode: "33010" })).toThrow(RangeError);
    expect(() => buildProjectCode({ ...ok, regionCode: "33010a" })).toThrow(RangeError);
    expect(() => buildProjectCode({ ...ok, departmentCode: "1" })).toThrow(RangeError);
    expect(() => buildProjectCode({ ...ok, projectTypeCode: "001" })).toThrow(RangeError);
    expect(() => buildProjectCode({ ...ok, random5: "1234" })).toThrow(RangeError);
    expect(() => buildProjectCode({ ...ok, random5: "123456" })).toThrow(RangeError);
    expect(() => buildProjectCode({ ...ok, random5: "1234X" })).toThrow(RangeError);
    expect(() => buildProjectCode({ ...ok, at: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it("draws five random digits by default", () => {
    const at = new Date("2026-05-01T00:00:00Z");
    const codes = Array.from({ length: 200 }, () =>
      buildProjectCode({ at, regionCode: "330106", departmentCode: "01", projectTypeCode: "01" }),
    );
    for (const code of codes) {
      const parsed = parseProjectCode(code);
      expect(parsed.format).toBe("current");
      expect(parsed.checkCharacterValid).toBe(true);
      expect(parsed.segments?.serial).toMatch(/^[0-9]{5}$/);
    }
    // 200 draws from 100 000 values: at least 150 distinct unless the source is broken.
    expect(new Set(codes).size).toBeGreaterThan(150);
  });
});

describe("properties", () => {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));
  const validCode = fc
    .record({
      // November 2020 CST to December 2099 CST.
      at: fc.date({ min: new Date("2020-10-31T16:00:00Z"), max: new Date("2099-12-31T15:59:59.999Z"), noInvalidDate: true }),
      regionCode: digits(6),
      departmentCode: digits(2),
      projectTypeCode: digits(2),
      random5: digits(5),
    })
    .map((parts) => ({ parts, code: buildProjectCode(parts) }));

  it("every built code parses as current with a valid check and the CST month", () => {
    fc.assert(
      fc.property(validCode, ({ parts, code }) => {
        expect(code).toHaveLength(24);
        const parsed = parseProjectCode(code);
        expect(parsed.format).toBe("current");
        expect(parsed.checkCharacterValid).toBe(true);
        expect(parsed.normalised).toBe(code);
        expect(parsed.segments).toMatchObject({
          time: cstYearMonth(parts.at),
          region: parts.regionCode,
          department: parts.departmentCode,
          type: parts.projectTypeCode,
          serial: parts.random5,
        });
        expect(weightedSumMod11(plain(code))).toBe(1);
        expect(isValidCurrentCode(code.toLowerCase())).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("changing any one character (a digit to another digit, or the check character) breaks the check", () => {
    fc.assert(
      fc.property(validCode, fc.nat(19), fc.integer({ min: 1, max: 10 }), ({ code }, position, shift) => {
        const chars = plain(code);
        const alphabet = position === 19 ? "0123456789X" : "0123456789";
        const current = alphabet.indexOf(chars.charAt(position));
        // Shift 1-10 within 11 symbols always lands elsewhere; for digits, skip the shift that wraps to itself.
        fc.pre(alphabet.length === 11 || shift < 10);
        const replacement = alphabet.charAt((current + shift) % alphabet.length);
        const mutated = chars.slice(0, position) + replacement + chars.slice(position + 1);
        expect(mutated).not.toBe(chars);
        expect(weightedSumMod11(mutated)).not.toBe(1);
        expect(projectCodeCheckCharacter(mutated.slice(0, 19))).not.toBe(mutated.charAt(19));
        expect(isValidCurrentCode(hyphenate(mutated))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("swapping two adjacent different digits breaks the check", () => {
    fc.assert(
      fc.property(validCode, fc.nat(18), ({ code }, k) => {
        const chars = plain(code);
        const a = chars.charAt(k);
        const b = chars.charAt(k + 1);
        fc.pre(a !== b && a !== "X" && b !== "X");
        const swapped = chars.slice(0, k) + b + a + chars.slice(k + 2);
        expect(weightedSumMod11(swapped)).not.toBe(1);
        expect(isValidCurrentCode(hyphenate(swapped))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("does not catch a swap ten places apart: the weights repeat every 10 positions (2^10 ≡ 1 mod 11)", () => {
    // Positions 15 and 5 from the right weigh 2^14 mod 11 = 5 and 2^4 mod 11 = 5: swapping them moves no sum.
    const chars = plain("2602-330106-01-01-000015");
    const swapped = `${chars.slice(0, 5)}${chars.charAt(15)}${chars.slice(6, 15)}${chars.charAt(5)}${chars.slice(16)}`;
    expect(swapped).not.toBe(chars);
    expect(hyphenate(swapped)).toBe("2602-300106-01-01-030015");
    expect(isValidCurrentCode(hyphenate(swapped))).toBe(true);
  });

  it("shares its shape with legacy codes, so a slip in a 2011/2012 time code can read as a legacy year", () => {
    // Spec §2 tells the forms apart by the first segment only: 2012 → 2019 is a valid-looking legacy code.
    expect(isValidCurrentCode("2012-330106-01-01-000015")).toBe(true);
    expect(isValidCurrentCode("2019-330106-01-01-000015")).toBe(false);
    expect(parseProjectCode("2019-330106-01-01-000015")).toMatchObject({ format: "legacy", checkCharacterValid: true });
  });
});
