/**
 * `npm run bench -- clock`: the deadline sweep (packages/server/src/modules/cases/sweep.service.ts) over
 * BENCH_CASES (default 100,000) open cases on PostgreSQL (BENCH_DATABASE_URL), in a database of its own that is
 * dropped afterwards. Prints cases per second for the first pass (every case's stored clock written, warnings
 * raised) and for a second, steady-state pass (nothing changed), and the warnings raised. Figures only.
 */
import { sql } from "kysely";
import { prepareDatabase } from "../packages/server/src/boot.js";
import { loadConfig } from "../packages/server/src/config/env.js";
import { openDatabase } from "../packages/server/src/db/database.js";
import { sweepOpenCases } from "../packages/server/src/modules/cases/sweep.service.js";
import { withThrowawayDatabase } from "./bench-database.js";

export async function benchClock(serverUrl: string): Promise<void> {
  const cases = Number(process.env.BENCH_CASES ?? 100_000);
  await withThrowawayDatabase(serverUrl, "clock", async (url) => {
    const config = loadConfig({ DATABASE_URL: url, DEMO_MODE: "true", DEMO_DATA_ON_POSTGRES: "true", FIELD_ENCRYPTION_KEY: "ab".repeat(32), LOG_LEVEL: "warn" });
    const { database, calendar } = await prepareDatabase(config, () => {}, { database: await openDatabase({ databaseUrl: url, poolSize: 4 }) });
    try {
      const db = database.db;
      const matters = await db.selectFrom("matter").select("code").execute();
      const projects = Math.ceil(cases / matters.length);
      const t0 = performance.now();
      await sql`
        insert into project (code, status, name, approval_category, project_type, central_department_code, region_code,
                             jurisdiction, unit_organisation_id, declared_at, updated_at)
        select '2026-330106-99-01-' || lpad(i::text, 6, '0'), 'in_approval', '基准测试项目' || i, 'verification', '01', '01',
               '330106', 'local', (select id from organisation where kind = 'project_unit' limit 1), now(), now()
        from generate_series(1, ${projects}) i`.execute(db);
      await sql`
        insert into matter_case (id, project_id, matter_code, matter_version, guide_id, status, reasons, notified_at)
        select 'bench-' || p.id || '-' || m.code, p.id, m.code, m.version, null, 'accepted', '[]'::jsonb, now()
        from project p cross join matter m
        where p.code like '2026-330106-99-01-%'
        order by p.id, m.code
        limit ${cases}`.execute(db);
      // Accepted on a day within the last 40 calendar days: some cases are fresh, some due soon, some overdue.
      await sql`
        insert into case_event (case_id, seq, type, at, on_date, recorded_at, actor_kind, actor_label, status_after, body)
        select c.id, 1, 'accept', now() - (d || ' days')::interval, (now() at time zone 'Asia/Shanghai')::date - d, now(),
               'officer', 'bench', 'accepted', '{}'::jsonb
        from (select id, (abs(hashtext(id)) % 40) as d from matter_case where id like 'bench-%') c`.execute(db);
      const seeded = ((performance.now() - t0) / 1000).toFixed(1);
      const open = await db.selectFrom("matter_case").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "in", ["accepted", "paused"]).executeTakeFirstOrThrow();
      console.log(`PostgreSQL   seeded ${Number(open.n)} open cases in ${seeded} s`);
      for (const pass of ["first pass", "second pass"]) {
        const started = performance.now();
        const result = await sweepOpenCases({ db, calendar, warnDays: 3 });
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `PostgreSQL   sweep ${pass.padEnd(11)} cases=${result.cases} ${(result.cases / seconds).toFixed(0)} cases/s (${seconds.toFixed(1)} s)  warnings raised=${result.warnings}`,
        );
      }
    } finally {
      await database.close();
    }
  });
}
