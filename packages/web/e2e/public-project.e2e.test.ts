/**
 * Anyone can look a project up by its code (Art. 13, 18): a project declared over HTTP by the demo unit is found
 * from the portal's search, its public page shows the name with the code, the status, the QR label and the
 * (still empty) matters, and survives a reload; codes that lead nowhere say why.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectCodeCheckCharacter } from "../../server/src/modules/projects/project-code.js";
import { type BrowserSession, declareOverHttp, openBrowserSession, signInOverHttp } from "./browser.js";

const PROJECT_NAME = "杭州西湖区智能制造示范基地项目";
// The demo unit's credit code (demo data) with its GB 32100 check character.
// November 2020 (time code 2011): a valid code no project declared today can carry.
const UNKNOWN_BODY = "2011-330106-02-01-99999";
const UNKNOWN = UNKNOWN_BODY + projectCodeCheckCharacter(UNKNOWN_BODY);
const WRONG_CHECK = UNKNOWN_BODY + (UNKNOWN.endsWith("0") ? "1" : "0");

let session: BrowserSession;
let code: string;

/** Signs the demo unit in over HTTP and declares a project as the declaration form would (spec §4). */
const declareProject = async (baseUrl: string) =>
  declareOverHttp(baseUrl, await signInOverHttp(baseUrl, "demo-unit"), { name: PROJECT_NAME });

beforeAll(async () => {
  session = await openBrowserSession();
  code = await declareProject(session.baseUrl);
});
afterAll(async () => {
  await session?.close();
});

describe("public project page", () => {
  it("finds a declared project from the portal search and shows its public record and QR label", async () => {
    const { context, page, problems } = await session.newPage();
    await page.goto(`${session.baseUrl}/`);
    const search = page.getByPlaceholder("输入项目代码查询");
    await search.fill(code);
    await search.press("Enter");
    await page.waitForURL(`**/projects/${code}`);

    const expectRecord = async () => {
      await page.getByTestId("project-name").waitFor();
      expect(await page.getByTestId("project-name").textContent()).toBe(PROJECT_NAME);
      expect(await page.getByTestId("project-code").textContent()).toContain(code);
      expect(await page.getByTestId("project-status").textContent()).toBe("已申报");
      expect(await page.getByTestId("project-unit").textContent()).toBe("浙江绿能新能源科技有限公司");
      expect(await page.getByTestId("project-category").textContent()).toBe("核准");
      await expect.poll(() => page.getByTestId("project-region").textContent()).toContain("西湖区");
      // The matters it was told (Art. 18: anyone follows the handling by the code), none handled yet.
      const matters = (await page.getByTestId("project-matters").textContent()) ?? "";
      expect(matters).toContain("企业投资项目核准");
      expect(matters).toContain("告知应办");
      expect(matters).not.toContain("暂无办理事项信息");
      // The QR label really loaded (an <img> that failed has no natural size).
      const qr = page.getByTestId("project-qr");
      expect(await qr.getAttribute("src")).toBe(`/api/v1/public/projects/${code}/label.svg`);
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    };
    await expectRecord();

    const png = await fetch(new URL((await page.getByTestId("project-qr-png").getAttribute("href")) ?? "", session.baseUrl));
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");

    await page.reload();
    expect(new URL(page.url()).pathname).toBe(`/projects/${code}`);
    await expectRecord();

    expect(problems).toEqual([]);
    await context.close();
  });

  it("says why a code leads nowhere: not registered, or a wrong check character", async () => {
    const { context, page, problems } = await session.newPage();
    await page.goto(`${session.baseUrl}/`);
    const search = page.getByPlaceholder("输入项目代码查询");
    await search.fill(UNKNOWN);
    await search.press("Enter");
    await expect.poll(() => page.getByTestId("code-why-not").textContent()).toContain("未找到该项目代码");
    expect(new URL(page.url()).pathname).toBe("/");

    await search.fill(WRONG_CHECK);
    await search.press("Enter");
    await expect.poll(() => page.getByTestId("code-why-not").textContent()).toContain("校验位错误");

    // A link or a label to an unknown code: the page says so and leads back to the search.
    await page.goto(`${session.baseUrl}/projects/${UNKNOWN}`);
    await page.getByTestId("project-not-found").waitFor();
    expect(await page.getByTestId("project-not-found").textContent()).toContain("未找到该项目代码");
    await page.getByTestId("back-to-search").click();
    await page.getByPlaceholder("输入项目代码查询").waitFor();
    expect(new URL(page.url()).pathname).toBe("/");

    // A malformed code gets the server's own message (422 PROJECT_CODE_INVALID).
    await page.goto(`${session.baseUrl}/projects/${WRONG_CHECK}`);
    await page.getByTestId("project-error").waitFor();
    expect(await page.getByTestId("error-alert").getAttribute("data-code")).toBe("PROJECT_CODE_INVALID");
    expect(await page.getByTestId("error-alert").textContent()).toContain("项目代码格式或校验位错误");

    expect(problems).toEqual([]);
    await context.close();
  });
});
