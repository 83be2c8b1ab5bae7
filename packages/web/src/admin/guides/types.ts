export type GuideStatus = "draft" | "submitted" | "published" | "superseded";

export interface MatterGuides {
  code: string;
  name: string;
  stage: string;
  published: { id: number; version: number } | null;
  working: { id: number; version: number; status: GuideStatus } | null;
}

export interface GuideContent {
  legalBasis: { title: string; article?: string; note?: string }[];
  content: string;
  acceptanceConditions: string[];
  procedure: string[];
  timeLimit: { statutory: string; promised: string };
  fees: { free: boolean; text: string; basis?: string };
  supervision: string;
  contacts: { office: string; phone: string; address: string; hours: string };
}

export interface GuideMaterial {
  code: string;
  name: string;
  required: boolean;
  heldByPlatform: boolean;
  note?: string;
  formats?: string[];
  maxSizeMb?: number;
}

export interface GuideVersion {
  id: number;
  matterCode: string;
  version: number;
  status: GuideStatus;
  content: GuideContent;
  materials: GuideMaterial[];
  createdAt: string;
  publishedAt: string | null;
}

export const STATUS_COLOR: Record<GuideStatus, string> = { draft: "default", submitted: "orange", published: "green", superseded: "" };

/** Empty optional texts are left out (the server refuses an empty string where a text is optional). */
export function cleanGuide(values: { content: GuideContent; materials: GuideMaterial[] }): { content: GuideContent; materials: GuideMaterial[] } {
  const opt = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => !(typeof v === "string" && v.trim() === "") && v !== undefined && v !== null)) as T;
  const c = values.content;
  return {
    content: { ...c, legalBasis: (c.legalBasis ?? []).map(opt), fees: opt({ ...c.fees, free: !!c.fees?.free }) },
    materials: (values.materials ?? []).map((m, i) =>
      opt({ ...m, code: m.code || `M${String(i + 1).padStart(2, "0")}`, required: !!m.required, heldByPlatform: !!m.heldByPlatform }),
    ),
  };
}

/** The next free material code (M01, M02, …). */
export function nextMaterialCode(materials: readonly { code?: string }[]): string {
  const used = materials.map((m) => Number(/^M(\d{2})$/.exec(m.code ?? "")?.[1] ?? 0));
  return `M${String(Math.max(0, ...used) + 1).padStart(2, "0")}`;
}
