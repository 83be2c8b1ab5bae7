-- 监管 (issue 6 point 3; Art. 10: supervision and penalty information is aggregated under the project code; Art. 14(5):
-- departments have problems rectified; Art. 18: supervision information and penalty results are disclosed). Every
-- change here is also an audit event whose subject is the project code, so the project's timeline shows it.
-- Other modules read these tables; columns are added, never renamed or repurposed:
--   * rectifications (electronic supervision, performance): open = status in ('open', 'submitted'); closed = 'closed'
--     with closed_on; overdue = status <> 'closed' and deadline < today (CST); closed late = closed_on > deadline;
--     organisation_id is the issuing department, the region is the project's (project.region_code).
--   * disclosure (Art. 18): penalty_decision rows with public = true (document_number, decided_on, violation, basis,
--     penalty, amount, the department and the project); supervision results: closed inspections (department, mode,
--     inspected_on, findings counted by severity) and their orders' outcomes; the abnormal list (listing, removal).
--     Not public: findings' descriptions, the units' rectification reports and attachments, who recorded what.

-- 监督检查: an on-site or online inspection of one project by a department.
create table inspection (
  id               bigserial primary key,
  project_id       bigint not null references project(id),
  organisation_id  bigint not null references organisation(id),   -- the inspecting department
  mode             text not null check (mode in ('on_site', 'online')),
  inspected_on     date not null,
  inspectors       text not null check (length(inspectors) between 1 and 200),
  summary          text not null check (length(summary) between 1 and 4000),
  status           text not null default 'open' check (status in ('open', 'closed')),
  created_by       bigint not null references app_user(id),
  created_at       timestamptz(3) not null,
  closed_by        bigint references app_user(id),
  closed_at        timestamptz(3),
  check ((status = 'closed') = (closed_at is not null))
);
create index inspection_project_idx on inspection(project_id);
create index inspection_organisation_idx on inspection(organisation_id, inspected_on desc);

-- 检查发现的问题.
create table inspection_finding (
  id             bigserial primary key,
  inspection_id  bigint not null references inspection(id),
  project_id     bigint not null references project(id),
  category       text not null check (length(category) between 1 and 100),
  description    text not null check (length(description) between 1 and 2000),
  severity       text not null check (severity in ('minor', 'major', 'serious'))
);
create index inspection_finding_inspection_idx on inspection_finding(inspection_id);

-- 整改通知: open → submitted (the unit's report) → closed (accepted), or back to open (returned with a reason).
-- Overdue is not a status: open or submitted past the deadline (CST), computed when read.
create table rectification_order (
  id               bigserial primary key,
  project_id       bigint not null references project(id),
  organisation_id  bigint not null references organisation(id),   -- the issuing department
  inspection_id    bigint references inspection(id),
  finding_id       bigint references inspection_finding(id),
  document_number  text check (document_number is null or length(document_number) between 1 and 100),
  requirements     text not null check (length(requirements) between 1 and 4000),
  issued_on        date not null,
  deadline         date not null,
  status           text not null default 'open' check (status in ('open', 'submitted', 'closed')),
  closed_on        date,
  closed_by        bigint references app_user(id),
  created_by       bigint not null references app_user(id),
  created_at       timestamptz(3) not null,
  check (deadline >= issued_on),
  check ((status = 'closed') = (closed_on is not null))
);
create index rectification_order_project_idx on rectification_order(project_id);
create index rectification_order_open_idx on rectification_order(status, deadline) where status <> 'closed';
create index rectification_order_organisation_idx on rectification_order(organisation_id, status);

-- The follow-up of an order, one row per step, never changed: issued, the unit's reports (text and an optional
-- attachment in the file store), returns with their reasons, the acceptance.
create table rectification_step (
  id                    bigserial primary key,
  order_id              bigint not null references rectification_order(id),
  seq                   integer not null,
  type                  text not null check (type in ('issue', 'report', 'return', 'accept')),
  body                  text,
  attachment_key        text,
  attachment_file_name  text,
  attachment_media_type text,
  attachment_size       bigint,
  attachment_sm3        char(64),
  actor_id              bigint not null references app_user(id),
  actor_label           text not null,
  at                    timestamptz(3) not null,
  unique (order_id, seq)
);

-- 行政处罚决定: always with its 决定书文号; `public` (default) marks it for disclosure (Art. 18).
create table penalty_decision (
  id               bigserial primary key,
  project_id       bigint not null references project(id),
  organisation_id  bigint not null references organisation(id),   -- the deciding department
  document_number  text not null check (length(document_number) between 1 and 100),
  decided_on       date not null,
  violation        text not null check (length(violation) between 1 and 2000),
  basis            text not null check (length(basis) between 1 and 2000),
  penalty          text not null check (length(penalty) between 1 and 1000),
  amount           numeric(16, 2) check (amount is null or amount >= 0),   -- 元
  public           boolean not null default true,
  created_by       bigint not null references app_user(id),
  created_at       timestamptz(3) not null,
  unique (organisation_id, document_number)
);
create index penalty_decision_project_idx on penalty_decision(project_id);
create index penalty_decision_public_idx on penalty_decision(decided_on desc) where public;

-- 异常名录: a unit's project listed (an unrectified order past its deadline, false reports …) until removed.
create table abnormal_listing (
  id                    bigserial primary key,
  project_id            bigint not null references project(id),
  unit_organisation_id  bigint not null references organisation(id),
  organisation_id       bigint not null references organisation(id),   -- the listing department
  reason                text not null check (length(reason) between 1 and 1000),
  listed_on             date not null,
  listed_by             bigint not null references app_user(id),
  removed_on            date,
  removed_reason        text,
  removed_by            bigint references app_user(id),
  created_at            timestamptz(3) not null,
  check ((removed_on is null) = (removed_reason is null)),
  check (removed_on is null or removed_on >= listed_on)
);
-- A project is on the list once at a time.
create unique index abnormal_listing_active_idx on abnormal_listing(project_id) where removed_on is null;
create index abnormal_listing_unit_idx on abnormal_listing(unit_organisation_id);
