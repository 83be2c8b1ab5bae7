import { describe, expect, it } from "vitest";
import { findNul } from "./text-guard.js";

describe("findNul", () => {
  it("names the path of the first string holding a NUL", () => {
    expect(findNul({ name: "ok", sites: [{ address: "a" }, { address: "b\u0000c" }] })).toBe("sites.1.address");
    expect(findNul({ code: "\u0000" })).toBe("code");
    expect(findNul("x\u0000")).toBe("");
  });

  it("finds none in clean input, numbers, nulls and raw upload bytes", () => {
    expect(findNul({ a: 1, b: null, c: [true, "文本"], d: { e: "2026-03-02" } })).toBeNull();
    expect(findNul(Buffer.from([0, 1, 2]))).toBeNull();
    expect(findNul(undefined)).toBeNull();
  });

  it("names a key that holds a NUL", () => {
    expect(findNul({ "k\u0000": 1 })).toBe("k\\0");
  });
});
