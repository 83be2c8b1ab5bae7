export type { DepartmentPerformance } from "@tzxm/shared";

/** GET /analytics/overview (server analytics.service.ts). */
export interface Figure {
  code: string;
  name?: string;
  projects: number;
  /** 万元 */
  investment: number;
}
export interface Overview {
  today: string;
  from: string;
  projects: { total: { projects: number; investment: number }; byRegion: Figure[]; byIndustry: Figure[]; byCategory: Figure[]; byStatus: Figure[] };
  throughput: { month: string; accepted: number; completed: number }[];
  departments: { departmentId: number; department: string; accepted: number; completed: number; onTime: number; onTimeRate: number | null }[];
  warnings: { yellow: number; red: number };
  cards: { yellow: number; red: number };
  rectifications: { open: number; overdue: number };
}

/** A card (黄牌/红牌) as GET /e-supervision/cards answers it. */
export interface SupervisionCard {
  id: number;
  ruleCode: string;
  ruleVersion: number;
  ruleName: string;
  ruleNameEn: string;
  ruleKind: string;
  level: "yellow" | "red";
  status: "open" | "acknowledged" | "closed";
  caseId: string;
  caseStatus: string;
  projectCode: string;
  projectName: string;
  matterCode: string;
  matterName: string;
  departmentId: number;
  department: string;
  evidence: {
    summary: string;
    summaryEn: string;
    steps: { seq: number; type: string; at: string; on: string; recordedAt: string; reason?: unknown }[];
    figures: Record<string, string | number | boolean | null>;
    fees?: { id: number; amount: string; item: string; at: string }[];
  };
  raisedAt: string;
  raisedOn: string;
  explanation: string | null;
  acknowledgedAt: string | null;
  closedAt: string | null;
  closingNote: string | null;
}
export interface CardPage {
  total: number;
  items: SupervisionCard[];
}

export interface SupervisionRule {
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  parameters: Record<string, unknown>;
  level: "yellow" | "red";
  enabled: boolean;
  basis: string;
  version: number;
  updatedAt: string;
}
