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
  /** 0015/0016: 摘牌 — a delisted project disappears from the public disclosure lists. */
  delisted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** 0015: the decision date (审批/核准): completion of the matter that decides the project. */
  decision_on: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** 0015: its completion is the project's decision (审批/核准/备案). */
  decides_project: Generated<boolean>;
  /** 0018: no fee may be charged (行政许可法 第五十八条); filled from the kind when not given. */
  fee_free: Generated<boolean>;
}
/** 事项主数据版本 (0009): never edited or deleted. */
export interface MatterVersionTable {
  /** 0012 */
  sign_off_mode: Generated<"none" | "all" | "any">;
  /** 0015 */
  decides_project: Generated<boolean>;
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
/** 0019: request-rate counters shared by every process (http/rate-limit-store.ts). */
export interface RateLimitCounterTable {
  key: string;
  window_start: Timestamp;
  count: number;
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

/** 信息公开 (0016): one published fact; never deleted, only taken down once. */
export interface DisclosureItemTable {
  id: Generated<number>;
  kind: "approval" | "supervision" | "penalty";
  source: string;
  source_id: string;
  project_id: number | null;
  project_code: string;
  project_name: string;
  region_code: string;
  department_id: number | null;
  department: string;
  title: string;
  result: string | null;
  outcome: "granted" | "denied" | null;
  document_number: string | null;
  document_title: string | null;
  decided_on: ColumnType<string, string, never>;
  published_at: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawn_by: number | null;
  withdrawn_reason: string | null;
}

/** 0015: 实施情况报告 (spec §7); never edited. */
export interface ImplementationReportTable {
  id: Generated<number>;
  project_id: number;
  kind: "start" | "progress" | "completion" | "delay" | "suspension" | "resumption";
  on_date: string;
  /** numeric(16,2), 万元, as a decimal string. */
  investment_completed: string | null;
  progress_percent: number | null;
  note: string | null;
  images: ColumnType<unknown, string | null, never>;
  status_before: string;
  status_after: string;
  reported_by: number;
  reported_at: Timestamp;
}
/** 0015: progress-report frequency per region (Art. 24). */
export interface ReportFrequencyRuleTable {
  region_code: string;
  frequency: "monthly" | "quarterly" | "half_yearly" | "yearly";
  due_day: ColumnType<number, number | undefined, number>;
  updated_by: number | null;
  updated_at: Timestamp;
}
/** 0015: 延期开工 application (条例 第十二条), one per project. */
export interface ValidityExtensionTable {
  id: Generated<number>;
  project_id: number;
  department_id: number;
  months: number;
  reason: string;
  applied_on: string;
  applied_by: number;
  applied_at: Timestamp;
  decision_due_on: string;
  status: "pending" | "approved" | "refused";
  decided_on: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  opinion: string | null;
}
/** 0015: a filed project's online explanation (令2018年第14号 第十五条). */
export interface DormancyExplanationTable {
  id: Generated<number>;
  project_id: number;
  period_ends_on: string;
  explanation: string;
  explained_on: string;
  explained_by: number;
  explained_at: Timestamp;
}
/** 0015: each monitoring reminder, lapse or removal once per project, kind and due date. */
export interface MonitoringReminderTable {
  id: Generated<number>;
  project_id: number;
  kind: "progress_due_soon" | "progress_overdue" | "extension_window" | "validity_lapsed" | "dormancy_reminder" | "dormancy_delisted";
  due_date: string;
  raised_at: Timestamp;
  raised_on: string;
}
/** 0017 监督检查 (issue 6): an inspection of one project by a department. Dates are "YYYY-MM-DD". */
export interface InspectionTable {
  id: Generated<number>;
  project_id: number;
  organisation_id: number;
  mode: "on_site" | "online";
  inspected_on: string;
  inspectors: string;
  summary: string;
  status: ColumnType<"open" | "closed", "open" | "closed" | undefined, "open" | "closed">;
  created_by: number;
  created_at: Timestamp;
  closed_by: number | null;
  closed_at: Timestamp | null;
}
/** 0017: a problem an inspection found. */
export interface InspectionFindingTable {
  id: Generated<number>;
  inspection_id: number;
  project_id: number;
  category: string;
  description: string;
  severity: "minor" | "major" | "serious";
}
/** 0017 整改通知: overdue (open or submitted past `deadline`) is computed, not stored. */
export interface RectificationOrderTable {
  id: Generated<number>;
  project_id: number;
  organisation_id: number;
  inspection_id: number | null;
  finding_id: number | null;
  document_number: string | null;
  requirements: string;
  issued_on: string;
  deadline: string;
  status: ColumnType<"open" | "submitted" | "closed", "open" | "submitted" | "closed" | undefined, "open" | "submitted" | "closed">;
  closed_on: string | null;
  closed_by: number | null;
  created_by: number;
  created_at: Timestamp;
}
/** 0017: the follow-up of a rectification order, one row per step; never changed. */
export interface RectificationStepTable {
  id: Generated<number>;
  order_id: number;
  seq: number;
  type: "issue" | "report" | "return" | "accept";
  body: string | null;
  attachment_key: string | null;
  attachment_file_name: string | null;
  attachment_media_type: string | null;
  attachment_size: ColumnType<string | null, number | null, never>;
  attachment_sm3: string | null;
  actor_id: number;
  actor_label: string;
  at: Timestamp;
}
/** 0017 行政处罚决定. `amount` is numeric(16,2) 元 as a decimal string. */
export interface PenaltyDecisionTable {
  id: Generated<number>;
  project_id: number;
  organisation_id: number;
  document_number: string;
  decided_on: string;
  violation: string;
  basis: string;
  penalty: string;
  amount: ColumnType<string | null, string | null, never>;
  public: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number;
  created_at: Timestamp;
}
/** 0017 异常名录: listed until `removed_on`. */
export interface AbnormalListingTable {
  id: Generated<number>;
  project_id: number;
  unit_organisation_id: number;
  organisation_id: number;
  reason: string;
  listed_on: string;
  listed_by: number;
  removed_on: string | null;
  removed_reason: string | null;
  removed_by: number | null;
  created_at: Timestamp;
}
/** 0018 电子监察: a fee charged on a case (元, numeric as a decimal string). */
export interface CaseFeeTable {
  id: Generated<number>;
  case_id: string;
  amount: ColumnType<string, string, never>;
  item: string;
  at: Timestamp;
  recorded_by: number | null;
  api_key_id: number | null;
  recorded_at: Timestamp;
}
export type SupervisionRuleKind = "step_limit" | "overall_limit" | "refusal_without_reason" | "late_acceptance" | "completion_without_acceptance" | "fee_on_fee_free";
/** 0018: a configurable 电子监察 rule; `version` grows with each change. */
export interface SupervisionRuleTable {
  code: string;
  name: string;
  name_en: string;
  kind: SupervisionRuleKind;
  parameters: ColumnType<unknown, string, string>;
  level: "yellow" | "red";
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  basis: string;
  version: ColumnType<number, number | undefined, number>;
  updated_by: number | null;
  updated_at: Timestamp;
}
/** 0018: a yellow or red card (黄牌/红牌), once per rule, case and level. */
export interface SupervisionCardTable {
  id: Generated<number>;
  rule_code: string;
  rule_version: number;
  case_id: string;
  project_id: number;
  region_code: string;
  department_id: number;
  level: "yellow" | "red";
  evidence: ColumnType<unknown, string, never>;
  raised_at: Timestamp;
  raised_on: ColumnType<string, string, never>;
  status: ColumnType<"open" | "acknowledged" | "closed", "open" | undefined, "acknowledged" | "closed">;
  explanation: string | null;
  acknowledged_by: number | null;
  acknowledged_at: Timestamp | null;
  closed_by: number | null;
  closed_at: Timestamp | null;
  closing_note: string | null;
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
  rate_limit_counter: RateLimitCounterTable;
  email_outbox: EmailOutboxTable;
  matter_version: MatterVersionTable;
  material_file: MaterialFileTable;
  project_draft: ProjectDraftTable;
  policy_document: PolicyDocumentTable;
  intermediary_org: IntermediaryOrgTable;
  intermediary_commission: IntermediaryCommissionTable;
  implementation_report: ImplementationReportTable;
  report_frequency_rule: ReportFrequencyRuleTable;
  validity_extension: ValidityExtensionTable;
  dormancy_explanation: DormancyExplanationTable;
  monitoring_reminder: MonitoringReminderTable;
  disclosure_item: DisclosureItemTable;
  inspection: InspectionTable;
  inspection_finding: InspectionFindingTable;
  rectification_order: RectificationOrderTable;
  rectification_step: RectificationStepTable;
  penalty_decision: PenaltyDecisionTable;
  abnormal_listing: AbnormalListingTable;
  case_fee: CaseFeeTable;
  supervision_rule: SupervisionRuleTable;
  supervision_card: SupervisionCardTable;
}
