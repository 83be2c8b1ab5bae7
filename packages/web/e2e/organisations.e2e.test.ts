/**
 * Registering a project unit in the back office: the operations administrator picks the region level by
 * level; a credit code with a wrong GB 32100 check character is refused on its field and nothing typed is
 * lost; the corrected code registers the unit, which the list then shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession, pickOption } from "./browser.js";

// A credit code with its check character computed by the GB 32100 rule, and one whose check character is wrong.
const STEM = "91330108MA2KQ8R3X";
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const check = CHARSET.charAt((31 - ([...STEM].reduce((s, c, i) => s + CHARSET.indexOf(c) * (WEIGHTS[i] ?? 0), 0) % 31)) % 31);
const VALID = STEM + check;
const WRONG = STEM + (check === "0" ? "1" : "0");

let session: BrowserSession;
beforeAll(async () => {
  session = await openBrowserSession();
});
afterAll(async () => {
  await session?.close();
});

describe("organisations", () => {
  it("registers a project unit after refusing a wrong credit code check character on its field", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-ops");
    await page.getByTestId("menu-organisations").click();
    await page.getByTestId("create-organisation").click();
    const dialog = page.getByTestId("create-organisation-dialog");
    await pickOption(page, "new-org-kind", "项目单位");
    await page.getByTestId("new-org-name").fill("杭州滨江智造有限公司");
    await page.getByTestId("new-org-region").click();
    await page.locator(".ant-cascader-menu-item", { hasText: "浙江省" }).click();
    await page.locator(".ant-cascader-menu-item", { hasText: "杭州市" }).click();
    await page.locator(".ant-cascader-menu-item", { hasText: "滨江区" }).click();
    // A district is a leaf: the cascader closes itself (an Escape now would close the dialog instead).
    await page.locator(".ant-cascader-dropdown").waitFor({ state: "hidden" });
    await page.getByTestId("new-org-credit-code").fill(WRONG);
    await page.getByRole("button", { name: "提 交" }).click();
    await expect.poll(() => dialog.locator(".ant-form-item-explain-error").allTextContents()).toContainEqual(expect.stringContaining("校验位错误"));
    expect(await page.getByTestId("new-org-name").inputValue()).toBe("杭州滨江智造有限公司");

    await page.getByTestId("new-org-credit-code").fill(VALID);
    await page.getByRole("button", { name: "提 交" }).click();
    await page.getByTestId("organisations-table").getByText("杭州滨江智造有限公司").waitFor();
    await expect.poll(() => page.getByTestId("organisations-table").textContent()).toContain(VALID);
    expect(problems).toEqual([]);
    await context.close();
  });
});
