/**
 * 中介服务委托 (Art. 16) in the browser: the 发展改革委 officer commissions 正衡咨询 for an accepted 核准 case (set up
 * over HTTP) from 中介服务; the case's clock pauses. 正衡咨询's staff (demo-intermediary) accept it and deliver a PDF
 * report from their inbox; the case's clock runs again. The officer evaluates the work, and the supervisor sees the
 * evaluated commission with its report.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../server/test/fixtures.js";
import { type BrowserSession, callApi, type HttpAuth, openBrowserSession, pickOption, signInOverHttp } from "./browser.js";

const NAME = "余杭区智能仓储物流中心项目";
const PDF = Buffer.from("%PDF-1.7\n% 社会稳定风险评估报告\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n");

let session: BrowserSession;
let officer: HttpAuth;
let caseId: string;

const call = <T,>(auth: HttpAuth, method: "GET" | "POST", path: string, body?: unknown) => callApi<T>(session.baseUrl, auth, method, path, body);

beforeAll(async () => {
  session = await openBrowserSession();
  const unit = await signInOverHttp(session.baseUrl, "demo-unit");
  officer = await signInOverHttp(session.baseUrl, "demo-officer-fgw");
  const declared = await call<{ requiredMatters: { caseId: string; matterName: string }[] }>(unit, "POST", "/projects", sampleDeclaration({ name: NAME }));
  expect(declared.status).toBe(201);
  caseId = declared.body.requiredMatters.find((m) => m.matterName.includes("核准"))!.caseId;
  for (const type of ["receive", "accept"]) expect((await call(officer, "POST", `/cases/${caseId}/events`, { type })).status).toBe(201);
});
afterAll(async () => {
  await session?.close();
});

async function openCommissions(page: Page, username: string) {
  await session.signIn(page, username);
  await page.getByTestId("menu-commissions").click();
  await page.waitForURL("**/admin/commissions");
  await page.getByTestId("commissions-list").waitFor();
}

const statusOf = (page: Page, id: number) => page.getByTestId(`commission-status-${id}`).getAttribute("data-status");

describe("intermediary services (中介服务)", () => {
  it("officer commissions, the intermediary accepts and delivers a PDF, the officer evaluates, the supervisor sees it", async () => {
    // The officer commissions from the page; the dialog offers the department's accepted cases.
    const o = await session.newPage();
    await openCommissions(o.page, "demo-officer-fgw");
    await o.page.getByTestId("commission-new").click();
    await pickOption(o.page, "commission-case", NAME);
    await pickOption(o.page, "commission-intermediary", "正衡");
    await pickOption(o.page, "commission-service", "社会稳定风险评估");
    await o.page.getByTestId("commission-requirements").fill("编制项目社会稳定风险评估报告，并附风险等级结论");
    await o.page.getByTestId("commission-submit").click();
    await o.page.getByTestId("commission-dialog").waitFor({ state: "hidden" });
    const mine = await call<{ items: { id: number; caseId: string }[] }>(officer, "GET", "/commissions");
    const id = mine.body.items.find((k) => k.caseId === caseId)!.id;
    await expect.poll(() => statusOf(o.page, id)).toBe("commissioned");
    expect((await call<{ status: string }>(officer, "GET", `/cases/${caseId}`)).body.status).toBe("paused");

    // The intermediary's inbox: accept, then deliver the report.
    const i = await session.newPage();
    await openCommissions(i.page, "demo-intermediary");
    expect(await i.page.getByTestId("commission-new").count()).toBe(0);
    await i.page.getByTestId(`commission-accept-${id}`).click();
    await expect.poll(() => statusOf(i.page, id)).toBe("accepted");
    expect(await i.page.getByTestId(`commission-clock-${id}`).textContent()).toContain("/ 20 个工作日");
    const row = i.page.getByTestId(`commission-row-${id}`);
    await row.locator('input[type="file"]').setInputFiles({ name: "社会稳定风险评估报告.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect.poll(() => statusOf(i.page, id)).toBe("delivered");
    expect(await i.page.getByTestId(`commission-report-${id}`).count()).toBe(1);
    expect((await call<{ status: string }>(officer, "GET", `/cases/${caseId}`)).body.status).toBe("accepted");

    // The officer evaluates the delivered work.
    await o.page.reload();
    await o.page.getByTestId(`commission-evaluate-${id}`).click();
    await o.page.getByTestId("commission-score").locator("li").nth(3).click();
    await o.page.getByTestId("commission-text").fill("报告内容完整，按期交付");
    await o.page.getByTestId("commission-confirm").click();
    await expect.poll(() => statusOf(o.page, id)).toBe("evaluated");
    expect(await o.page.getByTestId(`commission-evaluation-${id}`).getAttribute("data-score")).toBe("4");

    // The supervisor sees the evaluated commission with its report, and takes no step on it.
    const s = await session.newPage();
    await openCommissions(s.page, "demo-supervisor");
    await pickOption(s.page, "commission-filter-status", "已评价");
    await expect.poll(() => statusOf(s.page, id)).toBe("evaluated");
    expect(await s.page.getByTestId(`commission-evaluation-${id}`).getAttribute("data-score")).toBe("4");
    expect(await s.page.getByTestId(`commission-report-${id}`).getAttribute("href")).toBe(`/api/v1/commissions/${id}/report`);
    expect(await s.page.getByTestId(`commission-row-${id}`).locator("button", { hasText: "评价" }).count()).toBe(0);

    for (const p of [o, i, s]) {
      expect(p.problems).toEqual([]);
      await p.context.close();
    }
  });
});
