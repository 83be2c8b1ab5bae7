import { defineConfig } from "vitest/config";

/**
 * Test projects, chosen by file name:
 *   *.test.ts               unit: pure code, no database, no network; beside the code in packages/<pkg>/src
 *   *.int.test.ts           integration: a real database (and the HTTP app in-process), on PGlite or, with
 *                           TEST_DB=postgres, on PostgreSQL 15; each file makes its own database with
 *                           createTestDatabase() from packages/server/test/test-database.ts
 *   *.pglite.int.test.ts    integration tests about the embedded database only (data directory, lock file);
 *                           left out of the TEST_DB=postgres run
 *   *.e2e.test.ts           browser tests in packages/web/e2e, against the built web application
 * scripts/test-all.sh (npm test) runs them all; `npx vitest run --project <name> [path filter]` runs one.
 */
const testDb = process.env.TEST_DB ?? "pglite";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", "**/*.int.test.ts", "**/*.e2e.test.ts"],
          environment: "node",
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "integration",
          include: ["packages/*/src/**/*.int.test.ts", "packages/*/test/**/*.int.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", ...(testDb === "postgres" ? ["**/*.pglite.int.test.ts"] : [])],
          environment: "node",
          globalSetup: ["packages/server/test/global-setup.ts"],
          // 2 cores: two files at a time, each on a database of its own.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["packages/web/e2e/**/*.e2e.test.ts"],
          exclude: ["**/node_modules/**"],
          environment: "node",
          // One browser at a time: Chromium alone keeps both cores busy.
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for the page to show what the server did; its default second is too short for a
          // round trip on a loaded CI machine (a resume step took longer once), so it waits as long as Playwright does.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
