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
  role: "project_unit" | "officer" | "leader" | "supervisor" | "intermediary" | "ops_admin" | "security_admin" | "audit_admin";
  password_hash: string;
  password_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  totp_secret: string | null;
  second_factor_exempt: ColumnType<boolean, boolean | undefined, boolean>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  /** 0013: where notices are mailed when SMTP is configured. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** The current matter_version (0009). */
  version: number;
  /** 0012: 会签 (all) / 或签 (any) before completion, or none. */
  sign_off_mode: Generated<"none" | "all" | "any">;
}
/** 事项主数据版本 (0009): never edited or deleted. */
export interface MatterVersionTable {
  /** 0012 */
  sign_off_mode: Generated<"none" | "all" | "any">;
  matter_code: string;
  version: number;
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
  changed_by: number | null;
  changed_at: Timestamp;
  reason: string;
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
  /** 0009: why the rule was set, and when, by whom and by which rule it stopped. */
  reason: ColumnType<string | null, string | null | undefined, never>;
  deactivated_at: ColumnType<Date | null, never, Date | string>;
  deactivated_by: ColumnType<number | null, never, number>;
  deactivation_reason: ColumnType<string | null, never, string>;
  replaced_by: ColumnType<number | null, never, number>;
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
  /** 0009: the matter_version the project was told. */
  matter_version: number;
  /** 0010: handling department (filled from the matter by a trigger), officer, steps' results and the clock's stored answer. */
  department_id: ColumnType<number, number | undefined, number>;
  officer_id: number | null;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  closed_at: Timestamp | null;
  result: "granted" | "denied" | null;
  opinion: string | null;
  document_number: string | null;
  document_title: string | null;
  document_key: string | null;
  /** 0014: the decision document's name, size and SM3 digest. */
  document_file_name: string | null;
  document_size: number | null;
  document_sm3: string | null;
  statutory_days: number | null;
  statutory_unit: "working_day" | "calendar_day" | null;
  promised_days: number | null;
  extended_days: Generated<number>;
  due_date: ColumnType<string | null, string | null, string | null>;
  remaining_days: number | null;
  warning: Generated<"none" | "yellow" | "red">;
  calendar_version: string | null;
  last_step_at: Timestamp | null;
}
/** 办件环节 (0010): never changed once recorded. `on_date` is the CST date the clock counts. */
export interface CaseEventTable {
  id: Generated<number>;
  case_id: string;
  seq: number;
  type: string;
  at: Timestamp;
  on_date: ColumnType<string, string, never>;
  recorded_at: Timestamp;
  actor_kind: "unit" | "officer" | "leader" | "department_system";
  actor_user_id: number | null;
  api_key_id: number | null;
  actor_label: string;
  status_after: string;
  body: ColumnType<unknown, string, never>;
}
/** 会签/或签 round (0012). */
export interface CaseSignOffTable {
  id: Generated<number>;
  case_id: string;
  mode: "all" | "any";
  decision: ColumnType<unknown, string, never>;
  status: "open" | "approved" | "rejected";
  requested_by: number;
  requested_at: Timestamp;
  closed_at: Timestamp | null;
}
export interface CaseSignOffSignerTable {
  sign_off_id: number;
  user_id: number;
  decision: "approve" | "reject" | null;
  comment: string | null;
  decided_at: Timestamp | null;
}
export interface CaseWarningTable {
  id: Generated<number>;
  case_id: string;
  level: "yellow" | "red";
  due_date: ColumnType<string, string, never>;
  remaining_days: number;
  raised_at: Timestamp;
}
export interface CaseDeadlineChangeTable {
  id: Generated<number>;
  case_id: string;
  old_due_date: ColumnType<string | null, string | null, never>;
  new_due_date: ColumnType<string | null, string | null, never>;
  old_calendar: string | null;
  new_calendar: string;
  changed_at: Timestamp;
}
export interface UserMessageTable {
  id: Generated<number>;
  user_id: number | null;
  organisation_id: number | null;
  kind: string;
  subject: string;
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}
/** 0013: mails waiting for the SMTP server; written with the in-app message, sent by the outbox loop. */
export interface EmailOutboxTable {
  id: Generated<number>;
  user_id: number | null;
  to_address: string;
  subject: string;
  body: string;
  kind: string;
  created_at: Timestamp;
  next_attempt_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Timestamp | null;
}
export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  organisation_id: number;
  scopes: string[];
  key_prefix: string;
  key_sm3: string;
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}
export interface MaterialFileTable {
  id: Generated<number>;
  case_id: string;
  project_id: number;
  material_code: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sm3: string;
  storage_key: string;
  uploaded_by: number;
  uploaded_at: Timestamp;
  status: "current" | "replaced" | "withdrawn";
}

/** 政策信息 (0008_portal_content.sql). `issued_on` is a date, answered as "YYYY-MM-DD". */
export interface PolicyDocumentTable {
  id: Generated<number>;
  title: string;
  issuer: string;
  document_number: string | null;
  issued_on: string;
  category: "law" | "policy" | "notice" | "interpretation";
  body: string;
  attachments: ColumnType<unknown, string | undefined, string>;
  status: "draft" | "published" | "withdrawn";
  region_code: string;
  organisation_id: number;
  created_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_by: number | null;
  published_at: Timestamp | null;
  withdrawn_by: number | null;
  withdrawn_at: Timestamp | null;
  withdrawn_reason: string | null;
}
/** 中介服务机构 (0008_portal_content.sql). */
export interface IntermediaryOrgTable {
  id: Generated<number>;
  name: string;
  credit_code: string;
  region_code: string;
  organisation_id: number | null;
  qualifications: ColumnType<unknown, string | undefined, string>;
  services: ColumnType<unknown, string | undefined, string>;
  contact_name: string;
  contact_phone: string;
  address: string;
  status: "active" | "suspended";
  suspended_reason: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
}
/** 中介服务委托 (0011_commissions.sql). */
export interface IntermediaryCommissionTable {
  id: Generated<number>;
  case_id: string;
  intermediary_id: number;
  department_id: number;
  service: string;
  requirements: string;
  promised_working_days: number;
  status: "commissioned" | "accepted" | "declined" | "delivered" | "evaluated" | "cancelled";
  commissioned_by: number;
  commissioned_at: Timestamp;
  accepted_by: number | null;
  accepted_at: Timestamp | null;
  declined_by: number | null;
  declined_at: Timestamp | null;
  declined_reason: string | null;
  delivered_by: number | null;
  delivered_at: Timestamp | null;
  report_key: string | null;
  report_file_name: string | null;
  report_media_type: string | null;
  report_size: number | null;
  report_sm3: string | null;
  evaluation_score: number | null;
  evaluation_comment: string | null;
  evaluated_by: number | null;
  evaluated_at: Timestamp | null;
  cancelled_by: number | null;
  cancelled_at: Timestamp | null;
  cancelled_reason: string | null;
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
  case_event: CaseEventTable;
  case_warning: CaseWarningTable;
  case_sign_off: CaseSignOffTable;
  case_sign_off_signer: CaseSignOffSignerTable;
  case_deadline_change: CaseDeadlineChangeTable;
  user_message: UserMessageTable;
  api_key: ApiKeyTable;
  email_outbox: EmailOutboxTable;
  matter_version: MatterVersionTable;
  material_file: MaterialFileTable;
  project_draft: ProjectDraftTable;
  policy_document: PolicyDocumentTable;
  intermediary_org: IntermediaryOrgTable;
  intermediary_commission: IntermediaryCommissionTable;
}
