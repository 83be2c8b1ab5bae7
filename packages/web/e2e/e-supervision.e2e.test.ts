/**
 * 电子监察 in the browser: a 核准 case received and accepted two months ago (set up over HTTP, steps reported with
 * their past times) is long past its 20 working days; the sweep (every half second here) raises a red card. The
 * supervisor opens 监管驾驶舱, sees the red card at the top of the list and the charts, and follows the card to the
 * case: its project, its steps and its overdue clock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../server/test/fixtures.js";
import { type BrowserSession, callApi, type HttpAuth, openBrowserSession, signInOverHttp } from "./browser.js";

const NAME = "宁海县滨海光伏发电项目（电子监察演示）";

let session: BrowserSession;
let supervisor: HttpAuth;
let caseId: string;
let projectCode: string;

const call = <T,>(auth: HttpAuth, method: "GET" | "POST", path: string, body?: unknown) => callApi<T>(session.baseUrl, auth, method, path, body);

beforeAll(async () => {
  session = await openBrowserSession({ CARD_SWEEP_INTERVAL_MS: "500" });
  const unit = await signInOverHttp(session.baseUrl, "demo-unit");
  const officer = await signInOverHttp(session.baseUrl, "demo-officer-fgw");
  supervisor = await signInOverHttp(session.baseUrl, "demo-supervisor");
  const declared = await call<{ code: string; requiredMatters: { caseId: string; matterName: string }[] }>(unit, "POST", "/projects", sampleDeclaration({ name: NAME }));
  expect(declared.status).toBe(201);
  projectCode = declared.body.code;
  caseId = declared.body.requiredMatters.find((m) => m.matterName.includes("核准"))!.caseId;
  const longAgo = new Date(Date.now() - 60 * 86_400_000).toISOString();
  for (const type of ["receive", "accept"]) expect((await call(officer, "POST", `/cases/${caseId}/events`, { type, at: longAgo })).status).toBe(201);
  // The sweep raises the card within a few passes.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const cards = await call<{ items: { level: string; ruleCode: string }[] }>(supervisor, "GET", `/e-supervision/cards?caseId=${caseId}`);
    if (cards.body.items.some((c) => c.level === "red" && c.ruleCode === "OVERALL_LIMIT")) break;
    if (Date.now() > deadline) throw new Error(`no red card: ${JSON.stringify(cards.body)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
});
afterAll(async () => {
  await session?.close();
});

describe("监管驾驶舱 (electronic supervision dashboard)", () => {
  it("the supervisor sees the red card on the dashboard and follows it to the case", async () => {
    const { page, problems } = await session.newPage();
    await session.signIn(page, "demo-supervisor");
    await page.getByTestId("menu-dashboard").click();
    await page.waitForURL("**/admin/dashboard");
    await page.getByTestId("es-cards").waitFor();
    // Open red cards are counted, and the charts (ECharts, loaded lazily) draw.
    expect(Number(((await page.getByTestId("es-stat-red").locator(".ant-statistic-content-value").textContent()) ?? "").replace(/\D/g, ""))).toBeGreaterThanOrEqual(1);
    await page.getByTestId("es-chart-region").locator("canvas").waitFor();

    // Red first: the first card of the list is red, and this case's red card is on the page.
    const first = page.locator('[data-testid^="es-card-open-"]').first();
    expect(await first.getAttribute("data-level")).toBe("red");
    const card = page.locator(`[data-testid^="es-card-open-"][data-case="${caseId}"][data-level="red"]`).first();
    await card.click();

    const drawer = page.getByTestId("es-card-drawer");
    await drawer.waitFor();
    expect(await drawer.getByTestId("es-card-summary").textContent()).toContain("已超期");
    const theCase = drawer.getByTestId("es-case");
    await theCase.waitFor();
    expect(await theCase.getAttribute("data-case")).toBe(caseId);
    expect(await theCase.getByTestId("es-case-project").textContent()).toContain(projectCode);
    expect(await theCase.locator('[data-testid="es-case-event"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-type")))).toEqual(["receive", "accept"]);
    expect(await theCase.textContent()).toContain("已超期");
    // A supervisor does not explain for the department; the supervisor may close the card.
    expect(await drawer.getByTestId("es-acknowledge").count()).toBe(0);
    expect(await drawer.getByTestId("es-close").count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
