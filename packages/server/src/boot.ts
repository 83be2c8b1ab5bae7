import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "./config/env.js";
import { type Database, openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { seedDemo } from "./demo/seed-demo.js";
import { seedDemoCases } from "./demo/seed-demo-cases.js";
import { seedDemoCatalogue } from "./modules/catalogue/catalogue.service.js";
import { seedDemoPortalContent } from "./modules/portal-content/demo-portal-content.js";
import { WorkingDayCalendar } from "./modules/reference/calendar.js";
import { seedReferenceData } from "./modules/reference/reference.service.js";

export const VERSION: string = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../package.json"), "utf8"),
).version;

/**
 * Everything start-up does before serving, shared by `npm start`, `npm run migrate` and the tests: open the
 * store, migrate, load reference data, and in demo mode the demo data (never into a DATABASE_URL database
 * unless DEMO_DATA_ON_POSTGRES asks for it).
 */
export async function prepareDatabase(config: Config, log: (msg: string) => void, options: { database?: Database } = {}) {
  const database = options.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  try {
    const applied = await migrate(database, log);
    if (applied.length) log(`migrations applied: ${applied.join(", ")}`);
    await seedReferenceData(database.db);
    const calendar = WorkingDayCalendar.load(config.CALENDAR_OVERRIDE_FILE ? { overrideFile: config.CALENDAR_OVERRIDE_FILE } : {});
    const demoAllowed = database.kind === "pglite" || config.DEMO_DATA_ON_POSTGRES;
    if (config.DEMO_MODE && demoAllowed) {
      if (await seedDemo(database.db, config.DEMO_PASSWORD)) log("demo data loaded");
      if (await seedDemoCatalogue(database.db)) log("demo matter catalogue loaded");
      if (await seedDemoPortalContent(database.db)) log("demo portal content loaded");
      if (config.DEMO_SAMPLE_CASES && (await seedDemoCases(config, database.db, calendar))) log("demo sample projects and cases loaded");
    }
    return { database, calendar };
  } catch (e) {
    if (!options.database) await database.close();
    throw e;
  }
}
