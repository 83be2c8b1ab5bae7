/** `npm run migrate`: applies pending migrations and reference data, then exits. */
import { prepareDatabase } from "../boot.js";
import { ConfigError, loadConfig } from "../config/env.js";
import { DataDirLockedError } from "../db/data-dir-lock.js";

try {
  const config = loadConfig();
  const { database } = await prepareDatabase(config, (m) => console.log(m));
  await database.close();
  console.log("数据库已是最新 Database is up to date.");
} catch (e) {
  console.error(e instanceof ConfigError || e instanceof DataDirLockedError ? e.message : e);
  process.exit(1);
}
