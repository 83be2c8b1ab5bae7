-- Portal content (门户网站, Art. 4): policy information (政策信息) kept by the departments in the back office, and
-- the directory of registered intermediary organisations (中介服务) kept by the comprehensive management department.

create table policy_document (
  id                bigserial primary key,
  title             text not null check (length(title) between 1 and 200),
  issuer            text not null check (length(issuer) between 1 and 100),   -- 发文机关, as printed on the document
  document_number   text check (length(document_number) between 1 and 100),  -- 文号, e.g. 国务院令第673号
  issued_on         date not null,
  category          text not null check (category in ('law', 'policy', 'notice', 'interpretation')),
  body              text not null,
  -- [{ key, fileName, mediaType, size }]; key is the file-store key (the SM3 digest of the bytes)
  attachments       jsonb not null default '[]'::jsonb,
  status            text not null check (status in ('draft', 'published', 'withdrawn')),
  region_code       char(6) not null,           -- whose portal shows it
  organisation_id   bigint not null references organisation(id),   -- the department that keeps it
  created_by        bigint not null references app_user(id),
  created_at        timestamptz(3) not null,
  updated_at        timestamptz(3) not null,
  published_by      bigint references app_user(id),
  published_at      timestamptz(3),
  withdrawn_by      bigint references app_user(id),
  withdrawn_at      timestamptz(3),
  withdrawn_reason  text,
  check (status = 'draft' or published_at is not null),
  check (status <> 'withdrawn' or withdrawn_reason is not null)
);
create index policy_document_public_idx on policy_document(status, issued_on desc, id desc);
create index policy_document_organisation_idx on policy_document(organisation_id);

-- Once published the text is what the public read: only the status may move on (published → withdrawn), and a
-- published or withdrawn document is never deleted.
create function refuse_fixed_policy_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception 'a published policy document is never deleted (已发布的政策文件不可删除)' using errcode = 'check_violation';
    end if;
    return old;
  end if;
  if old.status <> 'draft' and (new.title <> old.title or new.issuer <> old.issuer
      or new.document_number is distinct from old.document_number or new.issued_on <> old.issued_on
      or new.category <> old.category or new.body <> old.body or new.attachments is distinct from old.attachments) then
    raise exception 'a published policy document is never edited (已发布的政策文件不可修改)' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger policy_document_fixed before update or delete on policy_document
  for each row execute function refuse_fixed_policy_change();

create table intermediary_org (
  id                bigserial primary key,
  name              text not null check (length(name) between 1 and 100),
  credit_code       char(18) not null unique,    -- 统一社会信用代码 (GB 32100, check character verified on entry)
  region_code       char(6) not null,
  organisation_id   bigint references organisation(id),   -- the platform organisation of kind 'intermediary', when its staff sign in
  -- [{ name, level, certificateNumber, validUntil }]
  qualifications    jsonb not null default '[]'::jsonb,
  -- [{ service, feeBasis, promisedWorkingDays }]
  services          jsonb not null default '[]'::jsonb,
  contact_name      text not null,
  contact_phone     text not null,
  address           text not null,
  status            text not null check (status in ('active', 'suspended')),
  suspended_reason  text,
  created_by        bigint references app_user(id),
  created_at        timestamptz(3) not null,
  updated_by        bigint references app_user(id),
  updated_at        timestamptz(3) not null,
  check (status <> 'suspended' or suspended_reason is not null)
);
create unique index intermediary_org_organisation on intermediary_org(organisation_id) where organisation_id is not null;
create index intermediary_org_region_idx on intermediary_org(region_code);
