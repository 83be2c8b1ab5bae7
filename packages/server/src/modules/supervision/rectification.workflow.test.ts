import { describe, expect, it } from "vitest";
import { RECTIFICATION_STATUSES, allowedRectificationEvents, applyRectificationEvent, isOverdue } from "./rectification.workflow.js";

describe("rectification workflow (整改通知, Art. 14(5))", () => {
  it("runs open → submitted → closed with the right party at each step", () => {
    expect(applyRectificationEvent("open", "report", "unit")).toEqual({ ok: true, next: "submitted" });
    expect(applyRectificationEvent("submitted", "accept", "department")).toEqual({ ok: true, next: "closed" });
  });

  it("returns a report to open, after which the unit reports again", () => {
    expect(applyRectificationEvent("submitted", "return", "department")).toEqual({ ok: true, next: "open" });
    expect(applyRectificationEvent("open", "report", "unit")).toEqual({ ok: true, next: "submitted" });
  });

  it("never lets one party take the other's step", () => {
    expect(applyRectificationEvent("open", "report", "department")).toEqual({ ok: false, reason: "actor", allowedActor: "unit" });
    expect(applyRectificationEvent("submitted", "accept", "unit")).toEqual({ ok: false, reason: "actor", allowedActor: "department" });
    expect(applyRectificationEvent("submitted", "return", "unit")).toMatchObject({ ok: false, reason: "actor" });
  });

  it("refuses steps out of order: no acceptance before a report, no second report while one waits, nothing after closing", () => {
    expect(applyRectificationEvent("open", "accept", "department")).toEqual({ ok: false, reason: "status", allowedFrom: ["submitted"] });
    expect(applyRectificationEvent("open", "return", "department")).toMatchObject({ ok: false, reason: "status" });
    expect(applyRectificationEvent("submitted", "report", "unit")).toEqual({ ok: false, reason: "status", allowedFrom: ["open"] });
    expect(allowedRectificationEvents("closed", "unit")).toEqual([]);
    expect(allowedRectificationEvents("closed", "department")).toEqual([]);
  });

  it("offers each party exactly its buttons", () => {
    expect(allowedRectificationEvents("open", "unit")).toEqual(["report"]);
    expect(allowedRectificationEvents("open", "department")).toEqual([]);
    expect(allowedRectificationEvents("submitted", "department")).toEqual(["accept", "return"]);
    expect(allowedRectificationEvents("submitted", "unit")).toEqual([]);
    expect(allowedRectificationEvents("open", null)).toEqual([]);
  });

  it("computes overdue from the deadline: the deadline day is in time, closed orders are never overdue", () => {
    expect(isOverdue("open", "2026-10-09", "2026-10-09")).toBe(false);
    expect(isOverdue("open", "2026-10-09", "2026-10-10")).toBe(true);
    expect(isOverdue("submitted", "2026-10-09", "2026-11-01")).toBe(true);
    expect(isOverdue("closed", "2026-10-09", "2026-11-01")).toBe(false);
    expect(RECTIFICATION_STATUSES.filter((s) => isOverdue(s, "2026-01-01", "2026-12-31"))).toEqual(["open", "submitted"]);
  });
});
