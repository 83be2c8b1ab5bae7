/**
 * `npm run bench -- declare`: concurrent declarations over HTTP against a real listening server, on PGlite and
 * (with BENCH_DATABASE_URL) on PostgreSQL; prints declarations per second, p50/p99 latency and the number of
 * duplicate codes, which must be 0.
 *
 * `npm run bench -- audit`: how the audit trail behaves under concurrent writers. For each database (PGlite
 * always; PostgreSQL when BENCH_DATABASE_URL is set) it runs CONCURRENCY writers for SECONDS, each transaction
 * writing one business row and its audit event, with the sealer running, and prints transactions per second
 * with and without the audit event, and the sealing lag (sealed_at − occurred_at) at p50/p99.
 * `npm run bench -- clock`: the deadline sweep over 100,000 open cases on PostgreSQL (scripts/bench-clock.ts).
 * `npm run bench -- monitoring`: the monitoring sweep over thousands of live projects (scripts/bench-monitoring.ts).
 *
 * Figures only: no thresholds here; targets are discussed in the issue notes.
 */
import { sql } from "kysely";
import { benchClock } from "./bench-clock.js";
import { benchMonitoring } from "./bench-monitoring.js";
import { VERSION, prepareDatabase } from "../packages/server/src/boot.js";
import { loadConfig } from "../packages/server/src/config/env.js";
import { buildApp } from "../packages/server/src/http/app.js";
import { type Database, openDatabase } from "../packages/server/src/db/database.js";
import { migrate } from "../packages/server/src/db/migrate.js";
import { systemActor } from "../packages/server/src/modules/audit/audit.catalogue.js";
import { recordAudit, sealPending, startAuditSealer, verifyChain } from "../packages/server/src/modules/audit/audit.service.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function drive(database: Database, withAudit: boolean): Promise<number> {
  let done = 0;
  const until = Date.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const i = n++;
        await database.db.transaction().execute(async (tx) => {
          await tx.insertInto("central_department").values({ code: String(i % 100).padStart(2, "0"), name: `bench-${i}` }).onConflict((oc) => oc.column("code").doUpdateSet({ name: `bench-${i}` })).execute();
          if (withAudit) await recordAudit(tx, { type: "demo.seeded", actor: systemActor("bench"), payload: { organisations: i, users: 0 } });
        });
        done++;
      }
    }),
  );
  return done / SECONDS;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function benchAudit(label: string, open: () => Promise<Database>) {
  const database = await open();
  try {
    await migrate(database);
    const plain = await drive(database, false);
    const sealer = startAuditSealer(database.db, 200, (e) => console.error(e));
    const audited = await drive(database, true);
    await sealer.stop();
    await sealPending(database.db);
    const lags = await sql<{ lag_ms: number }>`
      select extract(epoch from (c.sealed_at - e.occurred_at)) * 1000 as lag_ms
      from audit_chain c join audit_event e on e.seq = c.event_seq where e.actor_label = 'bench'`.execute(database.db);
    const lag = lags.rows.map((r) => Number(r.lag_ms));
    const verify = await verifyChain(database.db);
    console.log(
      `${label.padEnd(12)} writers=${CONCURRENCY} plain=${plain.toFixed(0)} tx/s  with audit=${audited.toFixed(0)} tx/s` +
        `  seal lag p50=${percentile(lag, 50).toFixed(0)} ms p99=${percentile(lag, 99).toFixed(0)} ms` +
        `  events=${lag.length} chain ${verify.ok ? "verified" : `BROKEN at ${verify.problem?.seq}`}`,
    );
  } finally {
    await database.close();
  }
}

async function benchDeclare(label: string, env: Record<string, string>, open: () => Promise<Database>) {
  const config = loadConfig({ DEMO_MODE: "true", DEMO_DATA_ON_POSTGRES: "true", LOG_LEVEL: "warn", LOGIN_RATE_PER_MINUTE: "1000", ...env });
  const { database, calendar } = await prepareDatabase(config, () => {}, { database: await open() });
  const app = await buildApp({ config, database, calendar, version: VERSION }, { logger: false });
  const sealer = startAuditSealer(database.db, 500, () => {});
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "demo-unit", password: config.DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const unit = await database.db.selectFrom("organisation").select("credit_code").where("kind", "=", "project_unit").executeTakeFirstOrThrow();
    const body = JSON.stringify({
      name: "基准测试项目",
      approvalCategory: "filing",
      projectType: "01",
      centralDepartmentCode: "01",
      unit: { name: "浙江绿能新能源科技有限公司", creditCode: unit.credit_code, legalRepresentative: "王建国", contactName: "王经理", contactPhone: "13800000000" },
      sites: [{ regionCode: "330106", address: "西湖区" }],
      industryCode: "C",
      constructionScale: "新建",
      constructionContent: "厂房",
      totalInvestment: "1000.00",
      plannedStart: "2027-01",
      plannedEnd: "2027-12",
      industrialPolicyDeclaration: true,
      classified: false,
    });
    const latencies: number[] = [];
    const codes: string[] = [];
    let errors = 0;
    const until = Date.now() + SECONDS * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < until) {
          const t0 = performance.now();
          const res = await fetch(`${base}/api/v1/projects`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
            body,
          });
          latencies.push(performance.now() - t0);
          if (res.status === 201) codes.push(((await res.json()) as { code: string }).code);
          else {
            errors++;
            await res.arrayBuffer();
          }
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const duplicates = codes.length - new Set(codes).size;
    console.log(
      `${label.padEnd(12)} clients=${CONCURRENCY} declarations=${codes.length} ${(codes.length / elapsed).toFixed(0)}/s` +
        `  p50=${percentile(latencies, 50).toFixed(1)} ms p99=${percentile(latencies, 99).toFixed(1)} ms  errors=${errors}  duplicate codes=${duplicates}`,
    );
  } finally {
    await app.close();
    await sealer.stop();
    await database.close();
  }
}

const scenario = process.argv[2] ?? "declare";
const pgUrl = process.env.BENCH_DATABASE_URL;
if (scenario === "audit") {
  await benchAudit("PGlite", () => openDatabase({}));
  if (pgUrl) await benchAudit("PostgreSQL", () => openDatabase({ databaseUrl: pgUrl, poolSize: CONCURRENCY }));
} else if (scenario === "declare") {
  await benchDeclare("PGlite", {}, () => openDatabase({}));
  if (pgUrl) {
    await benchDeclare("PostgreSQL", { DATABASE_URL: pgUrl, FIELD_ENCRYPTION_KEY: "ab".repeat(32) }, () => openDatabase({ databaseUrl: pgUrl, poolSize: 10 }));
  }
} else if (scenario === "clock") {
  if (pgUrl) await benchClock(pgUrl);
} else if (scenario === "monitoring") {
  await benchMonitoring(pgUrl);
} else {
  console.error(`unknown benchmark '${scenario}'; available: declare, audit, clock, monitoring`);
  process.exit(2);
}
if (!pgUrl) console.log("PostgreSQL   skipped: set BENCH_DATABASE_URL (e.g. from `bash scripts/pg15.sh start`) to include it");
