/**
 * `npm run bench -- audit`: how the audit trail behaves under concurrent writers. For each database (PGlite
 * always; PostgreSQL when BENCH_DATABASE_URL is set) it runs CONCURRENCY writers for SECONDS, each transaction
 * writing one business row and its audit event, with the sealer running, and prints transactions per second
 * with and without the audit event, and the sealing lag (sealed_at − occurred_at) at p50/p99.
 * Figures only: no thresholds here; targets are discussed in the issue notes.
 */
import { sql } from "kysely";
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

const scenario = process.argv[2] ?? "audit";
if (scenario !== "audit") {
  console.error(`unknown benchmark '${scenario}'; available: audit`);
  process.exit(2);
}
await benchAudit("PGlite", () => openDatabase({}));
if (process.env.BENCH_DATABASE_URL) {
  await benchAudit("PostgreSQL", () => openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, poolSize: CONCURRENCY }));
} else {
  console.log("PostgreSQL   skipped: set BENCH_DATABASE_URL (e.g. from `bash scripts/pg15.sh start`) to include it");
}
