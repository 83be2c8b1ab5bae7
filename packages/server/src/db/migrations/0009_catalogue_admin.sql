-- Catalogue administration (issue 4): versioned matter master data, the history of applicability rules, the
-- matter version a project was told, and re-evaluation of a project's matters as an explicit act.

-- 事项主数据版本: every state the master data of a matter has had. A matter row is the current version; what a
-- project was told names the version (matter_case.matter_version), so old versions are kept for ever.
create table matter_version (
  matter_code              text not null references matter(code),
  version                  integer not null check (version > 0),
  name                     text not null,
  department_id            bigint not null references organisation(id),
  kind                     text not null,
  stage                    text not null,
  statutory_working_days   integer,
  statutory_calendar_days  integer,
  statutory_source         text not null,
  extendable_working_days  integer,
  extension_source         text,
  promised_working_days    integer not null,
  promised_source          text not null,
  pause_reason_classes     text[] not null,
  changed_by               bigint references app_user(id),
  changed_at               timestamptz(3) not null,
  reason                   text not null,
  primary key (matter_code, version)
);

insert into matter_version (matter_code, version, name, department_id, kind, stage, statutory_working_days,
    statutory_calendar_days, statutory_source, extendable_working_days, extension_source, promised_working_days,
    promised_source, pause_reason_classes, changed_by, changed_at, reason)
  select code, 1, name, department_id, kind, stage, statutory_working_days, statutory_calendar_days, statutory_source,
         extendable_working_days, extension_source, promised_working_days, promised_source, pause_reason_classes,
         null, updated_at, '初始版本 initial version'
    from matter;

create function refuse_matter_version_change() returns trigger language plpgsql as $$
begin
  raise exception 'a matter version is never edited or deleted (事项版本不可修改或删除)' using errcode = 'check_violation';
end $$;
create trigger matter_version_fixed before update or delete on matter_version
  for each row execute function refuse_matter_version_change();

alter table matter add column version integer not null default 1;
alter table matter alter column version drop default;
-- The current version always has its row (checked at commit: a new matter and its version 1 come together).
alter table matter add constraint matter_current_version_fk foreign key (code, version)
  references matter_version(matter_code, version) deferrable initially deferred;

-- The matter version a project was told (Art. 14(1)); existing cases were told version 1.
alter table matter_case add column matter_version integer not null default 1;
alter table matter_case alter column matter_version drop default;
alter table matter_case add constraint matter_case_matter_version_fk foreign key (matter_code, matter_version)
  references matter_version(matter_code, version);
-- A matter withdrawn by a re-evaluation may be required again by a later one: one case per matter that is not
-- withdrawn, the withdrawn ones kept as they were.
alter table matter_case drop constraint matter_case_project_id_matter_code_key;
create unique index matter_case_one_open on matter_case(project_id, matter_code) where status <> 'withdrawn';

-- 适用规则的历史: a rule is never edited; a change deactivates it and inserts its replacement, each with a reason.
alter table applicability_rule add column reason text;
alter table applicability_rule add column deactivated_at timestamptz(3);
alter table applicability_rule add column deactivated_by bigint references app_user(id);
alter table applicability_rule add column deactivation_reason text;
alter table applicability_rule add column replaced_by bigint references applicability_rule(id);

create function refuse_rule_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'an applicability rule is never deleted (适用规则不可删除，只能停用)' using errcode = 'check_violation';
  end if;
  if new.matter_code <> old.matter_code or new.region_code <> old.region_code or new.condition is distinct from old.condition
      or new.note is distinct from old.note or new.created_at <> old.created_at or new.created_by is distinct from old.created_by
      or new.reason is distinct from old.reason or (not old.active and new.active)
      or (old.deactivated_at is not null and (new.deactivated_at is distinct from old.deactivated_at
        or new.deactivated_by is distinct from old.deactivated_by or new.deactivation_reason is distinct from old.deactivation_reason)) then
    raise exception 'an applicability rule is never edited, only deactivated (适用规则不可修改，只能停用后另立)' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger applicability_rule_fixed before update or delete on applicability_rule
  for each row execute function refuse_rule_change();
