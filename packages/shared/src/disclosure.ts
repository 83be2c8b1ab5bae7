/**
 * 信息公开 (Art. 18) on the wire: `GET /api/v1/public/disclosures` (spec §8) and its back-office management list.
 * The server answers in these shapes and the portal and back office read them.
 */
export const DISCLOSURE_KINDS = ["approval", "supervision", "penalty"] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/** The spec §8 item plus what the platform adds (its id, the decision's date and outcome, the region). */
export interface PublicDisclosure {
  id: number;
  kind: DisclosureKind;
  projectCode: string;
  projectName: string;
  department: string;
  title: string;
  result?: string;
  outcome?: "granted" | "denied";
  documentNumber?: string;
  documentTitle?: string;
  decidedOn: string;
  publishedOn: string;
  publishedAt: string;
  regionCode: string;
}

export interface ManagedDisclosure extends PublicDisclosure {
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  /** Whether the caller may take it down now. */
  canWithdraw: boolean;
}
