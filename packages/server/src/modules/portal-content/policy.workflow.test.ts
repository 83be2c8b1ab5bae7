import { describe, expect, it } from "vitest";
import { applyPolicyEvent, isPublic, policyEventsFor } from "./policy.workflow.js";

describe("policy document workflow (政策信息)", () => {
  it("moves draft → published → withdrawn for a leader", () => {
    expect(applyPolicyEvent("draft", "edit", "officer")).toEqual({ ok: true, next: "draft" });
    expect(applyPolicyEvent("draft", "publish", "leader")).toEqual({ ok: true, next: "published" });
    expect(applyPolicyEvent("published", "withdraw", "leader")).toEqual({ ok: true, next: "withdrawn" });
  });

  it("lets an officer draft but only a leader publish or withdraw", () => {
    expect(applyPolicyEvent("draft", "publish", "officer")).toEqual({ ok: false, reason: "role", allowedRoles: ["leader"] });
    expect(applyPolicyEvent("published", "withdraw", "officer")).toMatchObject({ ok: false, reason: "role" });
    for (const role of ["project_unit", "supervisor", "ops_admin", "security_admin", "audit_admin"] as const) {
      expect(applyPolicyEvent("draft", "edit", role).ok, role).toBe(false);
      expect(applyPolicyEvent("draft", "publish", role).ok, role).toBe(false);
    }
  });

  it("never edits or republishes a published or withdrawn document", () => {
    for (const status of ["published", "withdrawn"] as const) {
      expect(applyPolicyEvent(status, "edit", "leader"), status).toEqual({ ok: false, reason: "state", allowedFrom: "draft" });
      expect(applyPolicyEvent(status, "publish", "leader").ok, status).toBe(false);
    }
    expect(applyPolicyEvent("draft", "withdraw", "leader")).toEqual({ ok: false, reason: "state", allowedFrom: "published" });
    expect(applyPolicyEvent("withdrawn", "withdraw", "leader").ok).toBe(false);
  });

  it("offers each role only its buttons, and shows only published documents", () => {
    expect(policyEventsFor("draft", "officer")).toEqual(["edit"]);
    expect(policyEventsFor("draft", "leader")).toEqual(["edit", "publish"]);
    expect(policyEventsFor("published", "leader")).toEqual(["withdraw"]);
    expect(policyEventsFor("published", "officer")).toEqual([]);
    expect(policyEventsFor("withdrawn", "leader")).toEqual([]);
    expect([isPublic("draft"), isPublic("published"), isPublic("withdrawn")]).toEqual([false, true, false]);
  });
});
