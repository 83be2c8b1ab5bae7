/** The server's commission view (`GET /api/v1/commissions`, intermediary-services/commissions.service.ts). */
export type CommissionStatus = "commissioned" | "accepted" | "declined" | "delivered" | "evaluated" | "cancelled";
export type CommissionAction = "accept" | "decline" | "deliver" | "evaluate" | "cancel";

export interface CommissionClock {
  started: boolean;
  running: boolean;
  promisedWorkingDays: number;
  usedWorkingDays: number;
  remainingWorkingDays: number;
  dueDate: string | null;
  overdue: boolean;
  warning: "none" | "yellow" | "red";
}

export interface Commission {
  id: number;
  caseId: string;
  caseStatus: string;
  projectCode: string;
  projectName: string;
  matterCode: string;
  matterName: string;
  departmentId: number;
  department: string;
  intermediaryId: number;
  intermediary: string;
  service: string;
  requirements: string;
  promisedWorkingDays: number;
  status: CommissionStatus;
  commissionedBy: string;
  commissionedAt: string;
  acceptedAt: string | null;
  declinedAt: string | null;
  declinedReason: string | null;
  deliveredAt: string | null;
  report: { fileName: string; mediaType: string; size: number; sm3: string } | null;
  evaluation: { score: number; comment: string; evaluatedBy: string; evaluatedAt: string } | null;
  cancelledAt: string | null;
  cancelledReason: string | null;
  clock: CommissionClock;
  allowedActions: CommissionAction[];
}

/** `GET /api/v1/commissions/intermediaries`: who may be commissioned, for what. */
export interface CommissionOption {
  id: number;
  name: string;
  regionCode: string;
  services: { service: string; promisedWorkingDays: number }[];
}
