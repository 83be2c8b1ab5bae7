/**
 * A real listening server for browser tests: an in-memory PGlite prepared exactly as `npm start` prepares
 * its database (migrations, reference data, demo data), the built web application, and the audit sealer.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERSION, prepareDatabase } from "../src/boot.js";
import { loadConfig } from "../src/config/env.js";
import { openDatabase } from "../src/db/database.js";
import { buildApp } from "../src/http/app.js";
import { startAuditSealer } from "../src/modules/audit/audit.service.js";
import { startCardSweeper } from "../src/modules/e-supervision/card-sweep.service.js";
import { startDisclosurePublisher } from "../src/modules/disclosure/disclosure-publisher.service.js";

export async function startTestServer(env: Record<string, string> = {}): Promise<{ baseUrl: string; close(): Promise<void> }> {
  // WEB_DIST_DIR lets a developer test a web build made elsewhere (`vite build --outDir …`) without touching dist/.
  const webDist = process.env.WEB_DIST_DIR ? { WEB_DIST_DIR: process.env.WEB_DIST_DIR } : {};
  const fileDir = await mkdtemp(join(tmpdir(), "tzxm-e2e-files-"));
  // Browser tests make their own projects and cases; the demo's sample ones would only get in their way.
  const config = loadConfig({ DEMO_MODE: "true", DEMO_SAMPLE_CASES: "false", LOG_LEVEL: "warn", PORT: "0", HOST: "127.0.0.1", FILE_STORE_DIR: fileDir, ...webDist, ...env });
  const { database, calendar } = await prepareDatabase(config, () => {}, { database: await openDatabase({}) });
  const app = await buildApp({ config, database, calendar, version: VERSION });
  const sealer = startAuditSealer(database.db, 500, () => {});
  // 信息公开: completed cases reach the public lists within a second, as browser tests expect.
  const publisher = startDisclosurePublisher({ db: database.db, platformRegion: config.PLATFORM_REGION }, 500, () => {});
  // 电子监察: only for tests that ask (CARD_SWEEP_INTERVAL_MS), so that other tests' messages stay as they were.
  const cards = env.CARD_SWEEP_INTERVAL_MS ? startCardSweeper({ db: database.db, calendar, lookbackDays: config.CARD_SWEEP_LOOKBACK_DAYS }, config.CARD_SWEEP_INTERVAL_MS, () => {}) : null;
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await sealer.stop();
      await cards?.stop();
      await publisher.stop();
      await database.close();
      await rm(fileDir, { recursive: true, force: true });
    },
  };
}
