/**
 * 门户内容 (Art. 4) in the browser: the 发展改革委 leader drafts a policy document in the back office, attaches a PDF
 * and publishes it; it then appears on the portal's policy list and page with its attachment. The portal's
 * intermediary directory finds a seeded intermediary by service. Needs the web built and Chromium at /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession } from "./browser.js";

const TITLE = `关于做好投资项目在线审批监管平台应用工作的通知（浏览器测试 ${Date.now()}）`;
const PDF = Buffer.from("%PDF-1.4\n% 浏览器测试附件\n");

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});
afterAll(async () => {
  await session?.close();
});

describe("portal content", () => {
  it("a leader drafts, attaches and publishes a policy document that the portal then shows", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-leader-fgw");
    expect(await page.getByTestId("menu-content").textContent()).toBe("门户内容");
    await page.getByTestId("menu-content").click();
    await page.waitForURL("**/admin/content");

    await page.getByTestId("policy-new").click();
    const editor = page.getByTestId("policy-editor");
    await editor.getByTestId("policy-title-input").fill(TITLE);
    await editor.getByTestId("policy-issuer-input").fill("浙江省发展和改革委员会");
    await editor.getByTestId("policy-number-input").fill("浙发改投资〔2026〕8号");
    await editor.getByTestId("policy-date-input").fill("2026-03-02");
    await editor.getByTestId("policy-body-input").fill("请各地各部门通过在线平台办理项目审批事项（浏览器测试正文）。");
    await editor.getByTestId("policy-save").click();
    // Saved: the editor now belongs to the draft and accepts attachments.
    await editor.getByTestId("policy-upload").waitFor();
    await editor.locator('input[type="file"]').setInputFiles({ name: "通知附件.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect.poll(() => editor.getByTestId("policy-editor-attachments").textContent()).toContain("通知附件.pdf");
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "detached" });

    const row = page.getByTestId("policies-admin-list").locator("tr", { hasText: TITLE });
    await row.locator('[data-testid^="policy-publish-"]').click();
    await page.getByTestId("policy-publish-confirm").click();
    await expect.poll(() => row.locator('[data-testid^="policy-status-"]').textContent()).toBe("已发布");
    expect(problems).toEqual([]);
    await context.close();

    const portal = await session.newPage();
    await portal.page.goto(`${session.baseUrl}/`);
    await portal.page.getByTestId("card-policies").click();
    await portal.page.getByTestId("policies-page").waitFor();
    await portal.page.getByTestId("policies-q").locator("input").fill("浏览器测试");
    await portal.page.getByTestId("policies-q").locator("input").press("Enter");
    const link = portal.page.getByTestId("policy-link").filter({ hasText: TITLE });
    // The unfiltered list also holds the new policy, so wait for the search's answer, not just for the link.
    await expect.poll(() => portal.page.getByTestId("policy-link").count()).toBe(1);
    await link.waitFor();
    await link.click();
    await portal.page.getByTestId("policy-title").waitFor();
    expect(await portal.page.getByTestId("policy-title").textContent()).toBe(TITLE);
    expect(await portal.page.getByTestId("policy-number").textContent()).toBe("浙发改投资〔2026〕8号");
    const href = await portal.page.getByTestId("policy-attachment-link").getAttribute("href");
    const download = await portal.page.request.get(`${session.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    expect(portal.problems).toEqual([]);
    await portal.context.close();
  });

  it("the portal's intermediary directory finds a seeded intermediary by service", async () => {
    const { context, page, problems } = await session.newPage();
    await page.goto(`${session.baseUrl}/`);
    await page.getByTestId("portal-nav-intermediaries").click();
    await page.getByTestId("intermediaries-page").waitFor();
    await expect.poll(() => page.getByTestId("intermediary-link").count()).toBe(6);
    await page.getByTestId("intermediaries-service").locator("input").fill("水土保持");
    await page.getByTestId("intermediaries-service-search").click();
    await expect.poll(() => page.getByTestId("intermediary-link").count()).toBe(1);
    expect(await page.getByTestId("intermediary-link").textContent()).toBe("杭州示例水土保持技术服务有限公司");
    await page.getByTestId("intermediary-link").click();
    await page.getByTestId("intermediary-name").waitFor();
    expect(await page.getByTestId("intermediary-services").textContent()).toContain("水土保持方案编制");
    expect(problems).toEqual([]);
    await context.close();
  });
});
