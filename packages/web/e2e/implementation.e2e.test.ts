/**
 * 实施情况报告 (Art. 14(5); spec §7) from 我的项目: the demo unit files a start report for a filed project (it goes
 * under construction), then a progress report with its figures and a photo; a later report with a smaller progress figure is
 * refused on that field, and nothing the unit typed is lost.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, declareOverHttp, openBrowserSession, signInOverHttp } from "./browser.js";

let session: BrowserSession;
const ONE_PIXEL_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
let code = "";

beforeAll(async () => {
  session = await openBrowserSession();
  const auth = await signInOverHttp(session.baseUrl, "demo-unit");
  code = await declareOverHttp(session.baseUrl, auth, { name: "西湖区零部件仓储改造项目", approvalCategory: "filing", projectType: "02", totalInvestment: "800.00", environmentalCategory: "registration" });
});
afterAll(async () => {
  await session?.close();
});

const record = (page: Page) => page.getByTestId("project-drawer").getByTestId("project-record");
const panel = (page: Page) => page.getByTestId("implementation-panel");
/** antd puts the test id on the radio's hidden input; the visible button is its wrapper. */
const pickKind = (page: Page, kind: string) => page.locator(".ant-radio-button-wrapper", { has: page.getByTestId(`report-kind-${kind}`) }).click();

describe("implementation reports by the project unit", () => {
  it("files a start and a progress report and sees the project go under construction", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-unit");
    await page.getByTestId("menu-projects").click();
    await page.waitForURL("**/admin/projects");
    await page.getByTestId(`project-open-${code}`).click();
    await record(page).waitFor();
    expect(await record(page).textContent()).toContain("已备案");
    await panel(page).getByTestId("report-form").waitFor();
    expect(await panel(page).getByTestId("implementation-obligations").textContent()).toContain("进度报送频次：每季度");

    // 开工: the kind the state allows first, dated today by default.
    await pickKind(page, "start");
    expect(await page.locator("#report_on").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.locator("#report_note").fill("主体工程开工");
    await page.getByTestId("report-submit").click();
    await expect.poll(async () => await panel(page).getAttribute("data-status")).toBe("under_construction");
    await expect.poll(async () => (await record(page).textContent()) ?? "").toContain("在建");
    await expect.poll(() => page.getByTestId("report-item").count()).toBe(1);

    // 建设进度: cumulative investment and progress.
    await pickKind(page, "progress");
    await page.locator("#report_investmentCompleted").fill("120.50");
    await page.locator("#report_progressPercent").fill("15");
    // With a photo of the works, uploaded as chosen.
    await page.locator('input[type="file"]').setInputFiles({ name: "工地.png", mimeType: "image/png", buffer: ONE_PIXEL_PNG });
    await page.locator(".ant-upload-list-item-done").waitFor();
    await page.getByTestId("report-submit").click();
    await expect.poll(() => page.getByTestId("report-item").count()).toBe(2);
    await expect.poll(() => page.getByTestId("report-photo").count()).toBe(1);
    const newest = page.getByTestId("report-item").first();
    expect(await newest.getAttribute("data-kind")).toBe("progress");
    expect(await newest.textContent()).toContain("120.50");

    // A smaller progress figure is refused on its field; the typed values stay.
    await pickKind(page, "progress");
    await page.locator("#report_investmentCompleted").fill("130.00");
    await page.locator("#report_progressPercent").fill("10");
    await page.getByTestId("report-submit").click();
    await page.getByText("上次报告形象进度 15%").waitFor();
    expect(await page.locator("#report_investmentCompleted").inputValue()).toBe("130.00");
    expect(await page.getByTestId("report-item").count()).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });
});
