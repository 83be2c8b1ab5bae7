import { describe, expect, it } from "vitest";
import { applyReport, reportKindsFor } from "./project.workflow.js";

describe("implementation reports move the project's status (spec §7)", () => {
  it("a start report moves an approved or filed project under construction; a completion report completes it", () => {
    expect(applyReport("approved", "start", false)).toEqual({ ok: true, next: "under_construction" });
    expect(applyReport("filed", "start", false)).toEqual({ ok: true, next: "under_construction" });
    expect(applyReport("under_construction", "completion", false)).toEqual({ ok: true, next: "completed" });
    expect(applyReport("in_approval", "start", false).ok).toBe(false);
    expect(applyReport("lapsed", "start", false).ok).toBe(false);
  });

  it("suspension of works and resumption; a change application's suspension is not resumed by a report", () => {
    expect(applyReport("under_construction", "suspension", false)).toEqual({ ok: true, next: "suspended" });
    expect(applyReport("suspended", "resumption", true)).toEqual({ ok: true, next: "under_construction" });
    expect(applyReport("suspended", "resumption", false).ok).toBe(false);
  });

  it("what a unit may report in each state", () => {
    expect(reportKindsFor("filed", false)).toEqual(["start", "delay"]);
    expect(reportKindsFor("under_construction", false)).toEqual(["progress", "completion", "suspension"]);
    expect(reportKindsFor("suspended", true)).toEqual(["resumption"]);
    expect(reportKindsFor("completed", false)).toEqual([]);
  });
});
