import pg from "pg";

/**
 * Runs `fn` on a database of its own on the PostgreSQL server at `serverUrl`, created for the benchmark and dropped
 * afterwards whatever happens, so that a benchmark never touches data it did not make.
 */
export async function withThrowawayDatabase<T>(serverUrl: string, label: string, fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `tzxm_bench_${label}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
