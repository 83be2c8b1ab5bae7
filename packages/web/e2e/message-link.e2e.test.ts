/**
 * 站内消息 lead to their case: the unit submits its application, the handling department hears of it, and the
 * officer opens the message from the bell straight into the case; the unit's own message opens its project.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, declareOverHttp, openBrowserSession, signInOverHttp } from "./browser.js";

let session: BrowserSession;
let caseId: string;

beforeAll(async () => {
  session = await openBrowserSession();
  const unit = await signInOverHttp(session.baseUrl, "demo-unit");
  const code = await declareOverHttp(session.baseUrl, unit, { name: "消息直达测试项目", approvalCategory: "filing", projectType: "01", totalInvestment: "25.00" });
  const matters = (await (await fetch(`${session.baseUrl}/api/v1/projects/${code}/matters`, { headers: { cookie: unit.cookie } })).json()) as { items: { caseId: string; matterCode: string }[] };
  caseId = matters.items.find((m) => m.matterCode === "ZJ-FGW-003")!.caseId;
  const submitted = await fetch(`${session.baseUrl}/api/v1/cases/${caseId}/submission`, { method: "POST", headers: { cookie: unit.cookie, "x-csrf-token": unit.csrfToken } });
  expect(submitted.status).toBe(201);
});
afterAll(async () => {
  await session?.close();
});

describe("messages", () => {
  it("opens the submitted case from the officer's message", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-officer-fgw");
    await page.getByTestId("message-bell").click();
    const message = page.locator(`[data-testid="message-item"][data-kind="case.submit_by_unit"]`).first();
    await message.waitFor();
    expect(await message.textContent()).toContain("项目单位已提交申请材料");
    await message.click();
    await page.waitForURL(`**/admin/cases?case=${caseId}`);
    const drawer = page.getByTestId("case-drawer");
    await expect.poll(() => drawer.getAttribute("data-status")).toBe("submitted");
    expect(await drawer.textContent()).toContain("消息直达测试项目");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens the unit's project, with its matters, from the unit's own message", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-unit");
    await page.getByTestId("message-bell").click();
    const message = page.locator(`[data-testid="message-item"][data-kind="case.submit"]`).first();
    await message.waitFor();
    await message.click();
    await page.waitForURL(`**/admin/projects?case=${caseId}`);
    const drawer = page.getByTestId("project-drawer");
    await expect.poll(async () => (await drawer.textContent()) ?? "").toContain("消息直达测试项目");
    await page.getByTestId("matter-ZJ-FGW-003").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
