/** What the supervision endpoints answer (packages/server/src/modules/supervision). Dates are "YYYY-MM-DD". */
export type Severity = "minor" | "major" | "serious";
export type OrderStatus = "open" | "submitted" | "closed";
export type OrderAction = "report" | "accept" | "return";

export interface Inspection {
  id: number;
  projectCode: string;
  projectName: string;
  departmentId: number;
  department: string;
  mode: "on_site" | "online";
  inspectedOn: string;
  inspectors: string;
  summary: string;
  status: "open" | "closed";
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  findings: { id: number; category: string; description: string; severity: Severity }[];
  canClose: boolean;
}

export interface RectificationOrder {
  id: number;
  projectCode: string;
  projectName: string;
  unit: string;
  departmentId: number;
  department: string;
  inspectionId: number | null;
  findingId: number | null;
  documentNumber: string | null;
  requirements: string;
  issuedOn: string;
  deadline: string;
  status: OrderStatus;
  overdue: boolean;
  daysOverdue: number;
  closedOn: string | null;
  steps: { seq: number; type: "issue" | "report" | "return" | "accept"; body: string | null; attachment: { fileName: string; size: number; sm3: string } | null; actor: string; at: string }[];
  allowedActions: OrderAction[];
}

export interface Penalty {
  id: number;
  projectCode: string;
  projectName: string;
  unit: string;
  department: string;
  documentNumber: string;
  decidedOn: string;
  violation: string;
  basis: string;
  penalty: string;
  amount: string | null;
  public: boolean;
  createdAt: string;
}

export interface Listing {
  id: number;
  projectCode: string;
  projectName: string;
  unit: string;
  unitCreditCode: string | null;
  department: string;
  reason: string;
  listedOn: string;
  removedOn: string | null;
  removedReason: string | null;
  active: boolean;
  canRemove: boolean;
}

export interface ProjectSupervision {
  code: string;
  name: string;
  unit: string;
  today: string;
  inspections: Inspection[];
  rectificationOrders: RectificationOrder[];
  penalties: Penalty[];
  abnormalListings: Listing[];
  canSupervise: boolean;
  canDecide: boolean;
}
