/**
 * 并联审批 (issue 5, done-when): the demo unit declares a project told matters of three departments; in the
 * browser each department's officer opens 审批办件, receives (收件) and accepts (受理) its case, one pauses the
 * clock for 专家评审 and resumes it, and all complete with document numbers; the unit then sees every matter
 * completed side by side in 我的项目 and downloads the 办结告知书, whose text lists the three document numbers.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, declareOverHttp, openBrowserSession, signInOverHttp } from "./browser.js";

const NAME = "余杭区社区服务中心改造项目";

/** Each department's matter, its officer, and the document number it completes with. */
const HANDLERS = [
  { matterCode: "ZJ-FGW-003", officer: "demo-officer-fgw", department: "发展和改革", documentNumber: "杭发改备〔2026〕101号", submittedByUnit: true },
  { matterCode: "ZJ-ZRZY-003", officer: "demo-officer-zrzy", department: "自然资源", documentNumber: "建字第330106202600088号", submittedByUnit: false },
  { matterCode: "ZJ-ZJW-002", officer: "demo-officer-zjw", department: "住房和城乡建设", documentNumber: "杭建竣备〔2026〕57号", submittedByUnit: false },
] as const;
/** The matter whose laws allow pausing for expert review (and not for a site inspection). */
const PAUSED = "ZJ-ZRZY-003";

let session: BrowserSession;
let code: string;
/** A 核准 project told 企业投资项目核准, whose guide requires materials the unit has not uploaded. */
let verificationCode: string;

beforeAll(async () => {
  session = await openBrowserSession();
  const auth = await signInOverHttp(session.baseUrl, "demo-unit");
  // A filing (备案) capital-construction project below the construction-permit threshold: told 备案 (发改),
  // 建设工程规划许可 (自然资源) and 竣工验收备案 (住建) only.
  code = await declareOverHttp(session.baseUrl, auth, { name: NAME, approvalCategory: "filing", projectType: "01", totalInvestment: "25.00" });
  const res = await fetch(`${session.baseUrl}/api/v1/projects/${code}/matters`, { headers: { cookie: auth.cookie } });
  const { items } = (await res.json()) as { items: { matterCode: string; department: string }[] };
  expect(items.map((m) => m.matterCode).sort()).toEqual(HANDLERS.map((h) => h.matterCode).sort());
  for (const h of HANDLERS) expect(items.find((m) => m.matterCode === h.matterCode)?.department).toContain(h.department);
  verificationCode = await declareOverHttp(session.baseUrl, auth, { name: "临平区智能装备产业园项目" });
});
afterAll(async () => {
  await session?.close();
});

async function openMyProject(page: Page, which = code) {
  await page.getByTestId("menu-projects").click();
  await page.waitForURL("**/admin/projects");
  await page.getByTestId(`project-open-${which}`).click();
  const matters = page.getByTestId("project-matters");
  await matters.getByTestId("parallel-cases").waitFor();
  return matters;
}

/** Clicks a step button of the open case, submits its form (after `fill`), and waits for the new status. */
async function takeStep(page: Page, step: string, status: string, fill?: () => Promise<void>) {
  const drawer = page.getByTestId("case-drawer");
  await drawer.getByTestId(`case-step-${step}`).click();
  await page.getByTestId("step-form").waitFor();
  if (fill) await fill();
  await page.getByTestId("step-submit").click();
  await expect.poll(() => drawer.getAttribute("data-status")).toBe(status);
  await page.getByTestId("step-form").waitFor({ state: "detached" });
}

const lightIn = (page: Page) => page.getByTestId("case-drawer").getByTestId("case-record").getByTestId("traffic-light");

describe("parallel approval in the browser", () => {
  it("shows the unit each matter side by side by stage, and refuses a submission without its materials", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-unit");
    const matters = await openMyProject(page);
    for (const stage of ["land_planning", "construction_permit_engineering", "completion_acceptance"]) {
      expect(await matters.getByTestId(`parallel-stage-${stage}`).count()).toBe(1);
    }
    for (const h of HANDLERS) {
      const card = matters.getByTestId(`parallel-case-${h.matterCode}`);
      expect(await card.getAttribute("data-status")).toBe("notified");
      expect(await card.getByTestId("traffic-light").getAttribute("data-light")).toBe("grey");
      expect(await card.textContent()).toContain("告知应办");
    }
    expect(await matters.getByTestId("completion-notice").count()).toBe(0);

    // 提交申请 of a matter whose guide asks for no materials: submitted, and the department's 收件 is skipped.
    await matters.getByTestId("matter-submit-ZJ-FGW-003").click();
    await expect.poll(() => matters.getByTestId("parallel-case-ZJ-FGW-003").getAttribute("data-status")).toBe("submitted");
    expect(await matters.getByTestId("matter-submit-ZJ-FGW-003").count()).toBe(0);
    await page.keyboard.press("Escape");
    await matters.waitFor({ state: "detached" });

    // 企业投资项目核准 asks for materials the unit has not uploaded: each missing one is named.
    const other = await openMyProject(page, verificationCode);
    await other.getByTestId("matter-submit-ZJ-FGW-002").click();
    const refused = other.getByTestId("submission-error").getByTestId("error-alert");
    await refused.waitFor();
    expect(await refused.getAttribute("data-code")).toBe("MATERIALS_INCOMPLETE");
    expect(await refused.textContent()).toContain("缺少：项目申请书");
    expect(await other.getByTestId("parallel-case-ZJ-FGW-002").getAttribute("data-status")).toBe("notified");
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const h of HANDLERS) {
    it(`lets ${h.officer} receive, accept${h.matterCode === PAUSED ? ", pause for expert review, resume" : ""} and complete ${h.matterCode} in 审批办件`, async () => {
      const { context, page, problems } = await session.newPage();
      await session.signIn(page, h.officer);
      await page.getByTestId("menu-cases").click();
      await page.waitForURL("**/admin/cases");
      await page.getByTestId("workload-chart").waitFor();
      const open = page.getByTestId(`case-open-${code}-${h.matterCode}`);
      await open.click();
      const drawer = page.getByTestId("case-drawer");
      await expect.poll(() => drawer.getAttribute("data-status")).toBe(h.submittedByUnit ? "submitted" : "notified");
      expect(await lightIn(page).getAttribute("data-light")).toBe("grey");
      // Only this department's steps: an officer cannot extend (a leader's approval) nor submit (the unit's).
      expect(await drawer.getByTestId("case-step-extend").count()).toBe(0);
      expect(await drawer.getByTestId("case-step-submit").count()).toBe(0);

      if (!h.submittedByUnit) await takeStep(page, "receive", "submitted");
      await takeStep(page, "accept", "accepted");
      expect(await lightIn(page).getAttribute("data-light")).not.toBe("grey");
      const explanation = drawer.getByTestId("clock-explanation");
      await explanation.locator('[data-role="start"]').waitFor();
      expect(await explanation.getByTestId("clock-legend").textContent()).toContain("调休上班日");
      await explanation.locator('[data-due="true"]').waitFor();
      expect(await drawer.getByTestId("case-days-left").textContent()).toMatch(/剩余 \d+ /);

      if (h.matterCode === PAUSED) {
        await takeStep(page, "pause", "paused", async () => {
          await page.getByTestId("step-reason-class").click();
          const options = page.locator(".ant-select-item-option");
          await options.first().waitFor();
          // Only the reason classes this matter's laws allow are offered.
          expect(await options.filter({ hasText: "现场踏勘" }).count()).toBe(0);
          await options.filter({ hasText: "专家评审" }).first().click();
          await page.getByTestId("step-expected-days").fill("5");
          await page.getByTestId("step-reason").fill("组织专家对规划方案进行评审");
        });
        expect(await lightIn(page).getAttribute("data-light")).toBe("grey");
        expect(await drawer.getByTestId("case-days-left").textContent()).toContain("暂停计时中");
        await expect.poll(() => explanation.locator('[data-role="pause_day"]').count()).toBe(1);
        await takeStep(page, "resume", "accepted");
        const timeline = await drawer.getByTestId("case-timeline").textContent();
        expect(timeline).toContain("专家评审");
        expect(timeline).toContain("恢复计时");
      }

      // The completion form asks for its fields before anything is sent.
      await drawer.getByTestId("case-step-complete").click();
      await page.getByTestId("step-form").waitFor();
          await page.getByTestId("step-submit").click();
      await page.getByText("请填写此项").first().waitFor();
      await page.getByTestId("step-document-number").fill(h.documentNumber);
      await page.getByTestId("step-document-title").fill(`${NAME}${h.matterCode}批复`);
      await page.getByTestId("step-opinion").fill("经审查，同意。");
      await page.getByTestId("step-submit").click();
      await expect.poll(() => drawer.getAttribute("data-status")).toBe("completed");
      expect(await drawer.getByTestId("case-document-number").textContent()).toBe(h.documentNumber);
      expect(await drawer.getByTestId("case-steps").textContent()).toContain("当前无可办理的环节");
      const types = await drawer.getByTestId("case-event").evaluateAll((els) => els.map((e) => e.getAttribute("data-type")));
      const first = h.submittedByUnit ? "submit" : "receive";
      expect(types).toEqual(h.matterCode === PAUSED ? [first, "accept", "pause", "resume", "complete"] : [first, "accept", "complete"]);

      // Closed cases leave the default (open) queue.
      await page.keyboard.press("Escape");
      await expect.poll(() => open.count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("shows the unit every matter completed, tells it in messages, and gives the completion notice listing each document number", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-unit");

    // Each step was told to the unit (Art. 14(3)): 1 submission, 2 receipts, 3 acceptances, the pause and the
    // resumption, 3 completions and the project's approval. Opening a message marks it read.
    const unread = page.getByTestId("message-unread");
    await expect.poll(async () => Number(await unread.getAttribute("data-count"))).toBeGreaterThanOrEqual(12);
    const before = Number(await unread.getAttribute("data-count"));
    await page.getByTestId("message-bell").click();
    const approved = page.getByTestId("message-list").locator('[data-kind="project.approved"]');
    await approved.waitFor();
    expect(await approved.textContent()).toContain(NAME);
    // Opening it marks it read and follows its link to the unit's project, with its matters (an Escape racing
    // the drawer that the link opens would leave its mask over the menu).
    await approved.click();
    await expect.poll(async () => Number(await unread.getAttribute("data-count"))).toBe(before - 1);
    await page.waitForURL(/\/admin\/projects\?project=/);
    const matters = page.getByTestId("project-matters");
    await matters.getByTestId("parallel-cases").waitFor();
    expect(await matters.getByTestId("parallel-progress").textContent()).toContain("3/3");
    for (const h of HANDLERS) {
      const card = matters.getByTestId(`parallel-case-${h.matterCode}`);
      expect(await card.getAttribute("data-status")).toBe("completed");
      expect(await card.getByTestId("parallel-document-number").textContent()).toContain(h.documentNumber);
      expect(await matters.getByTestId(`matter-submit-${h.matterCode}`).count()).toBe(0);
    }

    const href = await matters.getByTestId("completion-notice").getAttribute("href");
    const fetched = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: "same-origin" });
      return { status: res.status, type: res.headers.get("content-type"), bytes: Array.from(new Uint8Array(await res.arrayBuffer())) };
    }, href ?? "");
    expect(fetched.status).toBe(200);
    expect(fetched.type).toBe("application/pdf");
    const dir = mkdtempSync(join(tmpdir(), "tzxm-parallel-"));
    try {
      writeFileSync(join(dir, "notice.pdf"), Buffer.from(fetched.bytes));
      const text = execFileSync("pdftotext", [join(dir, "notice.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      expect(text).toContain("办结告知书");
      expect(text).toContain(code);
      for (const h of HANDLERS) expect(text).toContain(h.documentNumber);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The same side-by-side view on the portal's page of the project, for its own unit (reached from the back
    // office: the portal itself never asks for the session).
    await page.keyboard.press("Escape");
    await page.locator("footer a", { hasText: "互联网门户" }).click();
    const search = page.getByPlaceholder("输入项目代码查询");
    await search.fill(code);
    await search.press("Enter");
    const own = page.getByTestId("portal-own-cases");
    await own.waitFor();
    for (const h of HANDLERS) expect(await own.getByTestId(`parallel-case-${h.matterCode}`).getAttribute("data-status")).toBe("completed");
    expect(await own.getByTestId("completion-notice").count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
