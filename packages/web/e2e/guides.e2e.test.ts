/**
 * 办事指南版本 (Art. 8) in the browser: the 发展改革委 leader opens version 2 of the 核准 matter's guide, revises its
 * content, submits and publishes it; a project the demo unit declared before keeps v1 on its result page, and a
 * project declared after is told v2. Needs `npm run build -w @tzxm/web` first and Chromium at /usr/bin/chromium.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, declareOverHttp, openBrowserSession, signInOverHttp } from "./browser.js";

const MATTER = "ZJ-FGW-002"; // 企业投资项目核准, required by the sample declaration (approval category verification)
const REVISION = "（2026年修订）";

let session: BrowserSession;
let auth: { cookie: string; csrfToken: string };

const declare = (name: string) => declareOverHttp(session.baseUrl, auth, { name, approvalCategory: "verification" });

/** The version tag the project's result page shows for the 核准 matter. */
async function toldVersion(page: Page, code: string): Promise<string> {
  await page.goto(`${session.baseUrl}/declare?declared=${encodeURIComponent(code)}`);
  const matter = page.getByTestId("required-matter").filter({ hasText: "企业投资项目核准" });
  await matter.waitFor();
  return (await matter.locator(".ant-tag-blue").textContent()) ?? "";
}

beforeAll(async () => {
  session = await openBrowserSession();
  auth = await signInOverHttp(session.baseUrl, "demo-unit");
});
afterAll(async () => {
  await session?.close();
});

describe("service guide versions in the back office", () => {
  it("publishes a revised guide as v2; earlier projects keep v1 and new ones are told v2", async () => {
    const before = await declare("拱墅区智能制造产业园项目");

    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-leader-fgw");
    expect(await page.getByTestId("menu-guides").textContent()).toBe("办事指南");
    await page.getByTestId("menu-guides").click();
    await page.waitForURL("**/admin/guides");
    await page.getByTestId(`guide-matter-${MATTER}`).click();
    const versions = page.getByTestId("guide-versions");
    await versions.getByTestId("guide-status-v1").waitFor();
    expect(await versions.getByTestId("guide-status-v1").textContent()).toBe("现行");

    await versions.getByTestId("guide-new-draft").click();
    await versions.getByTestId("guide-status-v2").waitFor();
    expect(await versions.getByTestId("guide-status-v2").textContent()).toBe("草稿");
    await versions.getByTestId("guide-open-v2").click();
    const editor = page.getByTestId("guide-editor");
    const content = editor.getByTestId("guide-content");
    await content.waitFor();
    const original = await content.inputValue();
    await content.fill(`${original}${REVISION}`);
    await editor.getByTestId("guide-save").click();
    await editor.waitFor({ state: "detached" });

    await versions.getByTestId("guide-submit-v2").click();
    await expect.poll(() => versions.getByTestId("guide-status-v2").textContent()).toBe("待发布");
    await versions.getByTestId("guide-publish-v2").click();
    await expect.poll(() => versions.getByTestId("guide-status-v2").textContent()).toBe("现行");
    expect(await versions.getByTestId("guide-status-v1").textContent()).toBe("已废止");

    // The published version opens read only, with the revised text.
    await versions.getByTestId("guide-open-v2").click();
    await editor.getByTestId("guide-content").waitFor();
    expect(await editor.getByTestId("guide-content").inputValue()).toContain(REVISION);
    expect(await editor.getByTestId("guide-content").isDisabled()).toBe(true);
    expect(await editor.getByTestId("guide-save").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    const after = await declare("上城区数字经济总部项目");
    const unit = await session.newPage();
    await session.signIn(unit.page, "demo-unit");
    expect(await toldVersion(unit.page, after)).toBe("v2");
    expect(await toldVersion(unit.page, before)).toBe("v1");
    expect(unit.problems).toEqual([]);
    await unit.context.close();
  });
});
