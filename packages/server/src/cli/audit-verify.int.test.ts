import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectionUrlOf, createTestDatabase, pgliteTemplate, superuserQuery, testDatabaseKind } from "../../test/test-database.js";
import { type Database, openDatabase } from "../db/database.js";
import { systemActor } from "../modules/audit/audit.catalogue.js";
import { countUnsealedEvents, recordAudit, sealPending } from "../modules/audit/audit.service.js";

const ROOT = join(import.meta.dirname, "../../../..");

/** Runs `npm run audit:verify` as an operator would, against the given database. */
function runVerify(env: Record<string, string>) {
  const r = spawnSync("npm", ["run", "--silent", "audit:verify"], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function sealEverything(database: Database) {
  for (let i = 0; i < 200 && (await countUnsealedEvents(database.db)) > 0; i++) {
    await sealPending(database.db);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("npm run audit:verify", () => {
  it("passes on an intact chain and names the event a superuser altered", async () => {
    const kind = testDatabaseKind();
    const dir = mkdtempSync(join(tmpdir(), "tzxm-verify-"));
    // PGlite: an on-disk copy of the template, released before the CLI opens it (the data-dir lock).
    const database = kind === "pglite" ? await openDatabase({ dataDir: dir, loadDataDir: pgliteTemplate() }) : await createTestDatabase();
    const env: Record<string, string> =
      kind === "pglite" ? { DATA_DIR: dir } : { DATABASE_URL: connectionUrlOf(database), FIELD_ENCRYPTION_KEY: "ab".repeat(32) };
    try {
      for (let i = 0; i < 6; i++) {
        await database.db.transaction().execute((tx) =>
          recordAudit(tx, { type: "demo.seeded", actor: systemActor("cli-test"), payload: { organisations: i, users: i } }),
        );
      }
      await sealEverything(database);
      const target = (await database.db.selectFrom("audit_event").select("seq").where("actor_label", "=", "cli-test").orderBy("seq").execute())[2]!.seq;
      if (kind === "pglite") await database.close();

      const intact = runVerify(env);
      expect(intact.out).toMatch(/Audit chain intact/);
      expect(intact.code).toBe(0);

      const tamperWith = kind === "pglite" ? await openDatabase({ dataDir: dir }) : database;
      await superuserQuery(tamperWith, `set local session_replication_role = replica; update audit_event set actor_label = 'someone-else' where seq = ${target}`);
      if (kind === "pglite") await tamperWith.close();

      const broken = runVerify(env);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`FAILED at event ${target} (altered)`);
      expect(broken.out).toContain(`审计事件 ${target} 的内容已被篡改`);
    } finally {
      if (kind !== "pglite") await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
