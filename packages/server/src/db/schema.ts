import type { ColumnType, Generated } from "kysely";

/** Kysely's view of the tables created by db/migrations. Keep in step with the SQL. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface RegionTable {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  parent_code: string | null;
  valid: ColumnType<boolean, boolean | undefined, boolean>;
  source: string;
}
export interface IndustryTable {
  code: string;
  name: string;
  level: "section" | "division" | "group" | "class";
  parent_code: string | null;
}
export interface CodeNameTable {
  code: string;
  name: string;
}
export interface OrganisationTable {
  id: Generated<number>;
  kind: "comprehensive" | "application" | "operations" | "intermediary" | "project_unit";
  name: string;
  short_name: string | null;
  region_code: string;
  credit_code: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  organisation_id: number;
  role: "project_unit" | "officer" | "leader" | "supervisor" | "ops_admin" | "security_admin" | "audit_admin";
  password_hash: string;
  password_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  totp_secret: string | null;
  second_factor_exempt: ColumnType<boolean, boolean | undefined, boolean>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  pending_totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  ip: string | null;
  user_agent: string | null;
}
export interface AuditEventTable {
  seq: Generated<number>;
  tx_id: ColumnType<string, never, never>;
  occurred_at: Timestamp;
  type: string;
  actor_user_id: number | null;
  actor_label: string;
  organisation_id: number | null;
  region_code: string | null;
  subject: string | null;
  payload: ColumnType<unknown, string, never>;
  request_id: string | null;
  ip: string | null;
}
export interface AuditChainTable {
  position: number;
  event_seq: number;
  prev_hash: string;
  hash: string;
  sealed_at: Timestamp;
}
export interface AuditSealStateTable {
  id: number;
  horizon_xid: string;
  last_position: number;
  last_hash: string;
  updated_at: Timestamp;
}
export interface SchemaMigrationTable {
  version: string;
  checksum: string;
  applied_at: ColumnType<Date, Date | string | undefined, never>;
}

export type ProjectStatus =
  | "declared" | "in_approval" | "approved" | "filed" | "under_construction" | "completed" | "suspended"
  | "withdrawn" | "superseded" | "lapsed";
export interface ProjectTable {
  id: Generated<number>;
  code: string;
  legacy_code: string | null;
  status: ProjectStatus;
  name: string;
  approval_category: "approval" | "verification" | "filing";
  project_type: string;
  central_department_code: string;
  region_code: string;
  jurisdiction: "central" | "local";
  unit_organisation_id: number;
  predecessor_code: string | null;
  successor_code: string | null;
  current_version: ColumnType<number, number | undefined, number>;
  declared_at: Timestamp;
  updated_at: Timestamp;
}
export interface ProjectVersionTable {
  project_id: number;
  version: number;
  data: ColumnType<unknown, string, never>;
  reason: string;
  created_at: Timestamp;
  created_by: number | null;
}
export interface CodeVerificationTable {
  id: Generated<number>;
  code: string;
  project_id: number | null;
  purpose: "acceptance" | "funding" | "bidding" | "disclosure";
  valid: boolean;
  reason: string | null;
  actor_user_id: number | null;
  actor_label: string;
  organisation_id: number | null;
  verified_at: Timestamp;
}

export interface MajorChangeRuleTable {
  region_code: string;
  investment_change_ratio: string;
  scale_change_ratio: string;
  site_move_is_major: boolean;
  source: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** 项目申报草稿 (0004): a half-filled declaration owned by a project unit. */
export interface ProjectDraftTable {
  id: string;
  organisation_id: number;
  created_by: number;
  updated_by: number;
  step: number;
  data: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MatterTable {
  code: string;
  name: string;
  department_id: number;
  kind: string;
  stage: string;
  statutory_working_days: number | null;
  statutory_calendar_days: number | null;
  statutory_source: string;
  extendable_working_days: number | null;
  extension_source: string | null;
  promised_working_days: number;
  promised_source: string;
  pause_reason_classes: string[];
  updated_at: Timestamp;
}
export interface ServiceGuideTable {
  id: Generated<number>;
  matter_code: string;
  version: number;
  status: "draft" | "submitted" | "published" | "superseded";
  content: ColumnType<unknown, string, string>;
  materials: ColumnType<unknown, string, string>;
  created_by: number | null;
  created_at: Timestamp;
  published_by: number | null;
  published_at: Timestamp | null;
}
export interface ApplicabilityRuleTable {
  id: Generated<number>;
  matter_code: string;
  region_code: string;
  condition: ColumnType<unknown, string, string>;
  note: ColumnType<unknown, string | null, string | null>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number | null;
  created_at: Timestamp;
}
export interface MatterCaseTable {
  id: string;
  project_id: number;
  matter_code: string;
  guide_id: number | null;
  status: "notified" | "submitted" | "accepted" | "paused" | "refused" | "completed" | "withdrawn";
  reasons: ColumnType<unknown, string, string>;
  decided_by_region: string | null;
  notified_at: Timestamp;
}

export interface DB {
  region: RegionTable;
  industry: IndustryTable;
  central_department: CodeNameTable;
  project_type: CodeNameTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  password_history: PasswordHistoryTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  audit_chain: AuditChainTable;
  audit_seal_state: AuditSealStateTable;
  schema_migration: SchemaMigrationTable;
  project: ProjectTable;
  project_version: ProjectVersionTable;
  code_verification: CodeVerificationTable;
  major_change_rule: MajorChangeRuleTable;
  matter: MatterTable;
  service_guide: ServiceGuideTable;
  applicability_rule: ApplicabilityRuleTable;
  matter_case: MatterCaseTable;
  project_draft: ProjectDraftTable;
}
