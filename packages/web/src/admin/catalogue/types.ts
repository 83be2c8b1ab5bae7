/** Shapes of the catalogue administration API (事项与规则, /api/v1/catalogue/…). */
export interface MatterMaster {
  name: string;
  departmentId: number;
  kind: string;
  stage: string;
  statutoryWorkingDays: number | null;
  statutoryCalendarDays: number | null;
  statutorySource: string;
  extendableWorkingDays: number | null;
  extensionSource: string | null;
  promisedWorkingDays: number;
  promisedSource: string;
  pauseReasonClasses: string[];
  signOffMode: "none" | "all" | "any";
}

export interface AdminMatter extends MatterMaster {
  code: string;
  version: number;
  department: string;
  guideVersion: number | null;
  activeRules: number;
  updatedAt: string;
  editable: boolean;
}

export interface Department {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
}

export interface MatterList {
  items: AdminMatter[];
  departments: Department[];
}

export interface MatterVersion extends MatterMaster {
  version: number;
  changedAt: string;
  changedBy: string | null;
  reason: string;
  department: string;
}

export interface RuleNote {
  zh: string;
  en: string;
}

export interface AdminRule {
  id: number;
  matterCode: string;
  matterName: string;
  regionCode: string;
  regionName: string | null;
  condition: unknown;
  note: RuleNote | null;
  active: boolean;
  reason: string | null;
  createdAt: string;
  createdBy: string | null;
  deactivatedAt: string | null;
  deactivatedBy: string | null;
  deactivationReason: string | null;
  replacedBy: number | null;
  editable: boolean;
}

export interface Reasons {
  zh: string[];
  en: string[];
}

export interface Decision {
  required: boolean;
  decidedBy: { regionCode: string; level: string } | null;
  reasons: Reasons;
}

export interface RulePreview {
  matterCode: string;
  project: { code: string; name: string; regionCode: string; told: boolean } | null;
  region: string;
  current: Decision | null;
  proposed: Decision | null;
}

export interface ReevaluationDiff {
  code: string;
  closed: boolean;
  added: { matterCode: string; matterName: string; department: string; matterVersion: number; guideVersion: number | null; reasons: Reasons }[];
  notRequired: { caseId: string; matterCode: string; matterName: string; status: string; withdrawable: boolean; reasons: Reasons }[];
  updated: {
    caseId: string;
    matterCode: string;
    matterName: string;
    status: string;
    toldMatterVersion: number;
    currentMatterVersion: number;
    toldGuideVersion: number | null;
    currentGuideVersion: number | null;
  }[];
}

export interface ReevaluationResult {
  code: string;
  added: { matterCode: string; caseId: string; matterVersion: number; guideVersion: number | null }[];
  withdrawn: { matterCode: string; caseId: string }[];
  keptNotRequired: { matterCode: string; caseId: string; status: string }[];
}

/** The condition as the editor shows it: indented JSON. */
export function conditionText(condition: unknown): string {
  return JSON.stringify(condition, null, 2);
}
