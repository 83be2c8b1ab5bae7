/** `GET /projects/{code}/obligations` and `/reports` (monitoring module). */
export type ReportKind = "start" | "progress" | "completion" | "delay" | "suspension" | "resumption";

export interface ImplementationReport {
  id: number;
  kind: ReportKind;
  on: string;
  investmentCompleted?: string;
  progressPercent?: number;
  note?: string;
  images?: string[];
  statusBefore: string;
  statusAfter: string;
  reportedAt: string;
}

export interface ProgressPeriod {
  from: string;
  to: string;
  dueDate: string | null;
  remindFrom: string | null;
  state: "covered" | "open" | "upcoming" | "due_soon" | "overdue" | "unknown";
  unavailableYear: number | null;
}

export interface Obligations {
  code: string;
  status: string;
  approvalCategory: string;
  today: string;
  allowedReports: ReportKind[];
  reportFrequency: string;
  progress: ProgressPeriod[];
  validity: {
    decisionOn: string;
    nominalExpiresOn: string;
    expiresOn: string | null;
    unavailableYear: number | null;
    extensionApplyBy: string | null;
    canApplyForExtension: boolean;
    lapsesOn: string | null;
    department?: string;
    extension?: {
      id: number;
      status: "pending" | "approved" | "refused";
      months: number;
      reason: string;
      appliedOn: string;
      decisionDueOn: string;
      decidedOn: string | null;
      opinion: string | null;
      canDecide: boolean;
    };
  } | null;
  dormancy: {
    phase: string;
    filedOn: string;
    periodEndsOn: string | null;
    delistOn: string | null;
    unavailableYear: number | null;
    delisted: boolean;
    canExplain: boolean;
    explanation?: { text: string; explainedOn: string };
  } | null;
}
