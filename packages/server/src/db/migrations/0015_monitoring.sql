-- Implementation monitoring (项目实施情况监测, Art. 14(5); spec §7) and the validity rules: implementation reports,
-- the progress-report frequency per region, applications for 延期开工 (条例 第十二条), the 2-year explanation of
-- filed projects (令2018年第14号 第十五条) and the reminders the monitoring sweep sends, each once.

-- The matter whose completion decides the project (审批/核准/备案): its completion date is the project's decision date.
alter table matter add column decides_project boolean not null default false;
alter table matter_version add column decides_project boolean not null default false;
update matter set decides_project = true where code in ('ZJ-FGW-001', 'ZJ-FGW-002', 'ZJ-FGW-003');
update matter_version set decides_project = true where matter_code in ('ZJ-FGW-001', 'ZJ-FGW-002', 'ZJ-FGW-003');

alter table project add column decision_on date;                   -- 核准/审批 decision: the deciding matter's completion
alter table project add column if not exists delisted_at timestamptz(3);  -- 移除公示 (0016 adds it too if this did not)

-- Decisions already taken before this migration.
update project p set decision_on = x.on_date
  from (
    select c.project_id, min(e.on_date) as on_date
      from matter_case c
      join matter m on m.code = c.matter_code and m.decides_project
      join case_event e on e.case_id = c.id and e.type = 'complete'
     where c.status = 'completed' and c.result = 'granted'
     group by c.project_id
  ) x
 where x.project_id = p.id;

create table implementation_report (
  id                   bigserial primary key,
  project_id           bigint not null references project(id),
  kind                 text not null check (kind in ('start', 'progress', 'completion', 'delay', 'suspension', 'resumption')),
  on_date              date not null,                      -- spec §7 `on`
  investment_completed numeric(16, 2) check (investment_completed >= 0),   -- 万元, cumulative
  progress_percent     smallint check (progress_percent between 0 and 100),
  note                 text,
  images               jsonb,                              -- file-store keys of photos (形象进度), optional
  status_before        text not null,
  status_after         text not null,
  reported_by          bigint not null references app_user(id),
  reported_at          timestamptz(3) not null
);
create index implementation_report_project_idx on implementation_report(project_id, on_date);

-- A report, once made, is the unit's statement: never edited or deleted (a correction is a new report).
create function refuse_report_change() returns trigger language plpgsql as $$
begin
  raise exception 'an implementation report is never changed (实施情况报告不可修改)' using errcode = 'check_violation';
end $$;
create trigger implementation_report_fixed before update or delete on implementation_report
  for each row execute function refuse_report_change();

-- Progress-report frequency per region (Art. 24); the longest matching region prefix wins, default quarterly.
create table report_frequency_rule (
  region_code   char(6) primary key,
  frequency     text not null check (frequency in ('monthly', 'quarterly', 'half_yearly', 'yearly')),
  due_day       smallint not null default 10 check (due_day between 1 and 28),
  updated_by    bigint references app_user(id),
  updated_at    timestamptz(3) not null
);

-- 延期开工 (条例 第十二条): at most one application per project, decided by the department that took the decision.
create table validity_extension (
  id              bigserial primary key,
  project_id      bigint not null unique references project(id),
  department_id   bigint not null references organisation(id),
  months          smallint not null check (months between 1 and 12),
  reason          text not null,
  applied_on      date not null,
  applied_by      bigint not null references app_user(id),
  applied_at      timestamptz(3) not null,
  decision_due_on date not null,
  status          text not null check (status in ('pending', 'approved', 'refused')),
  decided_on      date,
  decided_by      bigint references app_user(id),
  decided_at      timestamptz(3),
  opinion         text,
  check ((status = 'pending') = (decided_at is null))
);

-- 令2018年第14号 第十五条: the unit's online explanation that a filed project goes on.
create table dormancy_explanation (
  id            bigserial primary key,
  project_id    bigint not null unique references project(id),
  period_ends_on date not null,
  explanation   text not null,
  explained_on  date not null,
  explained_by  bigint not null references app_user(id),
  explained_at  timestamptz(3) not null
);

-- Each reminder (and each lapse or removal) once per project, kind and due date: the unique row decides which of
-- several sweeping processes sends it.
create table monitoring_reminder (
  id          bigserial primary key,
  project_id  bigint not null references project(id),
  kind        text not null check (kind in ('progress_due_soon', 'progress_overdue', 'extension_window', 'validity_lapsed',
                'dormancy_reminder', 'dormancy_delisted')),
  due_date    date not null,
  raised_at   timestamptz(3) not null,
  raised_on   date not null,
  unique (project_id, kind, due_date)
);
create index monitoring_reminder_project_idx on monitoring_reminder(project_id, kind);
