import { ROLE_PERMISSIONS } from "@tzxm/shared";
import { describe, expect, it } from "vitest";
import { messageLink } from "./message-link.js";

const unit = { role: "project_unit" as const, permissions: ROLE_PERMISSIONS.project_unit };
const officer = { role: "officer" as const, permissions: ROLE_PERMISSIONS.officer };
const supervisor = { role: "supervisor" as const, permissions: ROLE_PERMISSIONS.supervisor };

describe("messageLink", () => {
  it("opens a case step in the unit's 我的项目 and in the officer's 审批办件", () => {
    expect(messageLink("case.accept", "c-1", unit)).toBe("/admin/projects?case=c-1");
    expect(messageLink("case.submit_by_unit", "c-1", officer)).toBe("/admin/cases?case=c-1");
  });

  it("opens the project for what the unit is told about its project", () => {
    for (const kind of ["project.approved", "monitoring.progress_due", "rectification.ordered", "penalty.decided", "abnormal.listed"]) {
      expect(messageLink(kind, "2026-330100-44-01-000001", unit), kind).toBe("/admin/projects?project=2026-330100-44-01-000001");
    }
  });

  it("links nothing the reader cannot act on", () => {
    expect(messageLink("case.warning_red", "c-1", supervisor)).toBeNull();
    expect(messageLink("esupervision.card_red", "c-1", unit)).toBeNull();
    expect(messageLink("commission.created", "7", officer)).toBeNull();
  });
});
