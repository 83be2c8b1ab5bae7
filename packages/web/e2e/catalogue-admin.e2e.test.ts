/**
 * 事项与规则 (issue 4) in the browser: the 发展改革委 officer (a comprehensive management department) changes a
 * matter's master data with a reason, sets a provincial rule for the water permit, tries it on a project declared
 * before, saves it, and re-evaluates that project from its drawer, which then is told the added matter. Needs the
 * web built (WEB_DIST_DIR) and Chromium at /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, declareOverHttp, openBrowserSession, pickOption, signInOverHttp } from "./browser.js";

const WATER = "ZJ-SLT-002"; // 取水许可: nationally only for projects that draw water

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});
afterAll(async () => {
  await session?.close();
});

describe("catalogue administration in the back office", () => {
  it("edits master data and a rule, tries the rule on a project, and re-evaluates the project from its drawer", async () => {
    const unit = await signInOverHttp(session.baseUrl, "demo-unit");
    const code = await declareOverHttp(session.baseUrl, unit, { name: "余杭区取水评估项目", waterIntake: false });

    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-officer-fgw");
    expect(await page.getByTestId("menu-catalogue").textContent()).toBe("事项与规则");
    await page.getByTestId("menu-catalogue").click();
    await page.waitForURL("**/admin/catalogue");

    // Master data: a new version with a reason.
    await page.getByTestId("catalogue-edit-ZJ-FGW-002").click();
    const form = page.getByTestId("catalogue-matter-form");
    await form.waitFor();
    await page.getByTestId("catalogue-promised-input").fill("9");
    await page.getByTestId("catalogue-matter-save").click();
    await form.locator(".ant-form-item-explain-error").first().waitFor(); // the reason is required
    await page.getByTestId("catalogue-matter-reason").fill("承诺时限压缩至9个工作日");
    await page.getByTestId("catalogue-matter-save").click();
    await expect.poll(() => page.getByTestId("catalogue-version-ZJ-FGW-002").textContent()).toBe("v2");
    expect(await page.getByTestId("catalogue-promised-ZJ-FGW-002").textContent()).toBe("9 个工作日");
    await page.getByTestId("catalogue-versions-ZJ-FGW-002").click();
    const versions = page.getByTestId("catalogue-matter-versions");
    await versions.getByText("承诺时限压缩至9个工作日").waitFor();
    expect(await versions.locator("tbody tr").count()).toBe(2);
    await page.keyboard.press("Escape");

    // A provincial rule for the water permit: refused with the problem listed, tried, then saved.
    await page.getByTestId("catalogue-tab-rules").click();
    await pickOption(page, "catalogue-rule-matter", WATER);
    await page.getByTestId("catalogue-rules").getByText("100000（全国）").waitFor();
    await page.getByTestId("catalogue-rule-new").click();
    expect(await page.getByTestId("catalogue-rule-region").inputValue()).toBe("330000");
    await page.getByTestId("catalogue-rule-condition").fill('{ "fact": "waterUse", "op": "isTrue" }');
    await page.getByTestId("catalogue-rule-reason").fill("全省1000万元以上项目办理取水许可");
    await page.getByTestId("catalogue-rule-save").click();
    const problem = page.getByTestId("error-alert");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("condition.fact");
    expect(await problem.textContent()).toContain("未知的事实");

    await page.getByTestId("catalogue-rule-condition").fill('{ "fact": "totalInvestment", "op": "gte", "value": "1000" }');
    await page.getByTestId("catalogue-rule-preview-code").fill(code);
    await page.getByTestId("catalogue-rule-preview").click();
    const proposed = page.getByTestId("catalogue-preview-proposed");
    await proposed.waitFor();
    expect(await proposed.textContent()).toContain("需要办理");
    expect(await proposed.textContent()).toContain("总投资不少于 1000.00 万元");
    expect(await page.getByTestId("catalogue-preview-current").textContent()).toContain("无需办理");
    await page.getByTestId("catalogue-rule-save").click();
    await page.getByTestId("catalogue-rule-edit-330000").waitFor();

    // The project declared before is told nothing new until it is re-evaluated.
    await page.getByTestId("menu-projects").click();
    await page.getByTestId("filter-code").fill(code);
    await page.getByTestId("projects-search").click();
    await page.getByTestId(`project-open-${code}`).click();
    const drawer = page.getByTestId("project-drawer");
    await drawer.getByTestId("project-record").waitFor();
    await drawer.getByTestId("project-reevaluate").click();
    const dialog = page.getByTestId("reevaluate-dialog");
    const added = dialog.getByTestId("reevaluate-added");
    await added.waitFor();
    expect(await added.textContent()).toContain("取水许可");
    expect(await page.getByTestId("reevaluate-apply").isDisabled()).toBe(true);
    await dialog.getByTestId("reevaluate-reason").fill("省级取水许可规则调整");
    await page.getByTestId("reevaluate-apply").click();
    const result = dialog.getByTestId("reevaluate-result");
    await result.waitFor();
    expect(await result.textContent()).toContain(WATER);
    await page.getByTestId("reevaluate-apply").click(); // 关闭
    await expect.poll(async () => (await drawer.getByTestId("project-timeline").textContent()) ?? "").toContain("重新评估应办事项");
    expect(problems).toEqual([]);
    await context.close();

    // What the unit sees under its project now includes the water permit.
    const matters = (await (await fetch(`${session.baseUrl}/api/v1/projects/${code}/matters`, { headers: { cookie: unit.cookie } })).json()) as { items: { matterCode: string; status: string }[] };
    expect(matters.items.find((m) => m.matterCode === WATER)?.status).toBe("notified");
  });

  it("deletes a draft guide version from the guides page", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-officer-fgw");
    await page.getByTestId("menu-guides").click();
    await page.getByTestId("guide-matter-ZJ-FGW-001").click();
    const versions = page.getByTestId("guide-versions");
    await versions.getByTestId("guide-status-v1").waitFor();
    await versions.getByTestId("guide-new-draft").click();
    await versions.getByTestId("guide-discard-v2").click();
    await page.getByTestId("guide-discard-confirm-v2").click();
    await versions.getByTestId("guide-status-v2").waitFor({ state: "detached" });
    expect(await versions.getByTestId("guide-discard-v1").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
