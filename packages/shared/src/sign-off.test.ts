import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SignDecision, signOffOutcome } from "./sign-off.js";

describe("会签 and 或签", () => {
  it("会签 (all): approved only when everyone approved; the first objection rejects", () => {
    expect(signOffOutcome("all", ["approve", null])).toBe("open");
    expect(signOffOutcome("all", ["approve", "approve"])).toBe("approved");
    expect(signOffOutcome("all", [null, "reject"])).toBe("rejected");
  });

  it("或签 (any): one approval suffices; rejected only when all objected", () => {
    expect(signOffOutcome("any", [null, "approve", null])).toBe("approved");
    expect(signOffOutcome("any", ["reject", null])).toBe("open");
    expect(signOffOutcome("any", ["reject", "reject"])).toBe("rejected");
  });

  it("会签 is never approved when 或签 is not, and 或签 never rejected when 会签 is not", () => {
    const decision = fc.constantFrom<SignDecision | null>("approve", "reject", null);
    fc.assert(
      fc.property(fc.array(decision, { minLength: 1, maxLength: 8 }), (ds) => {
        if (signOffOutcome("all", ds) === "approved") expect(signOffOutcome("any", ds)).toBe("approved");
        if (signOffOutcome("any", ds) === "rejected") expect(signOffOutcome("all", ds)).toBe("rejected");
      }),
    );
  });
});
