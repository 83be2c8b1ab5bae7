import type { CaseEventType, CaseStatus } from "@tzxm/shared";

/** The `clock` object of a case (server case-clock.ts presentClock). */
export interface CaseClock {
  statutoryWorkingDays: number | null;
  statutoryCalendarDays: number | null;
  promisedWorkingDays: number;
  extendedWorkingDays: number;
  limitUnit: "working_day" | "calendar_day";
  usedWorkingDays: number;
  remainingWorkingDays: number;
  dueDate: string | null;
  dueDateUnavailableYear: number | null;
  running: boolean;
  phase: "not_started" | "running" | "paused" | "stopped";
  warning: "none" | "yellow" | "red";
  overdue: boolean;
  promised: { usedWorkingDays: number; remainingWorkingDays: number; dueDate: string | null; warning: string; overdue: boolean } | null;
}

/** One row of the queue (GET /cases) and one card of the parallel view (GET /projects/:code/cases). */
export interface CaseSummary {
  caseId: string;
  projectCode: string;
  projectName: string;
  matterCode: string;
  matterName: string;
  stage: string;
  department: string;
  status: CaseStatus;
  result: "granted" | "denied" | null;
  documentNumber: string | null;
  lastStepAt: string | null;
  clock: CaseClock;
  allowedSteps: CaseEventType[];
}

export interface CaseQueue {
  total: number;
  items: CaseSummary[];
}

export interface CaseWorkload {
  department: string;
  items: { status: CaseStatus; warning: "none" | "yellow" | "red"; count: number }[];
}

export interface CaseEvent {
  seq: number;
  type: CaseEventType;
  at: string;
  on: string;
  actor: string;
  actorKind: string;
  statusAfter: CaseStatus;
  details: Record<string, unknown>;
}

/** GET /cases/:caseId. */
export interface CaseView extends Omit<CaseSummary, "result" | "documentNumber" | "lastStepAt"> {
  departmentId: number;
  acceptedOn?: string;
  completedOn?: string;
  result?: "granted" | "denied";
  documentNumber?: string;
  documentTitle?: string;
  opinion?: string;
  pauseReasonClasses: string[];
  /** 会签 (all) / 或签 (any) needed before completion, or none. */
  signOffMode: SignOffMode;
  /** 批文: the decision document, once the department attached it. */
  document?: CaseDocument;
  events: CaseEvent[];
}

export type SignOffMode = "none" | "all" | "any";

export interface CaseDocument {
  fileName: string;
  size: number;
  sm3: string;
}

/** The decision a sign-off round proposes (what `complete` would record). */
export interface ProposedDecision {
  result: "granted" | "denied";
  opinion: string;
  documentNumber: string;
  documentTitle: string;
}

/** GET /cases/:caseId/sign-off: the latest round, open or decided. */
export interface SignOffRound {
  id: number;
  mode: Exclude<SignOffMode, "none">;
  status: "open" | "approved" | "rejected";
  decision: ProposedDecision;
  signers: { userId: number; name: string; decision: "approve" | "reject" | null; comment: string | null; decidedAt: string | null }[];
}

/** GET /cases/:caseId/colleagues: the handling department's officers and leaders. */
export interface Colleague {
  id: number;
  name: string;
  role: "officer" | "leader";
}

export type DayRole = "start" | "counted" | "not_counted" | "pause_day" | "paused" | "resume_day" | "stop_day" | "today" | "projected" | "unavailable";

/** GET /cases/:caseId/clock. */
export interface ClockExplanation {
  caseId: string;
  today: string;
  calendarVersion: string;
  clock: CaseClock;
  days: { date: string; kind: "workday" | "weekend" | "holiday" | "adjusted_workday" | null; name?: string; role: DayRole; count?: number; due?: true }[];
}

export interface ProjectCases {
  code: string;
  stages: { stage: string; items: CaseSummary[] }[];
}
