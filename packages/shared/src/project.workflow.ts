import type { ProjectStatus } from "./declaration.js";

/**
 * The project's own life (spec §5 ProjectStatus) as a pure state machine, shared by the server (which enforces
 * it) and the web (which offers only the allowed buttons): which change a project unit may apply for in which state (Art. 12, 14(1): 变更、延期、中止、撤回). Approval states (in_approval, approved) and
 * implementation states (under_construction, completed, lapsed) are moved by their own modules later; here they
 * only constrain what a unit may do.
 */
export type ProjectChangeKind = "adjustment" | "extension" | "suspension" | "withdrawal" | "major_change";

/** States in which the project is still alive under its code. */
const LIVE: readonly ProjectStatus[] = ["declared", "in_approval", "approved", "filed", "under_construction"];

const ALLOWED: Record<ProjectChangeKind, readonly ProjectStatus[]> = {
  // Information may be adjusted or the schedule extended while the project lives, also when suspended.
  adjustment: [...LIVE, "suspended"],
  extension: [...LIVE, "suspended"],
  suspension: LIVE,
  // A project already under construction or approved is not withdrawn but suspended or completed.
  withdrawal: ["declared", "in_approval", "filed", "suspended"],
  // A major change needs new approval, verification or filing under a new code (Art. 12).
  major_change: [...LIVE, "suspended"],
};

/** The state after the change, for the code the change was applied to. */
const NEXT: Record<ProjectChangeKind, ProjectStatus | "unchanged"> = {
  adjustment: "unchanged",
  extension: "unchanged",
  suspension: "suspended",
  withdrawal: "withdrawn",
  major_change: "superseded",
};

export type Transition = { ok: true; next: ProjectStatus } | { ok: false; allowedFrom: readonly ProjectStatus[] };

export function applyChange(current: ProjectStatus, kind: ProjectChangeKind): Transition {
  if (!ALLOWED[kind].includes(current)) return { ok: false, allowedFrom: ALLOWED[kind] };
  const next = NEXT[kind];
  return { ok: true, next: next === "unchanged" ? current : next };
}

/** What a unit can ask for (a major change is not asked for: an adjustment or extension turns out to be one). */
export const CHANGE_KIND_LABELS: Record<ProjectChangeKind, string> = {
  adjustment: "项目变更",
  extension: "项目延期",
  suspension: "项目中止",
  withdrawal: "项目撤回",
  major_change: "重大变更",
};

export type UnitChangeKind = Exclude<ProjectChangeKind, "major_change">;
export const UNIT_CHANGE_KINDS: readonly UnitChangeKind[] = ["adjustment", "extension", "suspension", "withdrawal"];

export function changeKindsFor(status: ProjectStatus): UnitChangeKind[] {
  return UNIT_CHANGE_KINDS.filter((kind) => ALLOWED[kind].includes(status));
}

/**
 * Implementation reports (实施情况报告, Art. 14(5); spec §7) and the status each moves the project to: 开工 from an
 * approved or filed project, 进度 while under construction, 竣工 ends it, 停工/复工 suspend and resume works, and
 * 延期开工 is reported while not yet started. `resumption` needs works that were suspended by a report (a project
 * suspended by a change application resumes through its own procedure).
 */
export type ReportKind = "start" | "progress" | "completion" | "delay" | "suspension" | "resumption";
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  start: "开工",
  progress: "建设进度",
  completion: "竣工",
  delay: "延期开工",
  suspension: "停工",
  resumption: "复工",
};

export const REPORT_KINDS: readonly ReportKind[] = ["start", "progress", "completion", "delay", "suspension", "resumption"];

const NOT_STARTED: readonly ProjectStatus[] = ["approved", "filed"];
const REPORT_FROM: Record<ReportKind, readonly ProjectStatus[]> = {
  start: NOT_STARTED,
  delay: NOT_STARTED,
  progress: ["under_construction"],
  completion: ["under_construction"],
  suspension: ["under_construction"],
  resumption: ["suspended"],
};
const REPORT_NEXT: Record<ReportKind, ProjectStatus | "unchanged"> = {
  start: "under_construction",
  delay: "unchanged",
  progress: "unchanged",
  completion: "completed",
  suspension: "suspended",
  resumption: "under_construction",
};

export function applyReport(current: ProjectStatus, kind: ReportKind, worksSuspended: boolean): Transition {
  const allowed = REPORT_FROM[kind];
  if (!allowed.includes(current) || (kind === "resumption" && !worksSuspended)) return { ok: false, allowedFrom: allowed };
  const next = REPORT_NEXT[kind];
  return { ok: true, next: next === "unchanged" ? current : next };
}

/** The reports a unit may make now (the web offers only these). */
export function reportKindsFor(status: ProjectStatus, worksSuspended: boolean): ReportKind[] {
  return REPORT_KINDS.filter((kind) => applyReport(status, kind, worksSuspended).ok);
}
