-- 信息公开 (Art. 18): approval results, supervision information and penalty results disclosed to the public. One row
-- per published fact; the row and its audit event are the record of what was published and when. A row is never
-- deleted: an item taken down (a court ruling, an error) keeps its text with when, by whom and why.

-- A delisted project (摘牌, helper F's 0015 may add it first) disappears from the public lists.
alter table project add column if not exists delisted_at timestamptz(3);

create table disclosure_item (
  id               bigserial primary key,
  kind             text not null check (kind in ('approval', 'supervision', 'penalty')),
  -- Where the fact comes from: ('case', matter case id) for approval results; supervision sources name theirs.
  source           text not null check (length(source) between 1 and 40),
  source_id        text not null check (length(source_id) between 1 and 100),
  project_id       bigint references project(id),
  project_code     char(24) not null,
  project_name     text not null,
  region_code      char(6) not null,                          -- the project's region: which platform discloses it
  department_id    bigint references organisation(id),        -- the deciding department (who may take it down)
  department       text not null,
  title            text not null,                             -- approval: the matter's name
  result           text,                                      -- approval: 准予 / 不予; penalties: the decision in words
  outcome          text check (outcome in ('granted', 'denied')),
  document_number  text,                                      -- 批文号 / 决定书文号
  document_title   text,
  decided_on       date not null,                             -- approval: the completion date (办结日期)
  published_at     timestamptz(3) not null,
  withdrawn_at     timestamptz(3),
  withdrawn_by     bigint references app_user(id),
  withdrawn_reason text,
  unique (kind, source, source_id),
  check ((withdrawn_at is null) = (withdrawn_reason is null))
);
create index disclosure_item_public_idx on disclosure_item(kind, published_at desc, id desc) where withdrawn_at is null;
create index disclosure_item_project_idx on disclosure_item(project_id);
create index disclosure_item_region_idx on disclosure_item(region_code);

-- What was published stays as published: only a take-down may be recorded, once; nothing is ever deleted.
create function refuse_disclosure_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'a disclosure item is never deleted (公开信息记录不可删除)' using errcode = 'check_violation';
  end if;
  if old.withdrawn_at is not null
     or (new.kind, new.source, new.source_id, new.project_id, new.project_code, new.project_name, new.region_code,
         new.department_id, new.department, new.title, new.result, new.outcome, new.document_number,
         new.document_title, new.decided_on, new.published_at)
        is distinct from
        (old.kind, old.source, old.source_id, old.project_id, old.project_code, old.project_name, old.region_code,
         old.department_id, old.department, old.title, old.result, old.outcome, old.document_number,
         old.document_title, old.decided_on, old.published_at) then
    raise exception 'a published disclosure item only records its take-down, once (公开信息只可撤下一次)' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger disclosure_item_fixed before update or delete on disclosure_item
  for each row execute function refuse_disclosure_change();
