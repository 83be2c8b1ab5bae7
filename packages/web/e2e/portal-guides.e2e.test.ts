/**
 * 办事指南 on the portal (Art. 4 and 8): from the home page to the guide list, a search by name, a stage filter,
 * and a matter's published guide with the eight elements and the material list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession } from "./browser.js";

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});
afterAll(async () => {
  await session?.close();
});

const SECTIONS = ["审批依据", "审批内容", "受理条件", "办理流程", "办理时限", "收费标准", "监管要求", "联系方式"];

describe("portal service guides", () => {
  it("finds the EIA matters by name, opens one, and filters by stage", async () => {
    const { context, page, problems } = await session.newPage();
    await page.goto(`${session.baseUrl}/`);
    expect(await page.getByTestId("card-guides").getAttribute("aria-disabled")).toBe("false");
    await page.getByTestId("card-guides").click();
    await page.waitForURL("**/guides");
    const links = page.getByTestId("guide-link");
    await expect.poll(() => links.count()).toBe(15);

    const search = page.getByPlaceholder("输入事项名称，如：环境影响");
    await search.fill("环境影响");
    await search.press("Enter");
    await expect.poll(() => links.allTextContents()).toEqual(["建设项目环境影响评价审批（报告书）", "建设项目环境影响评价审批（报告表）"]);
    const list = page.getByTestId("guides-list");
    expect(await list.textContent()).toContain("法定 60 日");
    expect(await list.textContent()).toContain("承诺 20 个工作日");
    expect(await list.textContent()).toContain("施工许可");

    await links.first().click();
    await page.waitForURL("**/guides/ZJ-STHJ-001");
    await page.getByTestId("guide-title").waitFor();
    expect(await page.getByTestId("guide-title").textContent()).toBe("建设项目环境影响评价审批（报告书）");
    expect(await page.getByTestId("guide-version").textContent()).toBe("第 1 版");
    expect(await page.getByTestId("guide-published").textContent()).toMatch(/^发布日期：\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId("guide-department").textContent()).toBe("浙江省生态环境厅");
    const titles = await page.locator("[data-testid^='guide-section-'] .ant-card-head-title").allTextContents();
    expect(titles).toEqual(SECTIONS);
    const materials = page.getByTestId("guide-materials");
    expect(await materials.locator("tbody tr").count()).toBeGreaterThan(1);
    expect(await materials.textContent()).toContain("必须提交");
    expect(await page.getByTestId("material-held").count()).toBeGreaterThan(0);
    expect(await page.getByText("申请材料清单").count()).toBe(1);

    // Reloading the guide's own address works (a deep link from anywhere).
    await page.reload();
    await page.getByTestId("guide-title").waitFor();

    await page.goto(`${session.baseUrl}/guides`);
    await expect.poll(() => links.count()).toBe(15);
    await page.getByTestId("guides-stage").click();
    await page.locator(".ant-select-item-option", { hasText: "竣工验收" }).click();
    await expect.poll(() => links.allTextContents()).toEqual(["房屋建筑和市政基础设施工程竣工验收备案"]);
    expect(await page.getByTestId("guide-stage").allTextContents()).toEqual(["竣工验收"]);

    expect(problems).toEqual([]);
    await context.close();
  });

  it("says so when a matter has no published guide", async () => {
    const { context, page, problems } = await session.newPage();
    await page.goto(`${session.baseUrl}/guides/ZJ-XXX-999`);
    await page.getByTestId("guide-not-found").waitFor();
    expect(await page.getByTestId("guide-not-found").textContent()).toContain("ZJ-XXX-999");
    await page.getByTestId("back-to-guides").click();
    await page.waitForURL("**/guides");
    await expect.poll(() => page.getByTestId("guide-link").count()).toBe(15);
    expect(problems).toEqual([]);
    await context.close();
  });
});
