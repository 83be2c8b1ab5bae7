/**
 * 监督检查 in the browser (issue 6): the supervisor (demo-supervisor) records an online inspection with a finding on a
 * declared project and issues a rectification order for the finding; the unit (demo-unit) reports its rectification
 * with an attachment from 我的项目; the supervisor accepts it and the order is closed, each step on the project's
 * timeline.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../server/test/fixtures.js";
import { type BrowserSession, callApi, type HttpAuth, openBrowserSession, signInOverHttp } from "./browser.js";

const NAME = "临平区智能装备产业园监督检查示例项目";
const PDF = Buffer.from("%PDF-1.7\n% 整改报告\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n");

let session: BrowserSession;
let supervisor: HttpAuth;
let code: string;

const call = <T,>(auth: HttpAuth, method: "GET" | "POST", path: string, body?: unknown) => callApi<T>(session.baseUrl, auth, method, path, body);

beforeAll(async () => {
  session = await openBrowserSession();
  const unit = await signInOverHttp(session.baseUrl, "demo-unit");
  supervisor = await signInOverHttp(session.baseUrl, "demo-supervisor");
  const declared = await call<{ code: string }>(unit, "POST", "/projects", sampleDeclaration({ name: NAME }));
  expect(declared.status).toBe(201);
  code = declared.body.code;
});
afterAll(async () => {
  await session?.close();
});

async function openSupervision(page: Page) {
  await session.signIn(page, "demo-supervisor");
  await page.getByTestId("menu-supervision").click();
  await page.waitForURL("**/admin/supervision");
  await page.getByTestId("supervision-inspections").waitFor();
}

const statusOf = (page: Page, id: number) => page.getByTestId(`order-status-${id}`).first().getAttribute("data-status");

describe("supervision (监督检查)", () => {
  it("supervisor inspects online and orders rectification; the unit reports; the supervisor closes the order", async () => {
    // The supervisor records an online inspection with one finding.
    const s = await session.newPage();
    await openSupervision(s.page);
    await s.page.getByTestId("inspection-new").click();
    const dialog = s.page.getByTestId("inspection-dialog");
    await dialog.getByTestId("sv-project-code").fill(code);
    await dialog.getByTestId("inspection-mode-online").click();
    await dialog.getByTestId("inspection-inspectors").fill("孙丽、李明");
    await dialog.getByTestId("inspection-summary").fill("在线核查项目开工信息报送情况");
    await dialog.getByTestId("inspection-add-finding").click();
    await dialog.getByTestId("finding-category-0").fill("信息报送");
    await dialog.getByTestId("finding-description-0").fill("未按期报送项目开工信息");
    await s.page.getByTestId("inspection-dialog-submit").click();
    await dialog.waitFor({ state: "hidden" });

    const inspections = await call<{ items: { id: number; projectCode: string; mode: string; findings: { id: number; description: string }[] }[] }>(supervisor, "GET", "/inspections");
    const inspection = inspections.body.items.find((i) => i.projectCode === code)!;
    expect(inspection.mode).toBe("online");
    const finding = inspection.findings[0]!;
    expect(finding.description).toBe("未按期报送项目开工信息");

    // From the finding, a rectification order (the deadline defaults to 30 days on).
    const row = s.page.getByTestId(`inspection-row-${inspection.id}`);
    await row.waitFor();
    await row.locator(".ant-table-row-expand-icon").click();
    await s.page.getByTestId(`finding-order-${finding.id}`).click();
    const orderDialog = s.page.getByTestId("order-dialog");
    await orderDialog.getByTestId("order-document-number").fill("浙发改监整〔2026〕8号");
    await orderDialog.getByTestId("order-requirements").fill("限期补报项目开工信息并说明逾期原因");
    await s.page.getByTestId("order-dialog-submit").click();
    await orderDialog.waitFor({ state: "hidden" });
    const orders = await call<{ items: { id: number; projectCode: string; findingId: number; status: string }[] }>(supervisor, "GET", `/rectification-orders?projectCode=${code}`);
    const order = orders.body.items[0]!;
    expect(order).toMatchObject({ projectCode: code, findingId: finding.id, status: "open" });

    // The unit answers from 我的项目: the report with an attachment.
    const u = await session.newPage();
    await session.signIn(u.page, "demo-unit");
    await u.page.getByTestId("menu-projects").click();
    await u.page.getByTestId(`project-open-${code}`).click();
    const panel = u.page.getByTestId("project-supervision");
    await panel.getByTestId(`order-report-${order.id}`).click();
    await u.page.getByTestId("order-text").fill("已于平台补报开工信息，逾期系施工许可办理延误所致");
    await u.page.locator('.ant-modal input[type="file"]').setInputFiles({ name: "整改报告.pdf", mimeType: "application/pdf", buffer: PDF });
    await u.page.getByTestId("order-confirm").click();
    await expect.poll(() => statusOf(u.page, order.id)).toBe("submitted");
    expect(await panel.getByTestId(`order-report-${order.id}`).count()).toBe(0);
    const reported = await call<{ steps: { type: string; attachment: { fileName: string } | null }[] }>(supervisor, "GET", `/rectification-orders/${order.id}`);
    expect(reported.body.steps.map((x) => [x.type, x.attachment?.fileName ?? null])).toEqual([["issue", null], ["report", "整改报告.pdf"]]);

    // The supervisor accepts the report in 整改通知; the order is closed.
    await s.page.getByTestId("supervision-tab-orders").click();
    await s.page.getByTestId(`order-accept-${order.id}`).click();
    await s.page.getByTestId("order-text").fill("整改到位");
    await s.page.getByTestId("order-confirm").click();
    await expect.poll(() => statusOf(s.page, order.id)).toBe("closed");

    // The unit sees the closed order and every step on the project's timeline.
    await u.page.reload();
    await u.page.getByTestId(`project-open-${code}`).click();
    await expect.poll(() => statusOf(u.page, order.id)).toBe("closed");
    const timeline = await u.page.getByTestId("project-timeline").textContent();
    for (const label of ["记录监督检查", "下达整改通知", "报送整改情况", "整改验收通过"]) expect(timeline).toContain(label);

    for (const p of [s, u]) {
      expect(p.problems).toEqual([]);
      await p.context.close();
    }
  });
});
