/**
 * 会签 and 批文 in the browser: the demo unit declares (over HTTP) a government-investment project, told
 * 政府投资项目审批 (ZJ-FGW-001, whose guide asks for 会签: every signer approves). The 发展改革委 officer receives
 * and accepts it in 审批办件 (a step dated in the future is refused on its field), uploads the PDF decision
 * document, and instead of 办结 requests 会签 from himself and his leader; both approve in their own sessions,
 * and the case completes with the proposed document number. The unit downloads the decision document byte for
 * byte, and withdraws another of the project's matters with a reason. On a 核准 case the officer transfers the
 * case to his leader by name and commissions an intermediary from the case drawer.
 */
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, declareOverHttp, openBrowserSession, pickOption, signInOverHttp } from "./browser.js";

const NAME = "钱塘区城市综合管廊政府投资项目";
const MATTER = "ZJ-FGW-001";
const DOCUMENT_NUMBER = "浙发改投资〔2026〕66号";
const OFFICER = "李明（发展改革委经办人）";
const LEADER = "赵强（发展改革委负责人）";
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n% 可行性研究报告批复\n"), Buffer.from("1 0 obj\n<<>>\nendobj\n".repeat(40)), Buffer.from("trailer\n%%EOF\n")]);

let session: BrowserSession;
let code: string;
let otherMatter: string;
/** An accepted 核准 case (ZJ-FGW-002, no sign-off) to transfer and commission from the drawer. */
let verificationCode: string;

beforeAll(async () => {
  session = await openBrowserSession();
  const unit = await signInOverHttp(session.baseUrl, "demo-unit");
  code = await declareOverHttp(session.baseUrl, unit, { name: NAME, approvalCategory: "approval" });
  const res = await fetch(`${session.baseUrl}/api/v1/projects/${code}/matters`, { headers: { cookie: unit.cookie } });
  const { items } = (await res.json()) as { items: { matterCode: string }[] };
  expect(items.map((m) => m.matterCode)).toContain(MATTER);
  otherMatter = items.find((m) => m.matterCode !== MATTER)!.matterCode;

  verificationCode = await declareOverHttp(session.baseUrl, unit, { name: "上城区智慧冷链物流中心项目" });
  const told = (await (await fetch(`${session.baseUrl}/api/v1/projects/${verificationCode}/matters`, { headers: { cookie: unit.cookie } })).json()) as { items: { caseId: string; matterCode: string }[] };
  const caseId = told.items.find((m) => m.matterCode === "ZJ-FGW-002")!.caseId;
  const officer = await signInOverHttp(session.baseUrl, "demo-officer-fgw");
  for (const type of ["receive", "accept"]) {
    const res = await fetch(`${session.baseUrl}/api/v1/cases/${caseId}/events`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: officer.cookie, "x-csrf-token": officer.csrfToken },
      body: JSON.stringify({ type }),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await session?.close();
});

/** Signs in and opens the case of ZJ-FGW-001 from 审批办件. */
async function openCase(page: Page, username: string) {
  await session.signIn(page, username);
  await page.getByTestId("menu-cases").click();
  await page.waitForURL("**/admin/cases");
  await page.getByTestId(`case-open-${code}-${MATTER}`).click();
  const drawer = page.getByTestId("case-drawer");
  await drawer.getByTestId("case-record").waitFor();
  return drawer;
}

async function takeStep(page: Page, step: string, status: string) {
  const drawer = page.getByTestId("case-drawer");
  await drawer.getByTestId(`case-step-${step}`).click();
  await page.getByTestId("step-form").waitFor();
  await page.getByTestId("step-submit").click();
  await expect.poll(() => drawer.getAttribute("data-status")).toBe(status);
  await page.getByTestId("step-form").waitFor({ state: "detached" });
}

/** Beijing's date some days from now, as the step form's picker shows it. */
function beijingDate(daysAhead: number): string {
  return new Date(Date.now() + 8 * 3600_000 + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

async function sign(page: Page, decision: "approve" | "reject", comment: string) {
  const panel = page.getByTestId("sign-off-panel");
  await panel.getByTestId(`sign-off-${decision}`).click();
  await page.getByTestId("sign-off-comment").fill(comment);
  await page.getByTestId("sign-off-confirm").click();
  await panel.getByTestId(`sign-off-${decision}`).waitFor({ state: "detached" });
}

describe("会签 before completion, with the decision document", () => {
  it("lets the officer accept, upload the 批文 and request 会签 instead of 办结, and sign first", async () => {
    const { context, page, problems } = await session.newPage();
    const drawer = await openCase(page, "demo-officer-fgw");
    expect(await drawer.getAttribute("data-status")).toBe("notified");
    expect(await drawer.getByTestId("sign-off-panel").getAttribute("data-status")).toBe("none");
    await takeStep(page, "receive", "submitted");

    // A step dated tomorrow is refused, with the server's message on the 发生时间 field.
    await drawer.getByTestId("case-step-accept").click();
    await page.getByTestId("step-at").click();
    await page.getByTestId("step-at").fill(`${beijingDate(1)} 10:00:00`);
    await page.getByTestId("step-at").press("Enter");
    await page.getByTestId("step-submit").click();
    const fieldError = page.getByTestId("step-form").locator(".ant-form-item-explain-error");
    await fieldError.first().waitFor();
    expect(await fieldError.first().textContent()).toContain("不得晚于当前时间");
    expect(await page.getByTestId("step-form").getByTestId("error-alert").getAttribute("data-code")).toBe("CASE_STEP_TIME_INVALID");
    expect(await drawer.getAttribute("data-status")).toBe("submitted");
    await page.locator(".ant-modal-close").click();
    await page.getByTestId("step-form").waitFor({ state: "detached" });
    await takeStep(page, "accept", "accepted");

    // 批文: a PDF, shown with its size and SM3.
    await drawer.getByTestId("case-document-panel").locator('input[type="file"]').setInputFiles({ name: `${DOCUMENT_NUMBER}.pdf`, mimeType: "application/pdf", buffer: PDF });
    const download = drawer.getByTestId("case-document-download");
    await download.waitFor();
    expect(await download.textContent()).toContain(`${DOCUMENT_NUMBER}.pdf`);
    expect(await drawer.getByTestId("case-document-sm3").getAttribute("data-sm3")).toBe(createHash("sm3").update(PDF).digest("hex"));

    // 会签 replaces 办结: the decision and the signers (colleagues by name).
    expect(await drawer.getByTestId("case-step-complete").count()).toBe(0);
    await drawer.getByTestId("sign-off-request").click();
    await page.getByTestId("sign-off-form").waitFor();
    await page.getByTestId("step-document-number").fill(DOCUMENT_NUMBER);
    await page.getByTestId("step-document-title").fill(`关于${NAME}可行性研究报告的批复`);
    await page.getByTestId("step-opinion").fill("经审查，同意该项目可行性研究报告。");
    await page.getByTestId("sign-off-signers").click();
    for (const name of [OFFICER, LEADER]) await page.locator(".ant-select-item-option", { hasText: name }).first().click();
    // The list stays open over the form's buttons until the focus leaves it.
    await page.locator(".ant-modal-title").click();
    await page.locator(".ant-select-dropdown").waitFor({ state: "hidden" });
    await page.getByTestId("sign-off-submit").click();
    const panel = drawer.getByTestId("sign-off-panel");
    await expect.poll(() => panel.getAttribute("data-status")).toBe("open");
    expect(await panel.getByTestId("sign-off-document-number").textContent()).toBe(DOCUMENT_NUMBER);
    expect(await panel.locator('[data-decision="pending"]').count()).toBe(2);
    expect(await panel.getByTestId("sign-off-request").count()).toBe(0);

    await sign(page, "approve", "同意");
    expect(await panel.locator('[data-decision="approve"]').count()).toBe(1);
    expect(await panel.getAttribute("data-status")).toBe("open");
    expect(await drawer.getAttribute("data-status")).toBe("accepted");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("completes the case when the leader signs too", async () => {
    const { context, page, problems } = await session.newPage();
    // The leader finds the round in 待我签署 above the queue and opens the case from there.
    await session.signIn(page, "demo-leader-fgw");
    await page.getByTestId("menu-cases").click();
    const pending = page.getByTestId("pending-sign-offs");
    await pending.waitFor();
    await pending.locator(`[data-testid^="pending-sign-off-"]`).first().click();
    const drawer = page.getByTestId("case-drawer");
    await drawer.getByTestId("case-record").waitFor();
    expect(await drawer.textContent()).toContain(code);
    const panel = drawer.getByTestId("sign-off-panel");
    await expect.poll(() => panel.getAttribute("data-status")).toBe("open");
    await sign(page, "approve", "同意，按程序印发");
    await expect.poll(() => drawer.getAttribute("data-status")).toBe("completed");
    await expect.poll(() => panel.getAttribute("data-status")).toBe("approved");
    expect(await panel.locator('[data-decision="approve"]').count()).toBe(2);
    expect(await drawer.getByTestId("case-document-number").textContent()).toBe(DOCUMENT_NUMBER);
    const types = await drawer.getByTestId("case-event").evaluateAll((els) => els.map((e) => e.getAttribute("data-type")));
    expect(types).toEqual(["receive", "accept", "complete"]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lets the unit download the decision document and withdraw another matter", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-unit");
    await page.getByTestId("menu-projects").click();
    await page.waitForURL("**/admin/projects");
    await page.getByTestId(`project-open-${code}`).click();
    const matters = page.getByTestId("project-matters");
    const row = matters.getByTestId(`matter-${MATTER}`);
    await expect.poll(() => row.getAttribute("data-status")).toBe("completed");
    // A closed case is not withdrawn.
    expect(await matters.getByTestId(`matter-withdraw-${MATTER}`).count()).toBe(0);

    // Only the completed matter has a decision document to download.
    const link = matters.getByTestId("matter-document-download");
    await link.waitFor();
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute("data-file-name")).toBe(`${DOCUMENT_NUMBER}.pdf`);
    const fetched = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: "same-origin" });
      return { status: res.status, sm3: res.headers.get("x-content-sm3"), bytes: Array.from(new Uint8Array(await res.arrayBuffer())) };
    }, (await link.getAttribute("href")) ?? "");
    expect(fetched.status).toBe(200);
    expect(Buffer.compare(Buffer.from(fetched.bytes), PDF)).toBe(0);
    expect(fetched.sm3).toBe(createHash("sm3").update(PDF).digest("hex"));

    // 撤回申请 asks for a reason before anything is sent.
    await matters.getByTestId(`matter-withdraw-${otherMatter}`).click();
    await page.getByTestId("withdraw-submit").click();
    await page.getByText("请填写此项").first().waitFor();
    await page.getByTestId("withdraw-reason").fill("项目方案调整，暂不申请该事项");
    await page.getByTestId("withdraw-submit").click();
    await expect.poll(() => matters.getByTestId(`matter-${otherMatter}`).getAttribute("data-status")).toBe("withdrawn");
    expect(await matters.getByTestId(`matter-withdraw-${otherMatter}`).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("transfers a case to a colleague picked by name and commissions an intermediary from the drawer", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-officer-fgw");
    await page.getByTestId("menu-cases").click();
    await page.getByTestId(`case-open-${verificationCode}-ZJ-FGW-002`).click();
    const drawer = page.getByTestId("case-drawer");
    await expect.poll(() => drawer.getAttribute("data-status")).toBe("accepted");
    // No 会签 for this matter: 办结 stays a plain step.
    expect(await drawer.getByTestId("sign-off-panel").count()).toBe(0);
    expect(await drawer.getByTestId("case-step-complete").count()).toBe(1);

    await drawer.getByTestId("case-step-transfer").click();
    await pickOption(page, "step-to-officer", "赵强");
    await page.getByTestId("step-reason").fill("涉及跨部门协调，转负责人办理");
    await page.getByTestId("step-submit").click();
    await page.getByTestId("step-form").waitFor({ state: "detached" });
    const transfer = drawer.locator('[data-testid="case-event"][data-type="transfer"]');
    await transfer.waitFor();
    expect(await transfer.textContent()).toContain(`→ ${LEADER}`);

    await drawer.getByTestId("case-commission").click();
    await pickOption(page, "commission-intermediary", "正衡");
    await pickOption(page, "commission-service", "社会稳定风险评估");
    await page.getByTestId("commission-requirements").fill("编制社会稳定风险评估报告");
    await page.getByTestId("commission-submit").click();
    await expect.poll(() => drawer.getAttribute("data-status")).toBe("paused");
    const commission = drawer.getByTestId("case-commissions").locator('[data-status="commissioned"]');
    await commission.waitFor();
    expect(await commission.textContent()).toContain("待接受");
    // Paused for the intermediary: no second commission.
    expect(await drawer.getByTestId("case-commission").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
