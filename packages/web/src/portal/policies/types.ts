/** `GET /api/v1/public/policies` and `/public/policies/{id}` (政策信息, Art. 4). */
export type PolicyCategory = "law" | "policy" | "notice" | "interpretation";

export const CATEGORY_LABELS: Record<PolicyCategory, { zh: string; en: string }> = {
  law: { zh: "法律法规", en: "Laws and regulations" },
  policy: { zh: "政策文件", en: "Policy documents" },
  notice: { zh: "通知公告", en: "Notices" },
  interpretation: { zh: "政策解读", en: "Interpretations" },
};

export const CATEGORY_COLORS: Record<PolicyCategory, string> = { law: "red", policy: "blue", notice: "green", interpretation: "purple" };

export interface PolicyAttachment {
  key: string;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface PublicPolicySummary {
  id: number;
  title: string;
  issuer: string;
  documentNumber: string | null;
  issuedOn: string;
  category: PolicyCategory;
  publishedAt: string;
  attachmentCount: number;
}

export interface PublicPolicyList {
  items: PublicPolicySummary[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PublicPolicy {
  id: number;
  title: string;
  issuer: string;
  documentNumber: string | null;
  issuedOn: string;
  category: PolicyCategory;
  body: string;
  attachments: PolicyAttachment[];
  publishedAt: string;
}

/** A file size people read: 1.2 MB, 35 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
