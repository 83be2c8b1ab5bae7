import type { IntermediaryService, PublicIntermediary, Qualification } from "../../portal/intermediaries/types.js";
import type { PolicyAttachment, PolicyCategory } from "../../portal/policies/types.js";

export type { IntermediaryService, PolicyAttachment, PolicyCategory, Qualification };

export type PolicyStatus = "draft" | "published" | "withdrawn";
export type PolicyAction = "edit" | "publish" | "withdraw";

/** `GET /api/v1/policies` item: one of the organisation's documents, with what the caller's role may do now. */
export interface Policy {
  id: number;
  title: string;
  issuer: string;
  documentNumber: string | null;
  issuedOn: string;
  category: PolicyCategory;
  body: string;
  attachments: PolicyAttachment[];
  status: PolicyStatus;
  regionCode: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  actions: PolicyAction[];
}

export interface PolicyBody {
  title: string;
  issuer: string;
  documentNumber?: string | null;
  issuedOn: string;
  category: PolicyCategory;
  body: string;
}

export const POLICY_STATUS_COLOR: Record<PolicyStatus, string> = { draft: "default", published: "green", withdrawn: "red" };

/** `GET /api/v1/intermediaries` item. */
export interface Intermediary extends PublicIntermediary {
  organisationId: number | null;
  status: "active" | "suspended";
  suspendedReason: string | null;
}

export interface IntermediaryBody {
  name: string;
  creditCode: string;
  regionCode: string;
  organisationId?: number | null;
  qualifications: Qualification[];
  services: IntermediaryService[];
  contactName: string;
  contactPhone: string;
  address: string;
}
