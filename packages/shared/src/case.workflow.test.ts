import { describe, expect, it } from "vitest";
import { CASE_EVENT_TYPES, CASE_STATUSES, type CaseActor, allowedCaseEvents, applyCaseEvent, clockEffectOf, isCaseClosed } from "./case.workflow.js";

describe("matter case workflow", () => {
  it("runs the ordinary path: submit → accept → pause → resume → complete", () => {
    expect(applyCaseEvent("notified", "submit", "unit")).toEqual({ ok: true, next: "submitted" });
    expect(applyCaseEvent("submitted", "accept", "officer")).toEqual({ ok: true, next: "accepted" });
    expect(applyCaseEvent("accepted", "pause", "officer")).toEqual({ ok: true, next: "paused" });
    expect(applyCaseEvent("paused", "resume", "officer")).toEqual({ ok: true, next: "accepted" });
    expect(applyCaseEvent("accepted", "complete", "officer")).toEqual({ ok: true, next: "completed" });
  });

  it("refusal and send-back happen only before acceptance; send-back returns the case to the unit", () => {
    expect(applyCaseEvent("submitted", "refuse", "officer")).toEqual({ ok: true, next: "refused" });
    expect(applyCaseEvent("submitted", "send_back", "officer")).toEqual({ ok: true, next: "notified" });
    expect(applyCaseEvent("accepted", "refuse", "officer")).toMatchObject({ ok: false, reason: "status", allowedFrom: ["submitted"] });
  });

  it("an extension needs a leader (or the department's own system reporting the leader's approval)", () => {
    expect(applyCaseEvent("accepted", "extend", "officer")).toMatchObject({ ok: false, reason: "actor" });
    expect(applyCaseEvent("accepted", "extend", "leader")).toEqual({ ok: true, next: "accepted" });
    expect(applyCaseEvent("paused", "extend", "department_system")).toEqual({ ok: true, next: "paused" });
  });

  it("a unit only submits and withdraws; departments never submit for it", () => {
    expect(allowedCaseEvents("notified", "unit")).toEqual(["submit", "withdraw"]);
    expect(allowedCaseEvents("accepted", "unit")).toEqual(["withdraw"]);
    expect(applyCaseEvent("notified", "submit", "officer")).toMatchObject({ ok: false, reason: "actor" });
  });

  it("closed cases allow nothing, for anybody", () => {
    const actors: CaseActor[] = ["unit", "officer", "leader", "department_system"];
    for (const status of CASE_STATUSES.filter(isCaseClosed)) {
      for (const actor of actors) expect(allowedCaseEvents(status, actor)).toEqual([]);
    }
  });

  it("every transition lands in a known status, and the clock hears only clock steps", () => {
    for (const status of CASE_STATUSES) {
      for (const event of CASE_EVENT_TYPES) {
        const t = applyCaseEvent(status, event, "leader");
        if (t.ok) expect(CASE_STATUSES).toContain(t.next);
      }
    }
    expect(clockEffectOf("accept", "submitted")).toBe("start");
    expect(clockEffectOf("withdraw", "submitted")).toBeNull();
    expect(clockEffectOf("withdraw", "paused")).toBe("stop");
    expect(clockEffectOf("transfer", "accepted")).toBeNull();
  });
});
