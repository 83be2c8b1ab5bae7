-- Intermediary services on the platform (Art. 16: 「中介服务事项及其委托办理过程要纳入在线平台运行，接受监督」):
-- a department commissions a registered intermediary (intermediary_org) for a case it handles; the intermediary's
-- staff sign in (the new role `intermediary`) to accept or decline, and deliver the report; the department
-- evaluates it. The case's clock is paused meanwhile (its steps are in case_event); the commission keeps its own.

alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
  check (role in ('project_unit', 'officer', 'leader', 'supervisor', 'intermediary', 'ops_admin', 'security_admin', 'audit_admin'));

create table intermediary_commission (
  id                     bigserial primary key,
  case_id                text not null references matter_case(id),
  intermediary_id        bigint not null references intermediary_org(id),
  department_id          bigint not null references organisation(id),   -- the commissioning department
  service                text not null check (length(service) between 1 and 100),   -- as listed by the intermediary
  requirements           text not null check (length(requirements) between 1 and 2000), -- scope and requirements
  promised_working_days  integer not null check (promised_working_days between 1 and 365), -- the intermediary's own limit
  status                 text not null check (status in ('commissioned', 'accepted', 'declined', 'delivered', 'evaluated', 'cancelled')),
  commissioned_by        bigint not null references app_user(id),
  commissioned_at        timestamptz(3) not null,
  accepted_by            bigint references app_user(id),
  accepted_at            timestamptz(3),
  declined_by            bigint references app_user(id),
  declined_at            timestamptz(3),
  declined_reason        text,
  delivered_by           bigint references app_user(id),
  delivered_at           timestamptz(3),
  -- The report: file-store key (its SM3 digest), the name given, media type derived from the checked extension.
  report_key             text,
  report_file_name       text,
  report_media_type      text,
  report_size            bigint,
  report_sm3             char(64),
  evaluation_score       smallint check (evaluation_score between 1 and 5),
  evaluation_comment     text,
  evaluated_by           bigint references app_user(id),
  evaluated_at           timestamptz(3),
  cancelled_by           bigint references app_user(id),
  cancelled_at           timestamptz(3),
  cancelled_reason       text,
  check (status <> 'declined' or declined_reason is not null),
  check (status <> 'cancelled' or cancelled_reason is not null),
  check (status not in ('delivered', 'evaluated') or (accepted_at is not null and delivered_at is not null and report_sm3 is not null)),
  check (status <> 'evaluated' or evaluation_score is not null)
);
create index intermediary_commission_case_idx on intermediary_commission(case_id);
create index intermediary_commission_intermediary_idx on intermediary_commission(intermediary_id, status);
create index intermediary_commission_department_idx on intermediary_commission(department_id, status);
-- A case waits for one intermediary at a time (its clock has one pause open).
create unique index intermediary_commission_one_open on intermediary_commission(case_id) where status in ('commissioned', 'accepted');
