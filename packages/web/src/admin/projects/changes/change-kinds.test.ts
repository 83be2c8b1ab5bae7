import { describe, expect, it } from "vitest";
import { changeFormPath, changeKindsFor, parseVersionReason, percentToRatio } from "./change-kinds.js";

describe("the change buttons and the change form's paths", () => {
  it("offers what the shared project workflow allows in each state", () => {
    expect(changeKindsFor("declared")).toEqual(["adjustment", "extension", "suspension", "withdrawal"]);
    expect(changeKindsFor("approved")).toEqual(["adjustment", "extension", "suspension"]);
    expect(changeKindsFor("under_construction")).toEqual(["adjustment", "extension", "suspension"]);
    expect(changeKindsFor("suspended")).toEqual(["adjustment", "extension", "withdrawal"]);
    expect(changeKindsFor("withdrawn")).toEqual([]);
    expect(changeKindsFor("superseded")).toEqual([]);
    expect(changeKindsFor("completed")).toEqual([]);
    expect(changeKindsFor("lapsed")).toEqual([]);
  });

  it("reads the stored version reasons", () => {
    expect(parseVersionReason("declaration")).toEqual({ type: "declared" });
    expect(parseVersionReason("major_change:2026-330106-36-02-000001")).toEqual({ type: "major", previousCode: "2026-330106-36-02-000001" });
    expect(parseVersionReason("extension: 征地延迟")).toEqual({ type: "change", kind: "extension", text: "征地延迟" });
    expect(parseVersionReason("legacy import")).toEqual({ type: "other", text: "legacy import" });
  });

  it("turns a percentage into the server's fraction and maps server paths onto the form", () => {
    expect(percentToRatio(25)).toBe(0.25);
    expect(percentToRatio(-12.5)).toBe(-0.125);
    expect(percentToRatio(null)).toBeUndefined();
    expect(changeFormPath("declaration.plannedEnd")).toBe("plannedEnd");
    expect(changeFormPath("body.declaration.unit.creditCode")).toBe("unit.creditCode");
    expect(changeFormPath("scaleChangeRatio")).toBe("scalePercent");
    expect(changeFormPath("reason")).toBe("reason");
  });
});
