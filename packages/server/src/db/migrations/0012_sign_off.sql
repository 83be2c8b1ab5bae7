-- Multi-person sign-off within a department (会签: every signer must agree; 或签: any one suffices) before a
-- matter is completed, where the matter's guide asks for it. A sign-off round holds the proposed decision; the
-- case is completed with it when the round is approved.

alter table matter add column sign_off_mode text not null default 'none' check (sign_off_mode in ('none', 'all', 'any'));
alter table matter_version add column sign_off_mode text not null default 'none' check (sign_off_mode in ('none', 'all', 'any'));

create table case_sign_off (
  id             bigserial primary key,
  case_id        text not null references matter_case(id),
  mode           text not null check (mode in ('all', 'any')),
  decision       jsonb not null,               -- result, opinion, documentNumber, documentTitle proposed
  status         text not null check (status in ('open', 'approved', 'rejected')),
  requested_by   bigint not null references app_user(id),
  requested_at   timestamptz(3) not null,
  closed_at      timestamptz(3)
);
create unique index case_sign_off_one_open on case_sign_off(case_id) where status = 'open';

create table case_sign_off_signer (
  sign_off_id    bigint not null references case_sign_off(id),
  user_id        bigint not null references app_user(id),
  decision       text check (decision in ('approve', 'reject')),
  comment        text,
  decided_at     timestamptz(3),
  primary key (sign_off_id, user_id)
);
