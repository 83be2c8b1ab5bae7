/**
 * 接口密钥: the security administrator issues a key to a department's system, sees it once, and the key works
 * on the case exchange interface until it is revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession, pickOption } from "./browser.js";

let session: BrowserSession;
beforeAll(async () => {
  session = await openBrowserSession();
});
afterAll(async () => {
  await session?.close();
});

describe("API keys", () => {
  it("issues a key shown once, which opens the exchange interface until revoked", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-security");
    await page.getByTestId("menu-api-keys").click();
    await page.getByTestId("create-api-key").click();
    await page.getByTestId("api-key-name").fill("省发改委审批系统");
    await pickOption(page, "api-key-department", "发展和改革");
    await page.locator("#api-key-submit").click();
    const shown = page.getByTestId("issued-api-key");
    await shown.waitFor();
    const key = ((await shown.textContent()) ?? "").trim();
    expect(key).toMatch(/^tzxm_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);

    const probe = () => fetch(`${session.baseUrl}/api/v1/cases/no-such-case`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);
    // A valid key reaches the route (the case does not exist: 404), a revoked one is refused (401).
    expect(await probe()).toBe(404);
    await page.keyboard.press("Escape");
    await page.getByTestId("api-keys-table").getByText("省发改委审批系统").waitFor();
    await page.getByTestId("revoke-key-省发改委审批系统").click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByTestId("api-keys-table").textContent()).toContain("吊销");
    expect(await probe()).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });
});
