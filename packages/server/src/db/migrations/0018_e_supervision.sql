-- 电子监察 (Art. 4: the approval & supervision system's electronic supervision; 痕迹管理 — every step checkable and
-- assessable) and 绩效 (Art. 7): configurable rules read the recorded steps of each case; a broken rule raises a
-- yellow or red card (黄牌/红牌) once per rule, case and level, with the evidence, for the region's supervisors;
-- the department explains it, a supervisor closes it. Fees charged on a case are recorded here, so that a fee on
-- a fee-free matter can be seen (行政许可法 第五十八条).

-- 行政许可法 第五十八条：「实施行政许可和对行政许可事项进行监督检查，不得收取任何费用。但是，法律、行政法规另有规定的，
-- 依照其规定。」 Licences are fee-free unless set otherwise; other kinds of matter are not presumed so.
alter table matter add column fee_free boolean;
update matter set fee_free = (kind = 'administrative_licence');
create function matter_default_fee_free() returns trigger language plpgsql as $$
begin
  if new.fee_free is null then
    new.fee_free := (new.kind = 'administrative_licence');
  end if;
  return new;
end $$;
create trigger matter_fee_free before insert on matter
  for each row execute function matter_default_fee_free();
alter table matter alter column fee_free set not null;

-- A fee a department (or its business system) charged on a case: recorded, never edited.
create table case_fee (
  id            bigserial primary key,
  case_id       text not null references matter_case(id),
  amount        numeric(14, 2) not null check (amount > 0),   -- 元
  item          text not null check (length(item) between 1 and 200),   -- 收费项目
  at            timestamptz(3) not null,                      -- when it was charged
  recorded_by   bigint references app_user(id),
  api_key_id    bigint references api_key(id),
  recorded_at   timestamptz(3) not null
);
create index case_fee_case_idx on case_fee(case_id);
create index case_fee_recorded_idx on case_fee(recorded_at);

-- The rules, configurable by supervisors (Art. 24: local rules must be configurable). `version` grows with each
-- change; every change is an audit event with the rule before and after.
create table supervision_rule (
  code          text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name          text not null,
  name_en       text not null,
  kind          text not null check (kind in ('step_limit', 'overall_limit', 'refusal_without_reason', 'late_acceptance',
                  'completion_without_acceptance', 'fee_on_fee_free')),
  parameters    jsonb not null,
  level         text not null check (level in ('yellow', 'red')),   -- the card when the rule is broken
  enabled       boolean not null default true,
  basis         text not null,                                     -- the legal or regulatory basis
  version       integer not null default 1,
  updated_by    bigint references app_user(id),
  updated_at    timestamptz(3) not null
);

insert into supervision_rule (code, name, name_en, kind, parameters, level, basis, updated_at) values
  ('ACCEPTANCE_STEP_LIMIT', '受理环节超时', 'Acceptance step over its limit', 'step_limit',
   '{"step": "acceptance", "workingDays": 5, "yellowRemainingDays": 1}', 'red',
   '《行政许可法》第三十二条：申请材料不齐全的，应当在五日内一次告知需要补正的全部内容；第八十二条：期限以工作日计算', now()),
  ('PAUSE_STEP_LIMIT', '中止计时环节超时', 'Clock paused too long', 'step_limit',
   '{"step": "pause", "workingDays": 30, "yellowRemainingDays": 5}', 'yellow',
   '《运行管理暂行办法》第十五条：不计入时限的环节调整计时；中止时长纳入电子监察', now()),
  ('OVERALL_LIMIT', '办件超过办理时限', 'Case over its time limit', 'overall_limit',
   '{"limit": "governing", "yellowRemainingDays": 3}', 'red',
   '《运行管理暂行办法》第十五条：对审批时限进行提醒、预警；《行政许可法》第四十二条', now()),
  ('PROMISED_LIMIT', '办件超过承诺时限', 'Case over its promised limit', 'overall_limit',
   '{"limit": "promised", "yellowRemainingDays": null}', 'yellow',
   '承诺时限（办事指南 办理时限，《运行管理暂行办法》第八条）', now()),
  ('REFUSAL_WITHOUT_REASON', '不予受理未说明理由', 'Refusal without a reason', 'refusal_without_reason',
   '{"minLength": 2, "placeholders": ["无", "暂无", "略", "/", "-", "—", "N/A", "NA", "none", "null", "见附件"]}', 'red',
   '《行政许可法》第三十八条：依法作出不予行政许可的书面决定的，应当说明理由', now()),
  ('LATE_ACCEPTANCE', '受理记录晚于收件', 'Acceptance recorded long after receipt', 'late_acceptance',
   '{"workingDays": 5}', 'yellow',
   '《行政许可法》第三十二条：逾期不告知的，自收到申请材料之日起即为受理', now()),
  ('COMPLETION_WITHOUT_ACCEPTANCE', '办结前无受理记录', 'Completed with no acceptance recorded', 'completion_without_acceptance',
   '{}', 'red',
   '《运行管理暂行办法》第十四条：收件、受理、办理、办结信息通过在线平台交换；第四条：痕迹管理', now()),
  ('FEE_ON_FEE_FREE', '免费事项收费', 'Fee charged on a fee-free matter', 'fee_on_fee_free',
   '{}', 'red',
   '《行政许可法》第五十八条：实施行政许可不得收取任何费用（法律、行政法规另有规定的除外）', now());

-- A card: once per rule, case and level (the unique row decides who raised it when sweeps meet).
create table supervision_card (
  id              bigserial primary key,
  rule_code       text not null references supervision_rule(code),
  rule_version    integer not null,
  case_id         text not null references matter_case(id),
  project_id      bigint not null references project(id),
  region_code     char(6) not null,                 -- the project's region: whose supervisors see it
  department_id   bigint not null references organisation(id),
  level           text not null check (level in ('yellow', 'red')),
  evidence        jsonb not null,                   -- the steps, dates and figures that prove it
  raised_at       timestamptz(3) not null,
  raised_on       date not null,                    -- CST date: the month performance counts it in
  status          text not null default 'open' check (status in ('open', 'acknowledged', 'closed')),
  explanation     text,                             -- the department's explanation (情况说明)
  acknowledged_by bigint references app_user(id),
  acknowledged_at timestamptz(3),
  closed_by       bigint references app_user(id),
  closed_at       timestamptz(3),
  closing_note    text,
  unique (rule_code, case_id, level),
  check (status <> 'acknowledged' or (explanation is not null and acknowledged_at is not null)),
  check (status <> 'closed' or closed_at is not null)
);
create index supervision_card_region_idx on supervision_card(region_code, status);
create index supervision_card_department_idx on supervision_card(department_id, raised_on);
