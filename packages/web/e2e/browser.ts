/**
 * What every browser test needs: a real server (demo data, the built web app) and Debian's Chromium driven by
 * playwright-core, plus the small helpers the pages call for (sign-in, antd selects, TOTP codes).
 */
import { createHmac } from "node:crypto";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { onTestFailed } from "vitest";
import { sampleDeclaration } from "../../server/test/fixtures.js";
import { startTestServer } from "../../server/test/server-harness.js";

export const PASSWORD = "Demo#2026";

export interface BrowserSession {
  baseUrl: string;
  browser: Browser;
  /** A fresh context (no cookies) and page; uncaught errors and console errors are collected in `problems`. */
  newPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  signIn(page: Page, username: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowserSession(serverEnv: Record<string, string> = {}): Promise<BrowserSession> {
  const server = await startTestServer(serverEnv);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    baseUrl: server.baseUrl,
    browser,
    async newPage() {
      // Reduced motion: the app then turns antd's animations off (i18n/index.tsx), so clicks never meet a moving dialog.
      const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: "zh-CN", reducedMotion: "reduce" });
      const page = await context.newPage();
      explainFailure(page);
      return { context, page, problems: watchErrors(page) };
    },
    async signIn(page, username) {
      await page.goto(`${server.baseUrl}/admin/login`);
      await page.getByTestId("login-username").fill(username);
      await page.getByTestId("login-password").fill(PASSWORD);
      await page.getByTestId("login-submit").click();
      await page.getByTestId("welcome-card").waitFor();
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * When the test that opened the page fails, prints what the page last did: its address, the API calls it made with
 * their answers, and the alerts on screen, so that a failure on CI (where nobody can look at the browser) says
 * whether a click was lost or the server refused.
 */
function explainFailure(page: Page): void {
  const calls: string[] = [];
  page.on("response", (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith("/api/")) calls.push(`${res.request().method()} ${url.pathname}${url.search} → ${res.status()}`);
    if (calls.length > 30) calls.shift();
  });
  try {
    onTestFailed(async () => {
      if (page.isClosed()) return;
      const alerts = await page
        .locator(".ant-alert, .ant-message-notice, .ant-form-item-explain-error")
        .allTextContents()
        .catch(() => []);
      console.log(`── page at failure: ${page.url()}\n   API calls (last 30):\n     ${calls.join("\n     ")}\n   alerts: ${JSON.stringify(alerts)}`);
    });
  } catch {
    // Opened outside a test (in a hook): nothing to attach to.
  }
}

/** Uncaught exceptions and console errors (a chunk that fails to load, a React error) fail the test. */
function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // The browser logs every 4xx answer; those are expected (the session probe before signing in).
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return problems;
}

/** Opens an antd Select, narrows it by typing, and picks the first option containing the text. */
export async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator(".ant-select-item-option", { hasText: text }).first().click();
}

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits), what an authenticator app computes from the enrolment secret. */
export function totp(secretBase32: string, at = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of secretBase32.replace(/=+$/, "")) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

export interface HttpAuth {
  cookie: string;
  csrfToken: string;
}

/** Signs a demo user in over HTTP (no browser): the session cookie and CSRF token for API calls in a test's set-up. */
export async function signInOverHttp(baseUrl: string, username: string): Promise<HttpAuth> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/**
 * One JSON call to the API, as a signed-in user or (auth null) anonymously: the set-up steps a browser test does not
 * walk through on screen. Answers the status and the parsed body.
 */
export async function callApi<T>(baseUrl: string, auth: HttpAuth | null, method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(auth ? { cookie: auth.cookie, "x-csrf-token": auth.csrfToken } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Declares the sample project (test/fixtures.ts) with `over` applied, as the signed-in unit; answers its code. */
export async function declareOverHttp(baseUrl: string, auth: HttpAuth, over: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/projects`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: auth.cookie, "x-csrf-token": auth.csrfToken },
    body: JSON.stringify(sampleDeclaration(over)),
  });
  const body = (await res.json()) as { code: string };
  if (res.status !== 201) throw new Error(`declaration failed: ${res.status} ${JSON.stringify(body)}`);
  return body.code;
}
