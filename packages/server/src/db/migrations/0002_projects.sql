-- Projects and their lifelong codes (Art. 10-13): one row per code, every version of the declared information,
-- and every verification of a code (Art. 13). Forward-only; PostgreSQL 15 compatible.

create table project (
  id                      bigserial primary key,
  code                    char(24) not null unique,      -- spec §2; the unique constraint is what prevents duplicates
  legacy_code             char(24) unique,               -- an older number mapped to this code (Art. 12)
  status                  text not null check (status in ('declared', 'in_approval', 'approved', 'filed',
                            'under_construction', 'completed', 'suspended', 'withdrawn', 'superseded', 'lapsed')),
  name                    text not null,
  approval_category       text not null check (approval_category in ('approval', 'verification', 'filing')),
  project_type            char(2) not null references project_type(code),
  central_department_code char(2) not null references central_department(code),
  region_code             char(6) not null,              -- smallest division containing every site, or 100000
  jurisdiction            text not null check (jurisdiction in ('central', 'local')),
  unit_organisation_id    bigint not null references organisation(id),
  predecessor_code        char(24) references project(code),
  successor_code          char(24) references project(code),
  current_version         integer not null default 1,
  declared_at             timestamptz(3) not null,
  updated_at              timestamptz(3) not null
);
create index project_region_idx on project(region_code);
create index project_unit_idx on project(unit_organisation_id);
create index project_declared_idx on project(declared_at);

create table project_version (
  project_id  bigint not null references project(id),
  version     integer not null,
  data        jsonb not null,                            -- the declaration as submitted (spec §4 body)
  reason      text not null,
  created_at  timestamptz(3) not null,
  created_by  bigint references app_user(id),
  primary key (project_id, version)
);

create table code_verification (
  id                bigserial primary key,
  code              text not null,                       -- as given, even when invalid or unknown
  project_id        bigint references project(id),
  purpose           text not null check (purpose in ('acceptance', 'funding', 'bidding', 'disclosure')),
  valid             boolean not null,
  reason            text,
  actor_user_id     bigint references app_user(id),
  actor_label       text not null,
  organisation_id   bigint references organisation(id),
  verified_at       timestamptz(3) not null
);
create index code_verification_code_idx on code_verification(code);
