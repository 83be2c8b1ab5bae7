/**
 * 项目管理 / 我的项目: two projects declared over HTTP by the demo unit; the provincial officer finds one by name,
 * opens its record and timeline (项目申报), and downloads the list as an .xlsx workbook; the unit sees the same
 * page as 我的项目 with its own projects.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, declareOverHttp, type HttpAuth, openBrowserSession, signInOverHttp } from "./browser.js";

const FIRST = "西湖区新能源电池智能工厂项目";
const SECOND = "滨江区研发中心扩建项目";

let session: BrowserSession;
const codes: string[] = [];

/** Declares a project as the demo unit (interface specification §4). */
const declare = (baseUrl: string, auth: HttpAuth, name: string, regionCode: string, approvalCategory: "verification" | "filing" = "verification") =>
  declareOverHttp(baseUrl, auth, {
    name,
    approvalCategory,
    sites: [{ regionCode, address: "杭州市某路1号" }],
    totalInvestment: "52000.00",
    plannedEnd: "2028-12",
  });

beforeAll(async () => {
  session = await openBrowserSession();
  const auth = await signInOverHttp(session.baseUrl, "demo-unit");
  codes.push(await declare(session.baseUrl, auth, FIRST, "330106"));
  codes.push(await declare(session.baseUrl, auth, SECOND, "330108", "filing"));
});
afterAll(async () => {
  await session?.close();
});

describe("project search in the back office", () => {
  it("lets a provincial officer filter by name, open the timeline, and export the list to Excel", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-officer-fgw");
    expect(await page.getByTestId("menu-projects").textContent()).toBe("项目管理");
    await page.getByTestId("menu-projects").click();
    await page.waitForURL("**/admin/projects");
    const table = page.getByTestId("projects-table");
    await table.getByText(FIRST).waitFor();
    await table.getByText(SECOND).waitFor();

    await page.getByTestId("filter-name").fill("研发中心");
    await page.getByTestId("projects-search").click();
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBe(1);
    expect(await table.locator("tbody tr.ant-table-row").textContent()).toContain(SECOND);
    expect(await table.textContent()).not.toContain(FIRST);

    await page.getByTestId(`project-open-${codes[1]}`).click();
    const drawer = page.getByTestId("project-drawer");
    await drawer.getByTestId("project-record").waitFor();
    expect(await drawer.getByTestId("project-record").textContent()).toContain(SECOND);
    await drawer.getByTestId("project-timeline").waitFor();
    expect(await drawer.getByTestId("project-event").first().textContent()).toContain("项目申报");
    // A filed 备案 project offers its filing certificate: a plain GET of a PDF.
    const certificate = await page.getByTestId("project-filing-certificate").getAttribute("href");
    expect(certificate).toBe(`/api/v1/projects/${codes[1]}/filing-certificate.pdf`);
    const pdf = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: "same-origin" });
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get("content-type"), head: String.fromCharCode(...bytes.slice(0, 5)) };
    }, certificate ?? "");
    expect(pdf).toEqual({ status: 200, type: "application/pdf", head: "%PDF-" });

    // The export link carries the same filters; its answer is a workbook (an .xlsx is a ZIP: "PK").
    const href = await page.getByTestId("projects-export").getAttribute("href");
    expect(href).toBe(`/api/v1/projects/export.xlsx?name=${encodeURIComponent("研发中心")}`);
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: "same-origin" });
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), head: [bytes[0], bytes[1]] };
    }, href ?? "");
    expect(download.status).toBe(200);
    expect(download.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(download.disposition).toContain(`filename*=UTF-8''${encodeURIComponent("项目清单.xlsx")}`);
    expect(String.fromCharCode(...(download.head as number[]))).toBe("PK");

    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a project unit the same page as 我的项目 with its own projects", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-unit");
    expect(await page.getByTestId("menu-projects").textContent()).toBe("我的项目");
    await page.getByTestId("menu-projects").click();
    await page.waitForURL("**/admin/projects");
    expect(await page.getByTestId("projects-page").locator(".ant-card-head-title").textContent()).toBe("我的项目");
    const table = page.getByTestId("projects-table");
    await table.getByText(FIRST).waitFor();
    await table.getByText(SECOND).waitFor();
    expect(await page.getByTestId("filter-unit").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
