import { describe, expect, it } from "vitest";
import { applyGuideEvent, canOpenDraft, guideEventsFor } from "./guide.workflow.js";

describe("service guide workflow (办事指南版本)", () => {
  it("moves draft → submitted → published for the right roles", () => {
    expect(applyGuideEvent("draft", "edit", "officer")).toEqual({ ok: true, next: "draft", supersedesPublished: false });
    expect(applyGuideEvent("draft", "submit", "officer")).toEqual({ ok: true, next: "submitted", supersedesPublished: false });
    expect(applyGuideEvent("submitted", "publish", "leader")).toEqual({ ok: true, next: "published", supersedesPublished: true });
    expect(applyGuideEvent("submitted", "return", "leader")).toEqual({ ok: true, next: "draft", supersedesPublished: false });
  });

  it("lets only a leader publish or return", () => {
    expect(applyGuideEvent("submitted", "publish", "officer")).toMatchObject({ ok: false, reason: "role" });
    expect(applyGuideEvent("submitted", "return", "officer")).toMatchObject({ ok: false, reason: "role" });
    for (const role of ["project_unit", "supervisor", "ops_admin", "security_admin", "audit_admin"] as const) {
      expect(applyGuideEvent("draft", "edit", role).ok, role).toBe(false);
      expect(applyGuideEvent("draft", "submit", role).ok, role).toBe(false);
    }
  });

  it("never edits, submits or publishes a version that is not in the right state", () => {
    for (const status of ["submitted", "published", "superseded"] as const) {
      expect(applyGuideEvent(status, "edit", "leader"), status).toEqual({ ok: false, reason: "state", allowedFrom: "draft" });
      expect(applyGuideEvent(status, "submit", "leader").ok, status).toBe(false);
    }
    expect(applyGuideEvent("draft", "publish", "leader")).toEqual({ ok: false, reason: "state", allowedFrom: "submitted" });
    expect(applyGuideEvent("published", "publish", "leader").ok).toBe(false);
    expect(applyGuideEvent("superseded", "return", "leader").ok).toBe(false);
  });

  it("offers each role only its buttons", () => {
    expect(guideEventsFor("draft", "officer")).toEqual(["edit", "submit"]);
    expect(guideEventsFor("submitted", "officer")).toEqual([]);
    expect(guideEventsFor("submitted", "leader")).toEqual(["return", "publish"]);
    expect(guideEventsFor("published", "leader")).toEqual([]);
  });

  it("opens a new draft only when none is being worked on", () => {
    expect(canOpenDraft(["published"])).toBe(true);
    expect(canOpenDraft(["superseded", "published"])).toBe(true);
    expect(canOpenDraft(["published", "draft"])).toBe(false);
    expect(canOpenDraft(["published", "submitted"])).toBe(false);
  });
});
