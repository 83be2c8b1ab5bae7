/**
 * Browser test of the web application against a real server (demo data, built web app): the portal home in
 * Chinese, and for every demo user exactly the back-office menu their role's permissions allow, each page
 * opening without an error. Needs `npm run build -w @tzxm/web` first and Chromium at /usr/bin/chromium.
 * With SCREENSHOTS=1 it also refreshes docs/screenshot-portal.png and docs/screenshot-admin.png.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Permission, ROLE_LABELS, ROLE_PERMISSIONS, type Role } from "@tzxm/shared";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, PASSWORD, openBrowserSession, pickOption, totp } from "./browser.js";

const DOCS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../docs");
const SCREENSHOTS = process.env.SCREENSHOTS === "1";

const DEMO_USERS: [string, Role][] = [
  ["demo-unit", "project_unit"],
  ["demo-officer-fgw", "officer"],
  ["demo-officer-zrzy", "officer"],
  ["demo-officer-sthj", "officer"],
  ["demo-officer-zjw", "officer"],
  ["demo-leader-fgw", "leader"],
  ["demo-supervisor", "supervisor"],
  ["demo-intermediary", "intermediary"],
  ["demo-ops", "ops_admin"],
  ["demo-security", "security_admin"],
  ["demo-audit", "audit_admin"],
];

/** The menu as specified: each item and the permission it needs (null: every signed-in user). */
const MENU_PERMISSION: Record<string, Permission | null> = {
  workbench: null,
  projects: "projects:read",
  cases: "cases:handle",
  guides: "guides:edit",
  catalogue: "catalogue:manage",
  content: "content:manage",
  commissions: "commissions:read",
  disclosures: "disclosure:manage",
  supervision: "supervision:manage",
  dashboard: "supervision:read",
  users: "users:read",
  "api-keys": "users:read",
  organisations: "organisations:read",
  audit: "audit:read",
  reference: "ops:read",
  operations: "ops:read",
  calendar: null,
  account: "profile:read",
};

function expectedMenu(role: Role): string[] {
  return Object.entries(MENU_PERMISSION)
    .filter(([, permission]) => permission === null || ROLE_PERMISSIONS[role].includes(permission))
    .map(([key]) => `menu-${key}`)
    .sort();
}

let session: BrowserSession;
let server: { baseUrl: string };
let platformName: string;
const newPage = () => session.newPage();
const signIn = (page: Page, username: string) => session.signIn(page, username);

async function visibleMenu(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="menu-"]')
    .evaluateAll((elements) => elements.map((e) => e.getAttribute("data-testid") ?? ""));
  return ids.sort();
}

beforeAll(async () => {
  // About 25 sign-ins run within a minute or two from one address: lift the per-address limit above that
  // (the limit has tests of its own on the server), and lock after 3 failures to keep the lockout test short.
  session = await openBrowserSession({ LOGIN_RATE_PER_MINUTE: "600", LOCKOUT_THRESHOLD: "3" });
  server = session;
  const platform = (await (await fetch(`${server.baseUrl}/api/v1/platform`)).json()) as { name: string; demoMode: boolean };
  expect(platform.demoMode).toBe(true);
  platformName = platform.name;
  if (SCREENSHOTS) mkdirSync(DOCS, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

describe("portal", () => {
  it("shows the home page in Chinese with the demo banner, the live calculator and every section open", async () => {
    const { context, page, problems } = await newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    const home = await page.goto(`${server.baseUrl}/`);
    expect(home?.status(), "GET / serves the portal").toBe(200);
    await expect.poll(() => page.getByTestId("platform-name").textContent()).toBe(platformName);
    // The bundle split holds: the portal never downloads ECharts (only the workbench chart needs it).
    expect(requested.some((path) => path.startsWith("/assets/antd-"))).toBe(true);
    expect(requested.filter((path) => path.startsWith("/assets/echarts-"))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    expect(await page.getByTestId("demo-banner").textContent()).toContain("演示环境");
    expect(await page.getByPlaceholder("输入项目代码查询").count()).toBe(1);
    // Every section of the portal is open now (信息公开 was the last to come).
    expect(await page.getByTestId("coming-soon").count()).toBe(0);
    for (const id of ["policies", "intermediary", "disclosures"]) {
      expect(await page.getByTestId(`card-${id}`).getAttribute("aria-disabled")).toBe("false");
    }
    expect(await page.getByTestId("card-guides").getAttribute("aria-disabled")).toBe("false");
    expect(await page.getByText("登录审批监管系统").count()).toBeGreaterThan(0);
    if (SCREENSHOTS) await page.screenshot({ path: resolve(DOCS, "screenshot-portal.png"), fullPage: true });

    // The code's shape is checked before anything is sent.
    await page.getByPlaceholder("输入项目代码查询").fill("2501-33010");
    await page.getByPlaceholder("输入项目代码查询").press("Enter");
    await expect.poll(() => page.getByTestId("code-hint").textContent()).toContain("项目代码格式不正确");
    // A well-shaped code that leads to no project gets the server's answer and the reason (its check character is 6).
    await page.getByPlaceholder("输入项目代码查询").fill("2501-330106-04-01-12345X");
    await page.getByPlaceholder("输入项目代码查询").press("Enter");
    await page.getByTestId("code-result").waitFor();
    expect(await page.getByTestId("code-why-not").textContent()).toContain("校验位错误");

    expect(problems).toEqual([]);
    await context.close();
  });

  it("computes a due date, and shows the server's refusal for a year without official holiday data", async () => {
    const { context, page, problems } = await newPage();
    const home = await page.goto(`${server.baseUrl}/`);
    expect(home?.status(), "GET / serves the portal").toBe(200);
    await page.getByTestId("card-calendar").click();
    await page.getByTestId("working-day-calculator").waitFor();
    expect(new URL(page.url()).pathname).toBe("/calendar");

    const start = page.getByTestId("cal-due-start");
    await start.click();
    await start.fill("2026-09-30");
    await start.press("Enter");
    await page.getByTestId("cal-due-days").fill("3");
    await page.getByTestId("cal-due-submit").click();
    const result = page.getByTestId("cal-due-result");
    await result.waitFor();
    // The page shows the server's count (across the National Day holiday), not one of its own.
    const answer = (await (await fetch(`${server.baseUrl}/api/v1/calendar/due-date?start=2026-09-30&workingDays=3`)).json()) as {
      dueDate: string;
    };
    expect(answer.dueDate > "2026-10-07").toBe(true);
    expect(await result.textContent()).toContain(answer.dueDate);

    await start.click();
    await start.fill("2099-03-02");
    await start.press("Enter");
    await page.getByTestId("cal-due-submit").click();
    const error = page.getByTestId("error-alert");
    await error.waitFor();
    expect(await error.getAttribute("data-code")).toBe("CALENDAR_YEAR_UNAVAILABLE");
    expect(await error.textContent()).toContain("请求编号");

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("back office menus by role", () => {
  it("derives different menus for different roles (the expectations can tell roles apart)", () => {
    expect(expectedMenu("security_admin")).toContain("menu-users");
    expect(expectedMenu("security_admin")).not.toContain("menu-audit");
    expect(expectedMenu("audit_admin")).toContain("menu-audit");
    expect(expectedMenu("project_unit")).toEqual(["menu-account", "menu-calendar", "menu-projects", "menu-workbench"]);
  });

  for (const [username, role] of DEMO_USERS) {
    it(`${username} (${role}) sees exactly the menu of its permissions, and every page opens`, async () => {
      const { context, page, problems } = await newPage();
      await signIn(page, username);
      expect(await visibleMenu(page)).toEqual(expectedMenu(role));
      expect(await page.getByTestId("demo-banner").isVisible()).toBe(true);
      expect(await page.getByTestId("current-role").textContent()).toBe(ROLE_LABELS[role].zh);

      for (const id of expectedMenu(role)) {
        await page.getByTestId(id).click();
        await page.waitForURL(`**/admin/${id.slice("menu-".length)}`);
        await page.waitForLoadState("networkidle");
        expect(await page.getByTestId("error-alert").count(), `${id} shows an error`).toBe(0);
        expect(await page.getByTestId("forbidden").count(), `${id} is forbidden`).toBe(0);
      }
      // A page outside the role's menu is refused in the browser too (the server refuses its data anyway).
      const hidden = Object.keys(MENU_PERMISSION).find((key) => !expectedMenu(role).includes(`menu-${key}`));
      if (hidden) {
        await page.goto(`${server.baseUrl}/admin/${hidden}`);
        await page.getByTestId("forbidden").waitFor();
      }

      if (SCREENSHOTS && username === "demo-ops") {
        await page.getByTestId("menu-workbench").click();
        await page.getByTestId("users-by-role-chart").locator("canvas").waitFor();
        await page.waitForTimeout(800); // the bars animate in
        await page.screenshot({ path: resolve(DOCS, "screenshot-admin.png") });
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe("back office behaviour", () => {
  it("switches to English, remembers the choice, and signs out", async () => {
    const { context, page, problems } = await newPage();
    await signIn(page, "demo-security");
    expect(await page.getByTestId("menu-users").textContent()).toBe("用户管理");
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.getByTestId("menu-users").textContent()).toBe("Users");
    expect(await page.getByTestId("current-role").textContent()).toBe(ROLE_LABELS.security_admin.en);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    await page.reload();
    await page.getByTestId("welcome-card").waitFor();
    expect(await page.getByTestId("menu-users").textContent()).toBe("Users");

    await page.getByTestId("logout").click();
    await page.waitForURL("**/admin/login");
    await page.goto(`${server.baseUrl}/admin/workbench`);
    await page.waitForURL("**/admin/login?next=*");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("sends a user whose session ended to the sign-in page and back to where they were", async () => {
    const { context, page } = await newPage();
    await signIn(page, "demo-security");
    await context.clearCookies();
    await page.getByTestId("menu-organisations").click();
    await page.getByTestId("session-expired").waitFor();
    expect(await page.getByTestId("session-expired").textContent()).toContain("会话已超时，请重新登录");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/admin/login");
    expect(url.searchParams.get("next")).toBe("/admin/organisations");

    await page.getByTestId("login-username").fill("demo-security");
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.waitForURL("**/admin/organisations");
    await page.getByTestId("organisations-table").waitFor();
    await context.close();
  });

  it("keeps the typed username and shows the server's message and request id after a wrong password", async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.baseUrl}/admin/login`);
    await page.getByTestId("login-username").fill("demo-supervisor");
    await page.getByTestId("login-password").fill("not-the-password");
    await page.getByTestId("login-submit").click();
    const error = page.getByTestId("error-alert");
    await error.waitFor();
    expect(await error.getAttribute("data-code")).toBe("INVALID_CREDENTIALS");
    expect(await error.textContent()).toContain("请求编号");
    expect(await page.getByTestId("login-username").inputValue()).toBe("demo-supervisor");
    await context.close();
  });

  it("creates an officer who must enrol a second factor, then signs in with a one-time code", async () => {
    const { context, page, problems } = await newPage();
    await signIn(page, "demo-security");
    await page.getByTestId("menu-users").click();
    await page.getByTestId("create-user").click();
    const dialog = page.getByTestId("create-user-dialog");
    await page.getByTestId("new-user-username").fill("demo-unit");
    await page.getByTestId("new-user-display-name").fill("测试经办人");
    await pickOption(page, "new-user-role", "审批经办");
    await pickOption(page, "new-user-organisation", "发展和改革");
    await page.getByTestId("new-user-password").fill("Start#2026x");
    await page.getByRole("button", { name: "提 交" }).click();
    // The server's field problem lands on the field; what was typed stays.
    await expect.poll(() => dialog.locator(".ant-form-item-explain-error").allTextContents()).toContain("用户名已存在");
    expect(await page.getByTestId("new-user-display-name").inputValue()).toBe("测试经办人");
    await page.getByTestId("new-user-username").fill("e2e-officer");
    await page.getByRole("button", { name: "提 交" }).click();
    await page.getByText("e2e-officer").first().waitFor();
    await page.getByTestId("logout").click();
    await page.waitForURL("**/admin/login");

    // Outside the demo exemption an officer must enrol before anything else.
    await page.getByTestId("login-username").fill("e2e-officer");
    await page.getByTestId("login-password").fill("Start#2026x");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("enrol-page").waitFor();
    expect(await visibleMenu(page)).toEqual([]);
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.getByTestId("enrol-page").waitFor();
    await page.getByTestId("totp-start").click();
    const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByTestId("totp-url").textContent()).toContain(`secret=${secret}`);
    await page.getByTestId("totp-otp").fill("000000" === totp(secret) ? "111111" : "000000");
    await page.getByTestId("totp-confirm").click();
    await expect.poll(() => page.locator(".ant-form-item-explain-error").allTextContents()).not.toEqual([]);
    await page.getByTestId("totp-otp").fill(totp(secret));
    await page.getByTestId("totp-confirm").click();
    await page.getByTestId("welcome-card").waitFor();
    expect(await visibleMenu(page)).toEqual(expectedMenu("officer"));
    await page.getByTestId("logout").click();
    await page.waitForURL("**/admin/login");

    // Now the password alone is not enough: the form asks for the code and keeps what was typed.
    await page.getByTestId("login-username").fill("e2e-officer");
    await page.getByTestId("login-password").fill("Start#2026x");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("login-otp").waitFor();
    expect(await page.getByTestId("login-password").inputValue()).toBe("Start#2026x");
    await page.getByTestId("login-otp").fill(totp(secret));
    await page.getByTestId("login-submit").click();
    await page.getByTestId("welcome-card").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows the lockout after repeated wrong passwords, and the security administrator unlocks the account", async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.baseUrl}/admin/login`);
    const error = page.getByTestId("error-alert");
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.getByTestId("login-username").fill("demo-leader-fgw");
      await page.getByTestId("login-password").fill(`wrong-${attempt}`);
      await page.getByTestId("login-submit").click();
      await expect.poll(() => error.getAttribute("data-code")).toBe(attempt < 3 ? "INVALID_CREDENTIALS" : "ACCOUNT_LOCKED");
    }
    // The right password is refused too while the lock lasts.
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    await expect.poll(() => error.getAttribute("data-code")).toBe("ACCOUNT_LOCKED");

    await page.getByTestId("login-username").fill("demo-security");
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("welcome-card").waitFor();
    await page.getByTestId("menu-users").click();
    await page.getByTestId("users-search").locator("input").fill("demo-leader-fgw");
    await page.getByTestId("users-search").locator("input").press("Enter");
    await page.getByTestId("unlock-demo-leader-fgw").click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "解 锁" }).click();
    await page.getByTestId("unlock-demo-leader-fgw").waitFor({ state: "detached" });
    await page.getByTestId("logout").click();
    await page.waitForURL("**/admin/login");
    await signIn(page, "demo-leader-fgw");
    await context.close();
  });
});
