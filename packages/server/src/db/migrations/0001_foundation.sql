-- Foundation: reference data, organisations, people, sessions and the audit trail.
-- Forward-only; runs unchanged on PostgreSQL 15 and on PGlite (PostgreSQL 18). Use nothing newer than 15.

-- Reference data -------------------------------------------------------------------------------------------
create table region (
  code         char(6) primary key,            -- GB/T 2260
  name         text not null,
  level        smallint not null check (level in (1, 2, 3)), -- 1 province, 2 prefecture, 3 county
  parent_code  char(6) references region(code),
  valid        boolean not null default true,  -- false once abolished by a later division change
  source       text not null                   -- where the row came from (NBS 2023 or a patch entry)
);
create index region_parent_idx on region(parent_code);

create table industry (
  code         text primary key,               -- GB/T 4754-2017: section letter A-T, 2-digit division, 3-digit group, 4-digit class
  name         text not null,
  level        text not null check (level in ('section', 'division', 'group', 'class')),
  parent_code  text references industry(code)
);

create table central_department (
  code  char(2) primary key,                   -- 中央业务指导部门代码 (spec §2)
  name  text not null
);

create table project_type (
  code  char(2) primary key,                   -- 项目类型代码 (spec §2)
  name  text not null
);

-- Organisations and people -----------------------------------------------------------------------------
create table organisation (
  id           bigserial primary key,
  kind         text not null check (kind in ('comprehensive', 'application', 'operations', 'intermediary', 'project_unit')),
  name         text not null,
  short_name   text,
  region_code  char(6) not null references region(code),
  credit_code  char(18) unique,                -- 统一社会信用代码 (GB 32100), required for project units
  created_at   timestamptz(3) not null default now(),
  check (kind <> 'project_unit' or credit_code is not null)
);
create index organisation_region_idx on organisation(region_code);

create table app_user (
  id                   bigserial primary key,
  username             text not null unique,
  display_name         text not null,
  organisation_id      bigint not null references organisation(id),
  role                 text not null check (role in ('project_unit', 'officer', 'leader', 'supervisor', 'ops_admin', 'security_admin', 'audit_admin')),
  password_hash        text not null,
  password_changed_at  timestamptz(3) not null default now(),
  totp_secret          text,                   -- base32; set when the second factor is enrolled
  second_factor_exempt boolean not null default false, -- demo users only
  failed_attempts      integer not null default 0,
  locked_until         timestamptz(3),
  disabled             boolean not null default false,
  created_at           timestamptz(3) not null default now()
);
create index app_user_organisation_idx on app_user(organisation_id);

create table password_history (
  id             bigserial primary key,
  user_id        bigint not null references app_user(id),
  password_hash  text not null,
  created_at     timestamptz(3) not null default now()
);
create index password_history_user_idx on password_history(user_id, created_at desc);

create table user_session (
  id            text primary key,              -- SM3 of the cookie token: a database leak reveals no live token
  user_id       bigint not null references app_user(id),
  csrf_token    text not null,
  created_at    timestamptz(3) not null,
  last_seen_at  timestamptz(3) not null,
  expires_at    timestamptz(3) not null,       -- absolute lifetime
  ended_at      timestamptz(3),
  end_reason    text,
  pending_totp_secret text,                    -- SM4-encrypted seed offered for enrolment, until confirmed
  ip            text,
  user_agent    text
);
create index user_session_user_idx on user_session(user_id);

-- Audit trail (痕迹管理) ---------------------------------------------------------------------------------
-- Events are written inside each use case's transaction and commit in parallel. tx_id records the writing
-- transaction so that the sealer can tell when every event below a horizon has committed or aborted
-- (pg_snapshot_xmin), and chain them in that order without ever skipping one.
create table audit_event (
  seq              bigserial primary key,
  tx_id            xid8 not null default pg_current_xact_id(),
  occurred_at      timestamptz(3) not null,
  type             text not null,
  actor_user_id    bigint,
  actor_label      text not null,             -- username, system name or 'anonymous'
  organisation_id  bigint,
  region_code      char(6),                   -- scope of the event, for data-scoped reading
  subject          text,                      -- what it is about: a project code, a username …
  payload          jsonb not null,
  request_id       text,
  ip               text
);
create index audit_event_tx_idx on audit_event(tx_id, seq);
create index audit_event_subject_idx on audit_event(subject);
create index audit_event_time_idx on audit_event(occurred_at);

create table audit_chain (
  position     bigint primary key,
  event_seq    bigint not null unique,
  prev_hash    char(64) not null,
  hash         char(64) not null,
  sealed_at    timestamptz(3) not null
);

-- The sealer's state; one row, claimed with FOR UPDATE SKIP LOCKED so that one process seals at a time.
create table audit_seal_state (
  id            smallint primary key check (id = 1),
  horizon_xid   xid8 not null,                 -- every event with tx_id below it is in the chain
  last_position bigint not null,
  last_hash     char(64) not null,
  updated_at    timestamptz(3) not null
);
insert into audit_seal_state values (1, '0'::xid8, 0, repeat('0', 64), now());

-- Append-only: the database itself refuses to change or remove audit rows (等保三级 审计记录保护).
create function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit records are append-only (审计记录不可修改或删除): % on %', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function refuse_audit_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function refuse_audit_change();
create trigger audit_chain_append_only before update or delete on audit_chain
  for each row execute function refuse_audit_change();
create trigger audit_chain_no_truncate before truncate on audit_chain
  for each statement execute function refuse_audit_change();
