import type { GuideContent, GuideMaterial } from "../../admin/guides/types.js";

export type { GuideContent, GuideMaterial };

/** `GET /api/v1/public/guides` item: a matter with its published service guide. */
export interface PublicGuideSummary {
  matterCode: string;
  matterName: string;
  department: string;
  departmentId: number;
  kind: string;
  stage: string;
  version: number;
  publishedAt: string;
  statutoryWorkingDays: number | null;
  statutoryCalendarDays: number | null;
  promisedWorkingDays: number;
}

export interface PublicGuideList {
  items: PublicGuideSummary[];
  page: number;
  pageSize: number;
  total: number;
}

/** `GET /api/v1/public/guides/{matterCode}`: the published guide in full (Art. 8). */
export interface PublicGuide {
  matter: {
    code: string;
    name: string;
    department: string;
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
  };
  version: number;
  publishedAt: string;
  content: GuideContent;
  materials: GuideMaterial[];
}

type Label = { zh: string; en: string };

/** Matter kinds of Art. 3 (as the server's MATTER_KINDS). */
export const KIND_LABELS: Record<string, Label> = {
  administrative_licence: { zh: "行政许可", en: "Administrative licence" },
  internal_approval: { zh: "政府内部审批", en: "Internal government approval" },
  filing: { zh: "备案", en: "Filing" },
  assessment: { zh: "评估评审", en: "Assessment" },
  technical_review: { zh: "技术审查", en: "Technical review" },
  intermediary_service: { zh: "中介服务", en: "Intermediary service" },
};

/** Approval stages (国办发〔2019〕11号), in their order (as the server's MATTER_STAGES). */
export const STAGE_LABELS: Record<string, Label> = {
  land_planning: { zh: "立项用地规划许可", en: "Project approval, land use and planning" },
  construction_permit_engineering: { zh: "工程建设许可", en: "Engineering construction permit" },
  construction_permit: { zh: "施工许可", en: "Construction permit" },
  completion_acceptance: { zh: "竣工验收", en: "Completion acceptance" },
};

/** Steps that stop a matter's clock (spec §6 `pause`). */
export const PAUSE_LABELS: Record<string, Label> = {
  supplement: { zh: "补正材料", en: "Supplementing materials" },
  expert_review: { zh: "专家评审", en: "Expert review" },
  hearing: { zh: "听证", en: "Hearing" },
  public_notice: { zh: "公示", en: "Public notice" },
  intermediary: { zh: "中介服务", en: "Intermediary service" },
  site_inspection: { zh: "现场踏勘", en: "Site inspection" },
  other: { zh: "其他", en: "Other" },
};

/** A publication instant as its date in China Standard Time (business dates are CST). */
export function cstDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
}
