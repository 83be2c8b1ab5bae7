-- Application materials (申请材料) a project unit uploads for a matter case, per material of the guide version the
-- case was told. The bytes live in the file store (content-addressed by SM3, platform/file-store.ts); this table
-- is the record. A newer upload of one material replaces the older one, which is kept: nothing is ever deleted.

create table material_file (
  id             bigserial primary key,
  case_id        text not null references matter_case(id),
  project_id     bigint not null references project(id),
  material_code  text not null check (material_code ~ '^M[0-9]{2}$'),   -- in the told guide version (checked on upload)
  file_name      text not null check (length(file_name) between 1 and 200),
  media_type     text not null,
  size_bytes     bigint not null check (size_bytes > 0),
  sm3            char(64) not null check (sm3 ~ '^[0-9a-f]{64}$'),
  storage_key    text not null,
  uploaded_by    bigint not null references app_user(id),
  uploaded_at    timestamptz(3) not null,
  status         text not null check (status in ('current', 'replaced', 'withdrawn'))
);
create unique index material_file_one_current on material_file(case_id, material_code) where status = 'current';
create index material_file_case_idx on material_file(case_id, material_code, uploaded_at);

-- The record of what was submitted is evidence (痕迹管理): rows are never deleted and, once written, only their
-- status moves on (current → replaced | withdrawn).
create function refuse_material_file_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'an uploaded material is never deleted (申请材料记录不可删除)' using errcode = 'check_violation';
  end if;
  if new.case_id <> old.case_id or new.project_id <> old.project_id or new.material_code <> old.material_code
      or new.file_name <> old.file_name or new.media_type <> old.media_type or new.size_bytes <> old.size_bytes
      or new.sm3 <> old.sm3 or new.storage_key <> old.storage_key or new.uploaded_by <> old.uploaded_by
      or new.uploaded_at <> old.uploaded_at or (old.status <> 'current' and new.status <> old.status) then
    raise exception 'an uploaded material is never edited (申请材料记录不可修改)' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger material_file_fixed before update or delete on material_file
  for each row execute function refuse_material_file_change();
