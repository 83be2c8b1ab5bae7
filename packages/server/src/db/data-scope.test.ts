import { describe, expect, it } from "vitest";
import { regionInScope, regionPrefixOf } from "./data-scope.js";

describe("data scope by region (GB/T 2260 prefixes)", () => {
  it("maps a region to the prefix of everything inside it", () => {
    expect(regionPrefixOf("100000")).toBe("");
    expect(regionPrefixOf("330000")).toBe("33");
    expect(regionPrefixOf("330100")).toBe("3301");
    expect(regionPrefixOf("330106")).toBe("330106");
  });
  it("keeps a city's scope out of its neighbour", () => {
    const hz = { regionPrefix: regionPrefixOf("330100") };
    expect(regionInScope(hz, "330106")).toBe(true);
    expect(regionInScope(hz, "330203")).toBe(false);
    expect(regionInScope(hz, null)).toBe(false);
    expect(regionInScope({ regionPrefix: "" }, "110101")).toBe(true);
  });
});
