/**
 * Back-office actions that the feature tests do not walk through, on the shared list, dialog and detail-page pieces
 * (src/lib/use-paged-list.ts, use-action.ts, components/ReasonDialog.tsx, DetailPage.tsx): withdrawing a policy and
 * suspending an intermediary with a reason, the portal's not-found pages, closing an inspection, the list filters,
 * removing an abnormal-list entry, returning and discarding a guide draft, and the reference-data browsers.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../server/test/fixtures.js";
import { type BrowserSession, callApi, type HttpAuth, openBrowserSession, signInOverHttp } from "./browser.js";

let session: BrowserSession;
let supervisor: HttpAuth;
let leader: HttpAuth;
let unit: HttpAuth;

const call = <T,>(auth: HttpAuth, method: "GET" | "POST", path: string, body?: unknown) => callApi<T>(session.baseUrl, auth, method, path, body);

beforeAll(async () => {
  session = await openBrowserSession();
  unit = await signInOverHttp(session.baseUrl, "demo-unit");
  supervisor = await signInOverHttp(session.baseUrl, "demo-supervisor");
  leader = await signInOverHttp(session.baseUrl, "demo-leader-fgw");
});
afterAll(async () => {
  await session?.close();
});

const dialog = (page: Page) => page.locator(".ant-modal-wrap:visible .ant-modal");

describe("back-office actions", () => {
  it("content: withdraw a policy; suspend and reactivate an intermediary", async () => {
    const created = await call<{ id: number }>(leader, "POST", "/policies", { title: "撤回测试文件", issuer: "省发展改革委", issuedOn: "2026-03-01", category: "notice", body: "正文" });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await call(leader, "POST", `/policies/${id}/publish`)).status).toBe(200);

    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-leader-fgw");
    await page.getByTestId("menu-content").click();
    await page.getByTestId(`policy-withdraw-${id}`).click();
    const confirm = page.getByTestId("policy-withdraw-confirm");
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId("policy-withdraw-reason").fill("内容已过时");
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await expect.poll(() => page.getByTestId(`policy-status-${id}`).textContent()).toBe("已撤回");
    await dialog(page).waitFor({ state: "hidden" });

    await page.getByTestId("content-tab-intermediaries").click();
    const suspend = page.locator('[data-testid^="intermediary-suspend-"]').first();
    const iid = (await suspend.getAttribute("data-testid"))!.replace("intermediary-suspend-", "");
    await suspend.click();
    await page.getByTestId("intermediary-suspend-reason").fill("资质过期");
    await page.locator(".ant-modal .ant-btn-dangerous").click();
    await expect.poll(() => page.getByTestId(`intermediary-status-${iid}`).textContent()).toBe("已暂停");
    await page.getByTestId(`intermediary-reactivate-${iid}`).click();
    await expect.poll(() => page.getByTestId(`intermediary-status-${iid}`).textContent()).toBe("正常");
    // The search filter asks the server again, from page 1.
    const searched = page.waitForRequest((r) => r.url().includes("/api/v1/intermediaries?") && r.url().includes("q="));
    await page.getByPlaceholder(/./).first().fill("咨询");
    await page.keyboard.press("Enter");
    await searched;
    expect(problems).toEqual([]);
    await context.close();

    // Portal: withdrawn policy is gone; a malformed id is not found; an unknown intermediary is not found.
    const portal = await session.newPage();
    await portal.page.goto(`${session.baseUrl}/policies/${id}`);
    await portal.page.getByTestId("policy-not-found").waitFor();
    await portal.page.goto(`${session.baseUrl}/policies/abc`);
    await portal.page.getByTestId("policy-not-found").waitFor();
    expect(await portal.page.getByTestId("policy-not-found").textContent()).toContain("abc");
    await portal.page.goto(`${session.baseUrl}/intermediaries/99999999`);
    await portal.page.getByTestId("intermediary-not-found").waitFor();
    await portal.page.getByTestId("back-to-intermediaries").click();
    await portal.page.waitForURL("**/intermediaries");
    const link = portal.page.locator('a[href^="/intermediaries/"]').first();
    await link.click();
    await portal.page.getByTestId("intermediary-name").waitFor();
    await portal.page.getByTestId("intermediary-services").waitFor();
    expect(portal.problems).toEqual([]);
    await portal.context.close();
  });

  it("supervision: close an inspection, overdue filter, penalty dialog, remove a listing", async () => {
    const declared = await call<{ code: string }>(unit, "POST", "/projects", sampleDeclaration({ name: "重构检查示例项目" }));
    expect(declared.status).toBe(201);
    const code = declared.body.code;
    const ins = await call<{ id: number }>(supervisor, "POST", `/projects/${code}/inspections`, {
      mode: "online", inspectedOn: "2026-09-24", inspectors: "孙丽", summary: "在线核查",
      findings: [{ category: "未按规定报送", description: "未按期报送", severity: "major" }],
    });
    expect(ins.status).toBe(201);
    const listed = await call<{ id: number }>(supervisor, "POST", `/projects/${code}/abnormal-listing`, { reason: "虚假报送" });
    expect(listed.status).toBe(201);

    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-supervisor");
    await page.getByTestId("menu-supervision").click();
    await page.getByTestId(`inspection-close-${ins.body.id}`).click();
    await expect.poll(() => page.getByTestId(`inspection-status-${ins.body.id}`).getAttribute("data-status")).toBe("closed");

    await page.getByTestId("supervision-tab-orders").click();
    await page.getByTestId("supervision-orders").waitFor();
    const overdue = page.waitForRequest((r) => r.url().includes("/api/v1/rectification-orders?") && r.url().includes("overdue=true"));
    await page.getByTestId("order-filter-overdue").click();
    await overdue;
    const all = page.waitForRequest((r) => r.url().includes("/api/v1/rectification-orders?") && !r.url().includes("overdue"));
    await page.getByTestId("order-filter-overdue").click();
    await all;

    await page.getByTestId("supervision-tab-penalties").click();
    await page.getByTestId("penalty-new").click();
    await page.getByTestId("penalty-dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("penalty-dialog").waitFor({ state: "detached" });

    await page.getByTestId("supervision-tab-abnormal").click();
    const lid = listed.body.id;
    await page.getByTestId(`listing-remove-${lid}`).click();
    expect(await page.getByTestId("listing-remove-confirm").isDisabled()).toBe(true);
    await page.getByTestId("listing-remove-reason").fill("已纠正");
    await page.getByTestId("listing-remove-confirm").click();
    await page.getByTestId(`listing-row-${lid}`).waitFor({ state: "detached" });
    const removed = page.waitForRequest((r) => r.url().includes("/api/v1/abnormal-list?") && r.url().includes("active=false"));
    await page.getByText("已移出", { exact: true }).click();
    await removed;
    await expect.poll(() => page.getByTestId(`listing-status-${lid}`).getAttribute("data-active")).toBe("false");
    const everything = page.waitForRequest((r) => r.url().includes("/api/v1/abnormal-list?") && !r.url().includes("active="));
    await page.getByText("全部", { exact: true }).click();
    await everything;
    expect(problems).toEqual([]);
    await context.close();
  });

  it("guides: a leader returns a submitted draft with a reason, then discards it", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-leader-fgw");
    await page.getByTestId("menu-guides").click();
    await page.getByTestId("guide-matter-ZJ-FGW-001").click();
    const versions = page.getByTestId("guide-versions");
    await versions.getByTestId("guide-status-v1").waitFor();
    await versions.getByTestId("guide-new-draft").click();
    await versions.getByTestId("guide-submit-v2").click();
    await expect.poll(() => versions.getByTestId("guide-status-v2").textContent()).toBe("待发布");
    await versions.getByTestId("guide-return-v2").click();
    await page.getByTestId("guide-return-reason").fill("请补充依据");
    await page.locator(".ant-modal .ant-btn-primary").click();
    await expect.poll(() => versions.getByTestId("guide-status-v2").textContent()).toBe("草稿");
    await versions.getByTestId("guide-discard-v2").click();
    await page.getByTestId("guide-discard-confirm-v2").click();
    await versions.getByTestId("guide-status-v2").waitFor({ state: "detached" });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reference data: choosing a region and an industry shows its particulars", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-ops");
    await page.getByTestId("menu-reference").click();
    const regions = page.getByTestId("reference-regions");
    expect(await regions.locator(".ant-descriptions").textContent()).toContain("尚未选择");
    await page.getByTestId("region-cascader").click();
    await page.locator(".ant-cascader-menu-item").first().click();
    await expect.poll(() => regions.locator(".ant-descriptions").textContent()).toMatch(/\d{6}/);
    const industries = page.getByTestId("reference-industries");
    await page.getByTestId("industry-tree").locator(".ant-tree-node-content-wrapper").first().click();
    await expect.poll(() => industries.locator(".ant-descriptions").textContent()).toContain("门类");
    expect(problems).toEqual([]);
    await context.close();
  });
});
