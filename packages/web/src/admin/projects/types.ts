import type { ApprovalCategory, ProjectStatus } from "@tzxm/shared";

/** One row of GET /api/v1/projects. */
export interface ProjectListItem {
  code: string;
  legacyCode?: string;
  name: string;
  unitName: string;
  regionCode: string;
  regionName: string;
  status: ProjectStatus;
  approvalCategory: ApprovalCategory;
  declaredAt: string;
}

/** The filters of the search, as the query string carries them (dates are CST calendar dates). A type, not an
 * interface, so that it is assignable to the client's query record. */
export type ProjectFilters = {
  code?: string | undefined;
  legacyCode?: string | undefined;
  name?: string | undefined;
  unit?: string | undefined;
  region?: string | undefined;
  status?: ProjectStatus | undefined;
  declaredFrom?: string | undefined;
  declaredTo?: string | undefined;
};

export type ProjectQuery = ProjectFilters & { page: number; pageSize: number };

/** GET /api/v1/projects/{code} (interface specification §3: the whole record). */
export interface ProjectRecord {
  code: string;
  legacyCode?: string;
  status: ProjectStatus;
  name: string;
  approvalCategory: ApprovalCategory;
  projectType: string;
  centralDepartmentCode: string;
  regionCode: string;
  jurisdiction: "central" | "local";
  unit: { name: string; creditCode: string | null };
  predecessorCode?: string;
  successorCode?: string;
  version: number;
  declaredAt: string;
  updatedAt: string;
  /** The latest version of the declaration (spec §4 body), as the server stored it. */
  declaration?: unknown;
}

/** GET /api/v1/projects/{code}/events: every event under the code, oldest first. */
export interface ProjectEvents {
  code: string;
  items: { seq: number; occurredAt: string; type: string; actor: string; payload: unknown }[];
}
