import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, passwordClasses } from "./password-policy.js";

describe("password policy (等保三级 身份鉴别)", () => {
  it("accepts 8+ characters of 3 classes", () => {
    expect(checkPasswordPolicy("Demo#2026", "demo-unit")).toEqual([]);
    expect(checkPasswordPolicy("abcdEF12", "someone")).toEqual([]);
  });
  it("refuses short passwords, too few classes and the username inside", () => {
    expect(checkPasswordPolicy("Ab1#", "x").map((p) => p.messageEn)).toContain("At least 8 characters");
    expect(checkPasswordPolicy("abcdefgh12", "x")).toHaveLength(1);
    expect(checkPasswordPolicy("Zhang#San1", "zhang")).toHaveLength(1);
    expect(checkPasswordPolicy("abcdefgh", "x")[0]?.path).toBe("newPassword");
  });
  it("counts character classes", () => {
    expect(passwordClasses("aA1!")).toBe(4);
    expect(passwordClasses("汉字汉字")).toBe(1);
  });
});
