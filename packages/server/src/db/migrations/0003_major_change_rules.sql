-- Regional rules for what makes a project change major (Art. 12, 24). A project uses the most specific row whose
-- region contains it (county, then prefecture, then province), else the platform defaults in change-rules.ts.
create table major_change_rule (
  region_code              char(6) primary key references region(code),
  investment_change_ratio  numeric(5, 4) not null check (investment_change_ratio > 0),
  scale_change_ratio       numeric(5, 4) not null check (scale_change_ratio > 0),
  site_move_is_major       boolean not null,
  source                   text not null,           -- the regional document that sets the rule
  updated_at               timestamptz(3) not null default now()
);
