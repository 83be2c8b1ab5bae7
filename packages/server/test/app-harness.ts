/**
 * The real Fastify app over a fresh test database (cloned from the run's template, which holds the migrations,
 * the reference data and the demo organisations and users). Requests go through `app.inject`: real routing,
 * validation, access control, CSRF and sessions, without a socket.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { VERSION } from "../src/boot.js";
import { type Config, loadConfig } from "../src/config/env.js";
import type { Database } from "../src/db/database.js";
import { buildApp } from "../src/http/app.js";
import { WorkingDayCalendar } from "../src/modules/reference/calendar.js";
import { createTestDatabase } from "./test-database.js";

export const DEMO_PASSWORD = "Demo#2026";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // Each test app keeps its uploaded files in a directory of its own, removed on close.
  const fileDir = await mkdtemp(join(tmpdir(), "tzxm-test-files-"));
  const config = loadConfig({ DEMO_MODE: "true", LOG_LEVEL: "silent", WEB_DIST_DIR: "/nonexistent", FILE_STORE_DIR: fileDir, ...env });
  const app = await buildApp({ config, database, calendar: WorkingDayCalendar.load(), version: VERSION }, { logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      await rm(fileDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export interface Client {
  cookie: string;
  csrfToken: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD, otp?: string): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password, ...(otp ? { otp } : {}) } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "tzxm_sid");
  if (!cookie) throw new Error("no session cookie");
  return clientFor(app, `tzxm_sid=${cookie.value}`, res.json().csrfToken);
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  const write = (method: "POST" | "PUT") => (url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie, "x-csrf-token": csrfToken },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    csrfToken,
    get: (url) => app.inject({ method: "GET", url, headers: { cookie } }),
    post: write("POST"),
    put: write("PUT"),
  };
}
