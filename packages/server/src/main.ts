/**
 * `npm start`: validate the configuration, open the database (embedded PGlite in DATA_DIR, or DATABASE_URL),
 * migrate, load reference and demo data, serve the portal, back office and API, and run the background jobs.
 */
import { ConfigError, loadConfig } from "./config/env.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { VERSION, prepareDatabase } from "./boot.js";
import { buildApp } from "./http/app.js";
import { startAuditSealer } from "./modules/audit/audit.service.js";
import { startDeadlineSweeper } from "./modules/cases/sweep.service.js";
import { leadersToldByCard, startCardSweeper } from "./modules/e-supervision/card-sweep.service.js";
import { startMonitoringSweeper } from "./modules/monitoring/monitoring-sweep.service.js";
import { startDisclosurePublisher } from "./modules/disclosure/disclosure-publisher.service.js";
import { smtpSender, startMailSender } from "./modules/messages/email-outbox.js";

async function main() {
  const config = loadConfig();
  const log = (msg: string) => console.log(JSON.stringify({ level: 30, time: Date.now(), msg }));
  const { database, calendar } = await prepareDatabase(config, log);
  const app = await buildApp({ config, database, calendar, version: VERSION });
  const sealer = startAuditSealer(database.db, config.AUDIT_SEAL_INTERVAL_MS, (e) => app.log.error({ err: e }, "audit sealer failed"));
  const mail = config.SMTP_URL ? startMailSender(database.db, smtpSender(config.SMTP_URL), config.SMTP_FROM, 15_000, (e) => app.log.error({ err: e }, "mail sender failed")) : null;
  const sweeper = startDeadlineSweeper({ db: database.db, calendar, warnDays: config.CASE_WARN_WORKING_DAYS, mail: mail !== null, leadersCarded: leadersToldByCard }, config.CASE_SWEEP_INTERVAL_MS, (e) =>
    app.log.error({ err: e }, "deadline sweep failed"),
  );
  const cards = startCardSweeper({ db: database.db, calendar, lookbackDays: config.CARD_SWEEP_LOOKBACK_DAYS }, config.CARD_SWEEP_INTERVAL_MS, (e) =>
    app.log.error({ err: e }, "e-supervision sweep failed"),
  );
  const publisher = startDisclosurePublisher({ db: database.db, platformRegion: config.PLATFORM_REGION }, config.DISCLOSURE_PUBLISH_INTERVAL_MS, (e) =>
    app.log.error({ err: e }, "disclosure publisher failed"),
  );
  const monitoring = startMonitoringSweeper(
    { db: database.db, calendar, graceWorkingDays: config.MONITORING_DORMANCY_GRACE_WORKING_DAYS, remindWorkingDays: config.MONITORING_REMIND_WORKING_DAYS },
    config.MONITORING_SWEEP_INTERVAL_MS,
    (e) => app.log.error({ err: e }, "monitoring sweep failed"),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    await app.close();
    await sweeper.stop();
    await cards.stop();
    await monitoring.stop();
    await publisher.stop();
    await mail?.stop();
    await sealer.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    { database: database.kind, demo: config.DEMO_MODE, level: config.PLATFORM_LEVEL, region: config.PLATFORM_REGION },
    `${config.PLATFORM_NAME} ready on port ${config.PORT}`,
  );
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
  } else {
    console.error(e);
  }
  process.exit(1);
});
