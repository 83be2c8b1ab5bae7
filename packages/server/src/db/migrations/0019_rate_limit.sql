-- Request-rate counters shared by every app process (等保三级 登录失败处理: the per-address sign-in limit must hold
-- across processes behind one load balancer, not per process). One row per key and fixed window.
create table rate_limit_counter (
  key           text primary key,
  window_start  timestamptz(3) not null,
  count         integer not null
);
create index rate_limit_counter_window_idx on rate_limit_counter(window_start);
