import { describe, expect, it } from "vitest";
import { COMMISSION_STATUSES, allowedCommissionEvents, applyCommissionEvent, isCommissionOpen } from "./commission.workflow.js";

describe("commission workflow (中介服务委托, Art. 16)", () => {
  it("runs commissioned → accepted → delivered → evaluated with the right party at each step", () => {
    expect(applyCommissionEvent("commissioned", "accept", "intermediary")).toEqual({ ok: true, next: "accepted", resumesCase: false });
    expect(applyCommissionEvent("accepted", "deliver", "intermediary")).toEqual({ ok: true, next: "delivered", resumesCase: true });
    expect(applyCommissionEvent("delivered", "evaluate", "department")).toEqual({ ok: true, next: "evaluated", resumesCase: false });
  });

  it("resumes the case when the commission ends without a report (declined, cancelled)", () => {
    expect(applyCommissionEvent("commissioned", "decline", "intermediary")).toEqual({ ok: true, next: "declined", resumesCase: true });
    expect(applyCommissionEvent("commissioned", "cancel", "department")).toEqual({ ok: true, next: "cancelled", resumesCase: true });
    expect(applyCommissionEvent("accepted", "cancel", "department")).toEqual({ ok: true, next: "cancelled", resumesCase: true });
  });

  it("never lets one party take the other's step", () => {
    expect(applyCommissionEvent("commissioned", "accept", "department")).toEqual({ ok: false, reason: "actor", allowedActor: "intermediary" });
    expect(applyCommissionEvent("accepted", "deliver", "department")).toMatchObject({ ok: false, reason: "actor" });
    expect(applyCommissionEvent("delivered", "evaluate", "intermediary")).toMatchObject({ ok: false, reason: "actor" });
    expect(applyCommissionEvent("commissioned", "cancel", "intermediary")).toMatchObject({ ok: false, reason: "actor" });
  });

  it("refuses steps out of order: no delivery before acceptance, no cancellation after delivery, nothing after the end", () => {
    expect(applyCommissionEvent("commissioned", "deliver", "intermediary")).toEqual({ ok: false, reason: "status", allowedFrom: ["accepted"] });
    expect(applyCommissionEvent("accepted", "decline", "intermediary")).toMatchObject({ ok: false, reason: "status" });
    expect(applyCommissionEvent("delivered", "cancel", "department")).toMatchObject({ ok: false, reason: "status" });
    expect(applyCommissionEvent("accepted", "evaluate", "department")).toMatchObject({ ok: false, reason: "status" });
    for (const end of ["declined", "evaluated", "cancelled"] as const) {
      expect(allowedCommissionEvents(end, "department"), end).toEqual([]);
      expect(allowedCommissionEvents(end, "intermediary"), end).toEqual([]);
    }
  });

  it("offers each party exactly its buttons, and only open commissions hold the case's clock", () => {
    expect(allowedCommissionEvents("commissioned", "intermediary")).toEqual(["accept", "decline"]);
    expect(allowedCommissionEvents("commissioned", "department")).toEqual(["cancel"]);
    expect(allowedCommissionEvents("accepted", "intermediary")).toEqual(["deliver"]);
    expect(allowedCommissionEvents("delivered", "department")).toEqual(["evaluate"]);
    expect(allowedCommissionEvents("commissioned", null)).toEqual([]);
    expect(COMMISSION_STATUSES.filter(isCommissionOpen)).toEqual(["commissioned", "accepted"]);
  });
});
