-- The matter catalogue (事项清单), service guides (办事指南, Art. 8) with their versions, applicability rules
-- (Art. 14(1), 24), and the matter cases a project is told of (告知应办事项; spec §5 MatterCaseStatus `notified`).

create table matter (
  code                     text primary key,
  name                     text not null,
  department_id            bigint not null references organisation(id),
  kind                     text not null check (kind in ('administrative_licence', 'internal_approval', 'filing',
                             'assessment', 'technical_review', 'intermediary_service')),
  stage                    text not null check (stage in ('land_planning', 'construction_permit_engineering',
                             'construction_permit', 'completion_acceptance')),
  statutory_working_days   integer check (statutory_working_days > 0),
  statutory_calendar_days  integer check (statutory_calendar_days > 0),   -- a law that counts 日, kept as written
  statutory_source         text not null,
  extendable_working_days  integer check (extendable_working_days > 0),
  extension_source         text,
  promised_working_days    integer not null check (promised_working_days > 0),
  promised_source          text not null,
  pause_reason_classes     text[] not null,
  updated_at               timestamptz(3) not null,
  check (statutory_working_days is null or promised_working_days <= statutory_working_days)
);

create table service_guide (
  id            bigserial primary key,
  matter_code   text not null references matter(code),
  version       integer not null,
  status        text not null check (status in ('draft', 'submitted', 'published', 'superseded')),
  content       jsonb not null,             -- the eight elements of Art. 8
  materials     jsonb not null,             -- 申请材料清单
  created_by    bigint references app_user(id),
  created_at    timestamptz(3) not null,
  published_by  bigint references app_user(id),
  published_at  timestamptz(3),
  unique (matter_code, version)
);
create unique index service_guide_one_published on service_guide(matter_code) where status = 'published';

-- A guide is edited only as a draft; once submitted or published its text never changes (projects keep the
-- version they were told), and only its status moves on (submitted → published → superseded).
create function refuse_fixed_guide_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception 'a submitted or published service guide is never deleted (办事指南已提交或发布，不可删除)' using errcode = 'check_violation';
    end if;
    return old;
  end if;
  if old.status <> 'draft' and (new.content is distinct from old.content or new.materials is distinct from old.materials
      or new.version <> old.version or new.matter_code <> old.matter_code) then
    raise exception 'a submitted or published service guide is never edited (办事指南已提交或发布，不可修改)' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger service_guide_fixed before update or delete on service_guide
  for each row execute function refuse_fixed_guide_change();

create table applicability_rule (
  id           bigserial primary key,
  matter_code  text not null references matter(code),
  region_code  char(6) not null,            -- 100000 national, else the region whose rule replaces it (Art. 24)
  condition    jsonb not null,
  note         jsonb,
  active       boolean not null default true,
  created_by   bigint references app_user(id),
  created_at   timestamptz(3) not null
);
create unique index applicability_rule_one_active on applicability_rule(matter_code, region_code) where active;

create table matter_case (
  id               text primary key,         -- caseId (spec §6)
  project_id       bigint not null references project(id),
  matter_code      text not null references matter(code),
  guide_id         bigint references service_guide(id),   -- the guide version the project was told
  status           text not null check (status in ('notified', 'submitted', 'accepted', 'paused', 'refused', 'completed', 'withdrawn')),
  reasons          jsonb not null,           -- why the matter is required, as told (zh and en)
  decided_by_region char(6),
  notified_at      timestamptz(3) not null,
  unique (project_id, matter_code)
);
create index matter_case_project_idx on matter_case(project_id);
