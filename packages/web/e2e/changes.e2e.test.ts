/**
 * 项目变更、延期、中止、撤回 (Art. 12, 14(1)) from 我的项目: four projects declared over HTTP by the demo unit;
 * in the browser the unit extends one (a second version under the same code), changes another's total investment
 * by 25% (a major change: a new code, the old one superseded and linked to it), suspends and then withdraws a
 * third (the buttons go), and is refused an "extension" to an earlier date (the error on that field, nothing lost).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, declareOverHttp, type HttpAuth, openBrowserSession, signInOverHttp } from "./browser.js";

// The check character may be X (MOD 11-2, spec §2).
const CODE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{5}[0-9X]$/;

let session: BrowserSession;
const codes = { extended: "", major: "", status: "", early: "" };

/** Declares a project as the demo unit (interface specification §4): 52000 万元, to be completed in 2028-12. */
const declare = (baseUrl: string, auth: HttpAuth, name: string) =>
  declareOverHttp(baseUrl, auth, { name, totalInvestment: "52000.00", plannedEnd: "2028-12" });

beforeAll(async () => {
  session = await openBrowserSession();
  const auth = await signInOverHttp(session.baseUrl, "demo-unit");
  codes.extended = await declare(session.baseUrl, auth, "西湖区智慧物流园区项目");
  codes.major = await declare(session.baseUrl, auth, "西湖区高端装备制造基地项目");
  codes.status = await declare(session.baseUrl, auth, "西湖区冷链仓储中心项目");
  codes.early = await declare(session.baseUrl, auth, "西湖区数据中心项目");
});
afterAll(async () => {
  await session?.close();
});

const field = (page: Page, name: string) => page.locator(`#change_${name}`);
const record = (page: Page) => page.getByTestId("project-drawer").getByTestId("project-record");
const recordText = async (page: Page) => (await record(page).textContent()) ?? "";

/** Signs in as the demo unit and opens one of its projects from 我的项目. */
async function openProject(page: Page, code: string): Promise<void> {
  await session.signIn(page, "demo-unit");
  await page.getByTestId("menu-projects").click();
  await page.waitForURL("**/admin/projects");
  await page.getByTestId(`project-open-${code}`).click();
  await record(page).waitFor();
  expect(await recordText(page)).toContain(code);
}

async function setMonth(page: Page, name: string, month: string): Promise<void> {
  await field(page, name).click();
  await field(page, name).fill(month);
  await field(page, name).press("Enter");
  expect(await field(page, name).inputValue()).toBe(month);
}

describe("changes to a project, applied for by its unit", () => {
  it("extends the schedule under the same code and keeps both versions", async () => {
    const { context, page, problems } = await session.newPage();
    await openProject(page, codes.extended);
    await page.getByTestId("project-change-extension").click();
    const form = page.getByTestId("change-form");
    await form.waitFor();
    // Before submitting, the unit is told what would make it a major change with a new code.
    expect(await page.getByTestId("change-major-notice").textContent()).toContain("重大变化需重新赋码");
    // The form holds the latest declaration.
    expect(await field(page, "name").inputValue()).toBe("西湖区智慧物流园区项目");
    expect(await field(page, "totalInvestment").inputValue()).toBe("52000.00");
    expect(await field(page, "plannedEnd").inputValue()).toBe("2028-12");
    await field(page, "reason").fill("征地拆迁进度延迟");
    await setMonth(page, "plannedEnd", "2029-12");
    await page.getByTestId("change-submit").click();

    const result = page.getByTestId("change-result");
    await result.waitFor();
    expect(await result.getAttribute("data-major")).toBe("false");
    expect(await result.textContent()).toContain("已保存为第 2 版，项目代码不变");
    expect(await form.count()).toBe(0);
    await expect.poll(() => page.getByTestId("project-version").count()).toBe(2);
    expect(await recordText(page)).toContain(codes.extended);
    const versions = await page.getByTestId("project-versions").textContent();
    expect(versions).toContain("第 2 版 延期：征地拆迁进度延迟");
    expect(versions).toContain("第 1 版 项目申报");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("gives a change of total investment by 25% a new code and links the old code to it", async () => {
    const { context, page, problems } = await session.newPage();
    await openProject(page, codes.major);
    await page.getByTestId("project-change-adjustment").click();
    await page.getByTestId("change-form").waitFor();
    await field(page, "reason").fill("扩大生产规模，增加投资");
    await page.getByTestId("change-tab-3").click();
    await field(page, "totalInvestment").fill("65000");
    await page.getByTestId("change-submit").click();

    const result = page.getByTestId("change-result");
    await result.waitFor();
    expect(await result.getAttribute("data-major")).toBe("true");
    const newCode = ((await page.getByTestId("change-new-code").textContent()) ?? "").trim();
    expect(newCode).toMatch(CODE);
    expect(newCode).not.toBe(codes.major);
    expect(await page.getByTestId("change-major-reasons").textContent()).toContain("总投资变化达到20%");
    expect(await result.textContent()).toContain(`原项目代码 ${codes.major} 已标为“已重新赋码”`);
    // The old record, read again: superseded, pointing to its successor.
    await expect.poll(() => recordText(page)).toContain("已重新赋码");
    expect(await page.getByTestId("project-link-successor").textContent()).toBe(newCode);
    expect(await page.getByTestId("project-change-actions").count()).toBe(0);
    // The list shows the new project as well.
    await page.getByTestId(`project-open-${newCode}`).waitFor();

    await page.getByTestId("change-open-new").click();
    await expect.poll(() => recordText(page)).toContain(newCode);
    expect(await recordText(page)).toContain("已申报");
    await expect.poll(() => page.getByTestId("project-versions").textContent()).toContain(`第 1 版 重大变化重新赋码（原项目代码 ${codes.major}）`);
    expect(await page.getByTestId("project-link-predecessor").textContent()).toBe(codes.major);
    await page.getByTestId("project-link-predecessor").click();
    await expect.poll(() => recordText(page)).toContain(codes.major);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("suspends and then withdraws a project with the unit's reasons, after which nothing more is offered", async () => {
    const { context, page, problems } = await session.newPage();
    await openProject(page, codes.status);
    const status = () => record(page).locator(".ant-tag").first().textContent();

    await page.getByTestId("project-change-suspension").click();
    const dialog = page.getByTestId("change-status-dialog");
    await dialog.waitFor();
    // The reason is required.
    await page.getByTestId("change-status-submit").click();
    await dialog.getByText("请填写申请理由").waitFor();
    await page.locator("#change-status_reason").fill("项目资金暂未到位");
    await page.getByTestId("change-status-submit").click();
    await expect.poll(async () => (await page.getByTestId("change-result").count()) > 0 && (await page.getByTestId("change-result").textContent())).toContain("已中止");
    await expect.poll(status).toBe("已中止");
    expect(await page.getByTestId("project-change-suspension").count()).toBe(0);
    await page.getByTestId("project-change-withdrawal").waitFor();

    await page.getByTestId("project-change-withdrawal").click();
    await page.getByTestId("change-status-dialog").waitFor();
    await page.locator("#change-status_reason").fill("企业经营调整，不再建设");
    await page.getByTestId("change-status-submit").click();
    await expect.poll(status).toBe("已撤回");
    expect(await page.getByTestId("change-result").textContent()).toContain("已撤回");
    expect(await page.getByTestId("project-change-actions").count()).toBe(0);
    // The list is read again too.
    const row = page.getByTestId("projects-table").locator("tr", { has: page.getByTestId(`project-open-${codes.status}`) });
    await expect.poll(() => row.textContent()).toContain("已撤回");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("puts the refusal of an extension to an earlier date on the planned-end field and keeps what was typed", async () => {
    const { context, page, problems } = await session.newPage();
    await openProject(page, codes.early);
    await page.getByTestId("project-change-extension").click();
    await page.getByTestId("change-form").waitFor();
    await field(page, "reason").fill("施工许可延迟");
    await setMonth(page, "plannedEnd", "2028-06");
    await page.getByTestId("change-submit").click();

    const item = page.locator(".ant-form-item").filter({ has: field(page, "plannedEnd") });
    await item.locator(".ant-form-item-explain-error").waitFor();
    expect(await item.locator(".ant-form-item-explain-error").textContent()).toContain("须晚于 2028-12");
    expect(await field(page, "plannedEnd").inputValue()).toBe("2028-06");
    expect(await field(page, "reason").inputValue()).toBe("施工许可延迟");
    expect(await field(page, "name").inputValue()).toBe("西湖区数据中心项目");
    expect(await page.getByTestId("change-result").count()).toBe(0);
    // Nothing changed on the server.
    expect(await page.getByTestId("project-version").count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
