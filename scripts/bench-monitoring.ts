/**
 * `npm run bench -- monitoring`: the monitoring sweep (packages/server/src/modules/monitoring/monitoring-sweep.service.ts)
 * over BENCH_PROJECTS live projects (default 3,000 on PGlite, 30,000 on PostgreSQL): a third 核准 projects decided
 * 1–3 years ago and never started (extension reminders and lapses), a third filed projects declared 1–3 years ago
 * (dormancy reminders), a third under construction with a start report (progress reminders). Prints projects per
 * second and SQL statements per project for a first pass (reminders raised, projects lapsed) and a second,
 * steady-state pass, and what the first pass did. Figures only.
 */
import { type Kysely, type KyselyPlugin, sql } from "kysely";
import { prepareDatabase } from "../packages/server/src/boot.js";
import { loadConfig } from "../packages/server/src/config/env.js";
import { type Database, openDatabase } from "../packages/server/src/db/database.js";
import type { DB } from "../packages/server/src/db/schema.js";
import { sweepMonitoring } from "../packages/server/src/modules/monitoring/monitoring-sweep.service.js";
import { withThrowawayDatabase } from "./bench-database.js";

/** Counts the statements Kysely sends, so the figure "queries per project" is measured, not guessed. */
function countingPlugin(counter: { n: number }): KyselyPlugin {
  return {
    transformQuery(args) {
      counter.n += 1;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

async function seed(db: Kysely<DB>, projects: number): Promise<void> {
  const unit = await db.selectFrom("organisation").select("id").where("kind", "=", "project_unit").orderBy("id").executeTakeFirstOrThrow();
  const reporter = await db.selectFrom("app_user").select("id").where("organisation_id", "=", unit.id).orderBy("id").executeTakeFirstOrThrow();
  // i % 3 picks the kind; i spreads the dates over two years so that every phase of every rule is met somewhere.
  await sql`
    insert into project (code, status, name, approval_category, project_type, central_department_code, region_code,
                         jurisdiction, unit_organisation_id, declared_at, updated_at, decision_on)
    select '2024-330106-99-02-' || lpad(i::text, 6, '0'),
           (case i % 3 when 0 then 'approved' when 1 then 'filed' else 'under_construction' end),
           '监测基准项目' || i,
           (case i % 3 when 1 then 'filing' else 'verification' end),
           '01', '01', '330106', 'local', ${unit.id},
           now() - ((365 + i % 730) || ' days')::interval, now(),
           (case when i % 3 = 1 then null else (now() - ((365 + i % 730) || ' days')::interval)::date end)
    from generate_series(1, ${projects}) i`.execute(db);
  await sql`
    insert into implementation_report (project_id, kind, on_date, status_before, status_after, reported_by, reported_at)
    select p.id, 'start', p.decision_on + 30, 'approved', 'under_construction', ${reporter.id}, now()
    from project p where p.code like '2024-330106-99-02-%' and p.status = 'under_construction'`.execute(db);
}

async function run(label: string, database: Database, calendar: Awaited<ReturnType<typeof prepareDatabase>>["calendar"], projects: number) {
  const counter = { n: 0 };
  const db = database.db.withPlugin(countingPlugin(counter));
  const t0 = performance.now();
  await seed(database.db, projects);
  console.log(`${label.padEnd(12)} seeded ${projects} projects in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const pass of ["first pass", "second pass"]) {
    counter.n = 0;
    const started = performance.now();
    const result = await sweepMonitoring({ db, calendar, graceWorkingDays: 20, remindWorkingDays: 10 });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(12)} sweep ${pass.padEnd(11)} projects=${result.projects} ${(result.projects / seconds).toFixed(0)}/s (${seconds.toFixed(1)} s)` +
        `  statements/project=${(counter.n / Math.max(1, result.projects)).toFixed(1)}  reminders=${result.reminders} lapsed=${result.lapsed} delisted=${result.delisted}`,
    );
  }
}

export async function benchMonitoring(serverUrl: string | undefined): Promise<void> {
  const base = { DEMO_MODE: "true", LOG_LEVEL: "warn" };
  {
    const config = loadConfig(base);
    const { database, calendar } = await prepareDatabase(config, () => {}, { database: await openDatabase({}) });
    try {
      await run("PGlite", database, calendar, Number(process.env.BENCH_PROJECTS ?? 3_000));
    } finally {
      await database.close();
    }
  }
  if (!serverUrl) return;
  await withThrowawayDatabase(serverUrl, "monitoring", async (url) => {
    const config = loadConfig({ ...base, DATABASE_URL: url, DEMO_DATA_ON_POSTGRES: "true", FIELD_ENCRYPTION_KEY: "ab".repeat(32) });
    const { database, calendar } = await prepareDatabase(config, () => {}, { database: await openDatabase({ databaseUrl: url, poolSize: 4 }) });
    try {
      await run("PostgreSQL", database, calendar, Number(process.env.BENCH_PROJECTS ?? 30_000));
    } finally {
      await database.close();
    }
  });
}
