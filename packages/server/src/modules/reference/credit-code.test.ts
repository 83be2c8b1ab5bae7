import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter, isValidCreditCode, validateCreditCode } from "./credit-code.js";

// GB 32100-2015 §4 and Annex: 31 characters, weights 3^(i-1) mod 31, check = 31 − (Σ mod 31), 31 → 0.
describe("统一社会信用代码 check character (GB 32100-2015)", () => {
  it("uses the 31-character set without I, O, S, V, Z", () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    for (const c of "IOSVZ") expect(CREDIT_CODE_CHARSET).not.toContain(c);
    expect(new Set(CREDIT_CODE_CHARSET).size).toBe(31);
  });

  it("computes vectors worked out by hand", () => {
    // 9 1 3 3 0 1 0 6 0 0 0 0 0 0 0 0 1 × 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    // 9 + 3 + 27 + 81 + 0 + 26 + 0 + 102 + 0 … + 28 = 276; 276 mod 31 = 28; 31 − 28 = 3 → "3".
    expect(creditCodeCheckCharacter("91330106000000001")).toBe("3");
    // Same without the last 1: 248 = 8 × 31, so 31 − 0 = 31, written 0.
    expect(creditCodeCheckCharacter("91330106000000000")).toBe("0");
    expect(creditCodeCheckCharacter("00000000000000000")).toBe("0");
    // 1 2 1 0 0 0 0 0 4 0 0 0 0 0 6 2 4: 1 + 6 + 9 + 0 … + 4×20 + 6×10 + 2×30 + 4×28 = 1+6+9+80+60+60+112 = 328;
    // 328 mod 31 = 18; 31 − 18 = 13 → the 14th character, "D".
    expect(creditCodeCheckCharacter("12100000400000624")).toBe("D");
    // Letters count by their place in the set: A = 10, C = 12, K = 19, M = 21, X = 29.
    // 9 1 1 1 0 1 0 8 M A 0 1 C 2 X K 1: 9+3+9+27+0+26+0+136+420+290+0+13+96+48+290+570+28 = 1965;
    // 1965 = 63 × 31 + 12; 31 − 12 = 19 → "K".
    expect(creditCodeCheckCharacter("91110108MA01C2XK1")).toBe("K");
  });

  it("accepts real published codes", () => {
    // As shown on the National Enterprise Credit Information Publicity System (国家企业信用信息公示系统).
    expect(isValidCreditCode("914403001922038216")).toBe(true); // 华为技术有限公司
    expect(isValidCreditCode("9144030071526726XG")).toBe(true); // 腾讯科技（深圳）有限公司
    expect(isValidCreditCode("91330100799655058B")).toBe(true); // 阿里巴巴（中国）有限公司
    expect(isValidCreditCode("91110000710925462X")).toBe(true); // 中国石油天然气股份有限公司
    expect(isValidCreditCode("91110108551385082Q")).toBe(true); // 小米科技有限责任公司
    expect(isValidCreditCode("91110000802100433B")).toBe(true); // 百度在线网络技术（北京）有限公司
  });

  it("refuses wrong length, characters outside the set, lower case and a wrong check", () => {
    expect(isValidCreditCode("91330106000000001")).toBe(false);
    expect(isValidCreditCode("9133010600000000130")).toBe(false);
    expect(isValidCreditCode("91330106000000001I")).toBe(false);
    expect(isValidCreditCode("9144030071526726xg")).toBe(false);
    expect(isValidCreditCode("914403001922038217")).toBe(false);
    expect(creditCodeCheckCharacter("9133010600000000O")).toBeNull();
    expect(creditCodeCheckCharacter("913301060000000")).toBeNull();
  });

  it("explains the problem in Chinese and English", () => {
    expect(validateCreditCode("914403001922038216")).toBeNull();
    expect(validateCreditCode("91440300192203821")).toMatchObject({ path: "creditCode", message: expect.stringContaining("18位") });
    expect(validateCreditCode("91440300192203821O", "unit.creditCode")).toMatchObject({
      path: "unit.creditCode",
      messageEn: expect.stringContaining("capital letters"),
    });
    const wrongCheck = validateCreditCode("914403001922038217");
    expect(wrongCheck?.message).toContain("校验位");
    expect(wrongCheck?.messageEn).toContain("check character");
  });

  const first17 = fc.array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 17, maxLength: 17 }).map((a) => a.join(""));

  it("property: a completed code is valid and matches the definition", () => {
    fc.assert(
      fc.property(first17, (p) => {
        const code = p + creditCodeCheckCharacter(p);
        expect(isValidCreditCode(code)).toBe(true);
        expect(creditCodeCheckCharacter(p)).toBe(checkByDefinition(p));
      }),
    );
  });

  it("property: changing any single character of a valid code makes it invalid", () => {
    const anyChar = fc.constantFrom(...`${CREDIT_CODE_CHARSET}IOSVZabc-`);
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), anyChar, (p, position, replacement) => {
        const code = p + creditCodeCheckCharacter(p);
        fc.pre(code.charAt(position) !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(isValidCreditCode(changed)).toBe(false);
        expect(validateCreditCode(changed)).not.toBeNull();
      }),
    );
  });
});

/** The rule written out independently of the implementation: weights as powers of 3 modulo 31. */
function checkByDefinition(p: string): string {
  let sum = 0;
  let weight = 1;
  for (const c of p) {
    sum += CREDIT_CODE_CHARSET.indexOf(c) * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}
