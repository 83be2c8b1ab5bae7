/** `GET /api/v1/public/intermediaries` and `/public/intermediaries/{id}` (中介服务, Art. 4). */
export interface Qualification {
  name: string;
  level: string;
  certificateNumber: string;
  validUntil: string;
}

export interface IntermediaryService {
  service: string;
  feeBasis: string;
  promisedWorkingDays: number;
}

export interface PublicIntermediary {
  id: number;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string | null;
  qualifications: Qualification[];
  services: IntermediaryService[];
  contactName: string;
  contactPhone: string;
  address: string;
  updatedAt: string;
}

export interface PublicIntermediaryList {
  items: PublicIntermediary[];
  page: number;
  pageSize: number;
  total: number;
}

/** Services commonly bought before approval; the directory's service filter suggests them. */
export const COMMON_SERVICES = [
  "环境影响评价报告编制",
  "水土保持方案编制",
  "节能评估报告编制",
  "社会稳定风险评估",
  "安全评价",
  "地质灾害危险性评估",
  "工程勘察设计",
] as const;
