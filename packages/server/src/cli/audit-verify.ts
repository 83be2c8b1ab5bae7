/**
 * `npm run audit:verify`: recomputes the audit chain and names the first event that was altered, removed or
 * inserted out of order. Exit code 0 when the chain is intact, 1 when it is not, 2 when it could not run.
 */
import { loadConfig } from "../config/env.js";
import { openDatabase } from "../db/database.js";
import { verifyChain } from "../modules/audit/audit.service.js";

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const r = await verifyChain(database.db);
    if (r.ok) {
      console.log(`审计链完整 Audit chain intact: ${r.checkedEvents} events verified, ${r.unsealed} not yet sealed.`);
      return 0;
    }
    const p = r.problem!;
    console.error(`审计链校验失败 Audit chain verification FAILED at event ${p.seq} (${p.kind}):`);
    console.error(`  ${p.message}`);
    console.error(`  ${p.messageEn}`);
    console.error(`  ${r.checkedEvents} events verified before it.`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
