/**
 * 项目申报 through the portal wizard: the demo unit signs in through the redirect from /declare, fills two steps
 * and part of the third, reloads (the same draft and step come back with everything typed), is refused once for a
 * wrong credit-code check character (shown on that field, on its step, nothing lost), fixes it and gets the
 * project code and its QR label; the draft is gone afterwards. A draft also survives signing out and in again.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_UNIT_CREDIT_CODE, DEMO_UNIT_NAME } from "../../server/test/fixtures.js";
import { type BrowserSession, openBrowserSession, PASSWORD, pickOption } from "./browser.js";

const NAME = "西湖区智能网联汽车零部件生产基地项目";
const WRONG_CREDIT_CODE = DEMO_UNIT_CREDIT_CODE.slice(0, 17) + (DEMO_UNIT_CREDIT_CODE.endsWith("0") ? "1" : "0");
const ADDRESS = "杭州市西湖区三墩镇振华路88号";
const CODE = /^\d{4}-330106-02-01-\d{5}[0-9X]$/;

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});
afterAll(async () => {
  await session?.close();
});

const field = (page: Page, name: string) => page.locator(`#declare_${name}`);
const stepShown = (page: Page, index: number) => page.getByTestId(`decl-step-${index}`).isVisible();
const draftState = (page: Page) => page.getByTestId("draft-status").getAttribute("data-state");

/** Opens /declare signed out: the sign-in page comes first and leads back to the wizard's list of drafts. */
async function signInThroughDeclare(page: Page): Promise<void> {
  await page.goto(`${session.baseUrl}/declare`);
  await page.waitForURL("**/admin/login?next=*");
  expect(new URL(page.url()).searchParams.get("next")).toBe("/declare");
  await page.getByTestId("login-username").fill("demo-unit");
  await page.getByTestId("login-password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("draft-chooser").waitFor();
  expect(new URL(page.url()).pathname).toBe("/declare");
}

async function startDraft(page: Page): Promise<string> {
  await page.getByTestId("decl-new").click();
  await page.getByTestId("declare-wizard").waitFor();
  const id = new URL(page.url()).searchParams.get("draft");
  expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  return id ?? "";
}

async function fillBasics(page: Page, name: string): Promise<void> {
  await field(page, "name").fill(name);
  await page.getByTestId("decl-category").getByText("核准", { exact: true }).click();
  await pickOption(page, "decl-projectType", "基本建设");
  await pickOption(page, "decl-department", "工业和信息化部");
  await field(page, "industryCode").click();
  await page.locator(".ant-select-tree-title", { hasText: /^C 制造业$/ }).click();
  await page.locator(".ant-select-tree-title", { hasText: /^36 汽车制造业$/ }).click();
}

async function next(page: Page, to: number): Promise<void> {
  await page.getByTestId("decl-next").click();
  await expect.poll(() => stepShown(page, to)).toBe(true);
}

describe("declaring a project through the portal wizard", () => {
  it("keeps every step across a reload, marks the server's refusal on its field, and ends with the code and QR", async () => {
    const { context, page, problems } = await session.newPage();
    await signInThroughDeclare(page);
    const draftId = await startDraft(page);

    // 1 项目基本信息
    await fillBasics(page, NAME);
    await next(page, 1);
    // 2 项目单位: the unit's own name is filled in; the credit code is typed (here with a wrong check character).
    expect(await field(page, "unit_name").inputValue()).toBe(DEMO_UNIT_NAME);
    await field(page, "unit_creditCode").fill(WRONG_CREDIT_CODE.toLowerCase());
    expect(await field(page, "unit_creditCode").inputValue()).toBe(WRONG_CREDIT_CODE);
    await field(page, "unit_legalRepresentative").fill("王建国");
    await field(page, "unit_contactName").fill("王经理");
    await field(page, "unit_contactPhone").fill("0571-88886666");
    await next(page, 2);
    await expect.poll(() => draftState(page)).toBe("saved");
    // 3 建设地点与内容, in part: the site only.
    await page.getByTestId("decl-site-region-0").click();
    await page.locator(".ant-cascader-menu-item", { hasText: "浙江省" }).click();
    await page.locator(".ant-cascader-menu-item", { hasText: "杭州市" }).click();
    await page.locator(".ant-cascader-menu-item", { hasText: "西湖区" }).click();
    await page.keyboard.press("Escape");
    await field(page, "sites_0_address").fill(ADDRESS);
    // Saved by the autosave once typing stops, without changing step.
    await expect.poll(() => draftState(page)).toBe("dirty");
    await expect.poll(() => draftState(page), { timeout: 10_000 }).toBe("saved");
    expect(await page.getByTestId("draft-status").textContent()).toMatch(/草稿已保存 \d{2}:\d{2}:\d{2}/);

    await page.reload();
    await page.getByTestId("declare-wizard").waitFor();
    expect(new URL(page.url()).searchParams.get("draft")).toBe(draftId);
    await expect.poll(() => stepShown(page, 2)).toBe(true);
    expect(await field(page, "sites_0_address").inputValue()).toBe(ADDRESS);
    await expect.poll(() => page.getByTestId("decl-site-region-0").textContent()).toContain("西湖区");
    expect(await field(page, "name").inputValue()).toBe(NAME);
    expect(await field(page, "unit_creditCode").inputValue()).toBe(WRONG_CREDIT_CODE);
    expect(await field(page, "unit_contactPhone").inputValue()).toBe("0571-88886666");

    await field(page, "constructionScale").fill("新建厂房5万平方米，购置生产线8条");
    await field(page, "constructionContent").fill("建设智能化生产车间、仓储及配套设施");
    await field(page, "landAreaHectares").fill("12.5");
    await next(page, 3);
    // 4 投资与进度
    await field(page, "totalInvestment").fill("125000");
    await field(page, "governmentFunding").fill("0");
    await field(page, "plannedStart").click();
    await field(page, "plannedStart").fill("2027-03");
    await field(page, "plannedStart").press("Enter");
    await field(page, "plannedEnd").click();
    await field(page, "plannedEnd").fill("2029-06");
    await field(page, "plannedEnd").press("Enter");
    await next(page, 4);
    // 5 声明与提交: the summary shows money in 万元 with 2 decimals and the months as typed.
    const summary = page.getByTestId("decl-summary");
    await expect.poll(() => summary.textContent()).toContain("125000.00 万元");
    expect(await summary.textContent()).toContain("2029-06");
    expect(await summary.textContent()).toContain(ADDRESS);
    await page.getByText("本单位承诺").click();

    // The server refuses the check character: its step is shown and the error sits on the field.
    await page.getByTestId("decl-submit").click();
    await expect.poll(() => stepShown(page, 1)).toBe(true);
    const creditItem = page.locator(".ant-form-item", { has: field(page, "unit_creditCode") });
    await expect.poll(() => creditItem.locator(".ant-form-item-explain-error").textContent()).toContain("校验位错误");
    expect(await page.getByTestId("error-alert").getAttribute("data-code")).toBe("CREDIT_CODE_INVALID");
    // Nothing typed is lost.
    expect(await field(page, "unit_contactName").inputValue()).toBe("王经理");
    expect(await field(page, "sites_0_address").inputValue()).toBe(ADDRESS);
    expect(await field(page, "totalInvestment").inputValue()).toBe("125000.00");

    await field(page, "unit_creditCode").fill(DEMO_UNIT_CREDIT_CODE);
    await next(page, 2);
    await next(page, 3);
    await next(page, 4);
    await page.getByTestId("decl-submit").click();

    await page.getByTestId("declare-result").waitFor();
    const code = (await page.getByTestId("declare-code").textContent())?.trim() ?? "";
    expect(code).toMatch(CODE);
    expect(await page.getByTestId("declare-status").textContent()).toBe("已申报");
    expect(new URL(page.url()).searchParams.get("declared")).toBe(code);
    const qr = page.getByTestId("declare-qr");
    expect(await qr.getAttribute("src")).toBe(`/api/v1/public/projects/${code}/label.svg`);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // 告知应办事项: the matters the project must handle, each with its reasons (the catalogue's rules).
    await page.getByTestId("required-matter").first().waitFor();
    expect(await page.getByTestId("required-matters").textContent()).toContain("项目核准");

    // The declared project is public under its code; the draft is gone.
    await page.getByTestId("declare-public-link").click();
    await page.getByTestId("project-name").waitFor();
    expect(await page.getByTestId("project-name").textContent()).toBe(NAME);
    await page.goto(`${session.baseUrl}/declare?draft=${draftId}`);
    await page.getByTestId("draft-not-found").waitFor();
    await page.goto(`${session.baseUrl}/declare`);
    await page.getByTestId("drafts-empty").waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  it("offers a draft again after signing out mid-way and back in, at its step with what was typed", async () => {
    const { context, page, problems } = await session.newPage();
    await signInThroughDeclare(page);
    const draftId = await startDraft(page);
    await fillBasics(page, "滨江区储能电站项目");
    await next(page, 1);
    await field(page, "unit_contactName").fill("李工");
    // Signing out saves what was typed first (no wait for the autosave).
    await page.getByTestId("decl-signout").click();
    await page.waitForURL("**/admin/login?next=*");

    await page.getByTestId("login-username").fill("demo-unit");
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    const list = page.getByTestId("draft-list");
    await list.getByText("滨江区储能电站项目").waitFor();
    expect(await list.textContent()).toContain("第 2 步：项目单位");
    await page.getByTestId(`draft-continue-${draftId}`).click();
    await page.getByTestId("declare-wizard").waitFor();
    await expect.poll(() => stepShown(page, 1)).toBe(true);
    expect(await field(page, "unit_contactName").inputValue()).toBe("李工");
    expect(await field(page, "name").inputValue()).toBe("滨江区储能电站项目");
    await expect.poll(() => field(page, "industryCode").locator("xpath=ancestor::*[contains(@class,'ant-select')][1]").textContent()).toContain("汽车制造业");

    // A draft can be thrown away from the list.
    await page.goto(`${session.baseUrl}/declare`);
    await page.getByTestId(`draft-delete-${draftId}`).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "删除草稿" }).click();
    await expect.poll(() => page.getByTestId(`draft-continue-${draftId}`).count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });

  it("tells a signed-in department user that only project units declare", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-officer-fgw");
    await page.goto(`${session.baseUrl}/declare`);
    await page.getByTestId("declare-not-unit").waitFor();
    expect(await page.getByTestId("declare-not-unit").textContent()).toContain("项目申报仅限项目单位");
    expect(problems).toEqual([]);
    await context.close();
  });
});
