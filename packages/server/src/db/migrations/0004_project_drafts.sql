-- 项目申报草稿: a half-filled declaration (spec §4 body, not yet valid) saved by the portal wizard on every step,
-- so that nothing typed is lost across reloads and sign-outs. Owned by the project unit (organisation), so a
-- colleague of the same unit may continue it. Forward-only; PostgreSQL 15 compatible.
create table project_draft (
  id               text primary key,                      -- a random token (not guessable, not sequential)
  organisation_id  bigint not null references organisation(id),
  created_by       bigint not null references app_user(id),
  updated_by       bigint not null references app_user(id),
  step             integer not null default 0 check (step >= 0),
  data             jsonb not null check (jsonb_typeof(data) = 'object'),
  created_at       timestamptz(3) not null,
  updated_at       timestamptz(3) not null
);
create index project_draft_organisation_idx on project_draft(organisation_id, updated_at desc);
