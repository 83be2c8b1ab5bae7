/**
 * 信息公开 (Art. 18) in the browser: a 核准 case completed over HTTP by the 发展改革委 officer is published by the
 * server's publisher; the portal's 信息公开 page lists it with its document number, finds it by that number, and
 * its CSV download holds it. The deciding department's leader then takes it down from 信息公开管理 with a reason,
 * and it leaves the public list.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../server/test/fixtures.js";
import { type BrowserSession, callApi, type HttpAuth, openBrowserSession, signInOverHttp } from "./browser.js";

const NAME = "嘉兴市港区新能源储能电站项目";
const DOCUMENT_NUMBER = "浙发改核〔2026〕88号";

let session: BrowserSession;
let code: string;

const call = <T,>(auth: HttpAuth | null, method: "GET" | "POST", path: string, body?: unknown) => callApi<T>(session.baseUrl, auth, method, path, body);

type Listed = { items: { id: number; projectCode: string; documentNumber?: string }[]; total: number };
const publicApprovals = () => call<Listed>(null, "GET", `/public/disclosures?kind=approval&q=${encodeURIComponent(DOCUMENT_NUMBER)}`);

beforeAll(async () => {
  session = await openBrowserSession();
  const unit = await signInOverHttp(session.baseUrl, "demo-unit");
  const officer = await signInOverHttp(session.baseUrl, "demo-officer-fgw");
  const declared = await call<{ code: string; requiredMatters: { caseId: string; matterName: string }[] }>(unit, "POST", "/projects", sampleDeclaration({ name: NAME }));
  expect(declared.status).toBe(201);
  code = declared.body.code;
  const caseId = declared.body.requiredMatters.find((m) => m.matterName.includes("核准"))!.caseId;
  for (const type of ["receive", "accept"]) expect((await call(officer, "POST", `/cases/${caseId}/events`, { type })).status).toBe(201);
  const done = await call(officer, "POST", `/cases/${caseId}/events`, { type: "complete", result: "granted", opinion: "同意核准", documentNumber: DOCUMENT_NUMBER, documentTitle: "关于嘉兴市港区新能源储能电站项目核准的批复" });
  expect(done.status).toBe(201);
});
afterAll(async () => {
  await session?.close();
});

describe("信息公开 (disclosures)", () => {
  it("lists the completed case on the portal with its document number, finds it, and downloads it as CSV", async () => {
    // The server's publisher (every 500 ms in the test server) puts it on the public list.
    await expect.poll(async () => (await publicApprovals()).body.total, { timeout: 10_000 }).toBe(1);
    const { context, page, problems } = await session.newPage();
    await page.goto(`${session.baseUrl}/`);
    expect(await page.getByTestId("card-disclosures").getAttribute("aria-disabled")).toBe("false");
    await page.getByTestId("card-disclosures").click();
    await page.waitForURL("**/disclosures");
    const list = page.getByTestId("disclosures-list");
    const row = list.locator("tr", { hasText: code });
    await row.waitFor();
    expect(await row.getByTestId("disclosure-document-number").textContent()).toBe(DOCUMENT_NUMBER);
    expect(await row.textContent()).toContain("准予");
    expect(await row.textContent()).toContain("浙江省发展和改革委员会");

    // Found by its document number; a number nobody issued finds nothing.
    await page.getByTestId("disclosures-q").locator("input").fill("浙发改核〔2026〕88");
    await page.getByTestId("disclosures-q").locator("input").press("Enter");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBe(1);
    await page.getByTestId("disclosures-q").locator("input").fill("不存在的文号");
    await page.getByTestId("disclosures-q").locator("input").press("Enter");
    await expect.poll(() => list.getByText("暂无符合条件的公开信息").count()).toBe(1);
    await page.getByTestId("disclosures-q").locator("input").fill("");
    await page.getByTestId("disclosures-q").locator("input").press("Enter");
    await row.waitFor();

    // The CSV of the list as filtered holds it; the catalogue is linked.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("disclosures-download-csv").click()]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const line = csv.split("\r\n").find((l) => l.includes(code));
    expect(line).toContain(DOCUMENT_NUMBER);
    expect(line).toContain(",approval,");
    expect(await page.getByTestId("disclosures-catalog").getAttribute("href")).toBe("/api/v1/open-data/catalog.json");

    // Another kind's tab lists nothing of it.
    await page.getByTestId("disclosure-tab-penalty").click();
    await page.waitForURL("**/disclosures?kind=penalty");
    await expect.poll(() => list.getByText("暂无符合条件的公开信息").count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lets the deciding department's leader take the item down with a reason; it leaves the public list", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-leader-fgw");
    await page.getByTestId("menu-disclosures").click();
    await page.waitForURL("**/admin/disclosures");
    const id = (await publicApprovals()).body.items[0]!.id;
    await page.getByTestId(`disclosure-withdraw-${id}`).click();
    await page.getByTestId("disclosure-withdraw-reason").fill("行政复议决定撤销该核准");
    await page.getByTestId("disclosure-withdraw-submit").click();
    await page.getByTestId(`disclosure-withdraw-${id}`).waitFor({ state: "detached" });
    await page.getByTestId("disclosures-admin-table").getByText("行政复议决定撤销该核准").waitFor();
    expect((await publicApprovals()).body.total).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
