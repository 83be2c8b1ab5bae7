-- Matter cases handled in parallel under the working-day clock (Art. 14(2)-(4), 15, 17; spec §6): the steps of
-- each case, the clock's stored answer (recomputed from the steps and the calendar), warnings raised once each,
-- deadline changes caused by a newly loaded calendar year, in-app messages, and the API keys with which
-- departments' own business systems exchange steps with the platform.

alter table matter_case
  add column department_id         bigint references organisation(id),   -- the handling department (转办 moves it)
  add column officer_id            bigint references app_user(id),       -- the handling officer, once someone takes it
  add column submitted_at          timestamptz(3),
  add column accepted_at           timestamptz(3),
  add column closed_at             timestamptz(3),
  add column result                text check (result in ('granted', 'denied')),
  add column opinion               text,
  add column document_number       text,                                 -- 批准文号
  add column document_title        text,
  add column document_key          text,                                 -- file-store key of the decision document
  -- The limits the case is timed against, fixed when it is accepted (a later catalogue change never moves them).
  add column statutory_days        integer,
  add column statutory_unit        text check (statutory_unit in ('working_day', 'calendar_day')),
  add column promised_days         integer,
  add column extended_days         integer not null default 0,
  -- The clock's last computed answer, for queues, warnings and the benchmark; the steps remain the truth.
  add column due_date              date,
  add column remaining_days        integer,
  add column warning               text not null default 'none' check (warning in ('none', 'yellow', 'red')),
  add column calendar_version      text,
  add column last_step_at          timestamptz(3);

update matter_case c set department_id = m.department_id from matter m where m.code = c.matter_code;
alter table matter_case alter column department_id set not null;
-- A newly told case goes to its matter's department unless the notifier names another.
create function matter_case_default_department() returns trigger language plpgsql as $$
begin
  if new.department_id is null then
    select department_id into new.department_id from matter where code = new.matter_code;
  end if;
  return new;
end $$;
create trigger matter_case_department before insert on matter_case
  for each row execute function matter_case_default_department();
create index matter_case_department_idx on matter_case(department_id, status);
create index matter_case_open_idx on matter_case(status) where status in ('accepted', 'paused');

create table case_event (
  id            bigserial primary key,
  case_id       text not null references matter_case(id),
  seq           integer not null,
  type          text not null check (type in ('submit', 'receive', 'accept', 'refuse', 'send_back', 'transfer', 'pause',
                  'resume', 'extend', 'complete', 'withdraw')),
  at            timestamptz(3) not null,          -- when the step happened (a department's system may report it later)
  on_date       date not null,                    -- `at` as a China Standard Time date: what the clock counts
  recorded_at   timestamptz(3) not null,
  actor_kind    text not null check (actor_kind in ('unit', 'officer', 'leader', 'department_system')),
  actor_user_id bigint references app_user(id),
  api_key_id    bigint,
  actor_label   text not null,
  status_after  text not null,
  body          jsonb not null,                   -- reason, reasonClass, days, result, document number …
  unique (case_id, seq)
);

-- A step, once recorded, is history: never edited or deleted.
create function refuse_case_event_change() returns trigger language plpgsql as $$
begin
  raise exception 'a recorded case step is never changed (办件环节记录不可修改)' using errcode = 'check_violation';
end $$;
create trigger case_event_fixed before update or delete on case_event
  for each row execute function refuse_case_event_change();

-- Each warning once per case, level and due date: a new due date (extension, calendar change) re-arms it.
create table case_warning (
  id          bigserial primary key,
  case_id     text not null references matter_case(id),
  level       text not null check (level in ('yellow', 'red')),
  due_date    date not null,
  remaining_days integer not null,
  raised_at   timestamptz(3) not null,
  unique (case_id, level, due_date)
);

-- A due date moved by a newly loaded calendar year (Art. 15: the platform records each change).
create table case_deadline_change (
  id                bigserial primary key,
  case_id           text not null references matter_case(id),
  old_due_date      date,
  new_due_date      date,
  old_calendar      text,
  new_calendar      text not null,
  changed_at        timestamptz(3) not null
);

-- In-app messages (站内消息): to one user, or to every user of an organisation (a project unit).
create table user_message (
  id                 bigserial primary key,
  user_id            bigint references app_user(id),
  organisation_id    bigint references organisation(id),
  kind               text not null,
  subject            text not null,              -- the case id or project code it is about
  title              text not null,
  title_en           text not null,
  body               text not null,
  body_en            text not null,
  created_at         timestamptz(3) not null,
  read_at            timestamptz(3),
  check (user_id is not null or organisation_id is not null)
);
create index user_message_user_idx on user_message(user_id, created_at desc);
create index user_message_org_idx on user_message(organisation_id, created_at desc);

-- Keys with which a department's own business system calls the exchange interface (spec §6). Only the SM3 of
-- the key is stored; the key is shown once when created.
create table api_key (
  id              bigserial primary key,
  name            text not null,
  organisation_id bigint not null references organisation(id),
  scopes          text[] not null,
  key_prefix      text not null,
  key_sm3         char(64) not null unique,
  created_by      bigint references app_user(id),
  created_at      timestamptz(3) not null,
  revoked_at      timestamptz(3),
  last_used_at    timestamptz(3)
);
