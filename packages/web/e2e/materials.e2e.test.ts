/**
 * 申请材料: the demo unit declares a project (told 企业投资项目核准 among its matters), opens it under 我的项目,
 * uploads its 项目申请书 as a PDF and sees it listed with its SM3 digest; a renamed executable and an oversized
 * file are refused with a message while the uploaded file stays; a provincial officer sees the list read-only.
 */
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, declareOverHttp, openBrowserSession, signInOverHttp } from "./browser.js";

const NAME = "临平区高端装备制造基地项目";
/** The platform's upload limit in this server: small, so the oversized file is cheap. */
const MAX_BYTES = 64 * 1024;
const pdf = Buffer.from("%PDF-1.7\n% 项目申请书\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n");
const sm3 = (b: Buffer) => createHash("sm3").update(b).digest("hex");

let session: BrowserSession;
let code: string;

beforeAll(async () => {
  session = await openBrowserSession({ MATERIAL_MAX_BYTES: String(MAX_BYTES) });
  const auth = await signInOverHttp(session.baseUrl, "demo-unit");
  code = await declareOverHttp(session.baseUrl, auth, { name: NAME });
});
afterAll(async () => {
  await session?.close();
});

/** Opens the project from 我的项目 / 项目管理 and expands 企业投资项目核准; answers the row of material M03. */
async function openApplicationMaterial(page: Page) {
  await page.getByTestId("menu-projects").click();
  await page.waitForURL("**/admin/projects");
  await page.getByTestId(`project-open-${code}`).click();
  const matters = page.getByTestId("project-matters");
  await matters.getByTestId("matter-ZJ-FGW-002").click();
  const row = matters.getByTestId("material-M03");
  await row.waitFor();
  return row;
}

describe("申请材料 in the project drawer", () => {
  it("lets the unit upload a PDF, shows its digest, and refuses a renamed executable and an oversized file", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-unit");
    const row = await openApplicationMaterial(page);
    expect(await row.textContent()).toContain("项目申请书");
    expect(await row.textContent()).toContain("未上传");
    // A material the platform holds offers no upload.
    expect(await page.getByTestId("material-M01").textContent()).toContain("平台共享，无需提交");
    expect(await page.getByTestId("material-upload-M01").count()).toBe(0);

    await row.locator("input[type=file]").setInputFiles({ name: "项目申请书.pdf", mimeType: "application/pdf", buffer: pdf });
    const digest = row.getByTestId("material-sm3");
    await digest.waitFor();
    expect(await digest.getAttribute("data-sm3")).toBe(sm3(pdf));
    expect(await digest.textContent()).toContain(sm3(pdf).slice(0, 12));
    expect(await row.getByTestId("material-download").textContent()).toContain("项目申请书.pdf");
    expect(await row.getByTestId("material-upload-M03").textContent()).toContain("重新上传");

    // The bytes are an executable under a .pdf name: the server refuses it by its content.
    const exe = Buffer.from("MZ\x90\0\x03\0\0\0\x04\0\0\0PE\0\0L\x01");
    await row.locator("input[type=file]").setInputFiles({ name: "申请书.pdf", mimeType: "application/pdf", buffer: exe });
    const refused = row.getByTestId("error-alert");
    await refused.waitFor();
    expect(await refused.getAttribute("data-code")).toBe("MATERIAL_CONTENT_MISMATCH");
    expect(await refused.textContent()).toContain("文件内容不是 PDF 格式");
    expect(await digest.getAttribute("data-sm3")).toBe(sm3(pdf));

    // Too large for the platform: said before the bytes go up; the uploaded file stays.
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES)]);
    await row.locator("input[type=file]").setInputFiles({ name: "大文件.pdf", mimeType: "application/pdf", buffer: big });
    await expect.poll(() => row.getByTestId("error-alert").getAttribute("data-code")).toBe("MATERIAL_TOO_LARGE");
    expect(await row.getByTestId("error-alert").textContent()).toContain("超过此材料允许的 64 KB");
    expect(await digest.getAttribute("data-sm3")).toBe(sm3(pdf));

    // The download is the very bytes.
    const href = await row.getByTestId("material-download").getAttribute("href");
    const fetched = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: "same-origin" });
      return { status: res.status, sm3: res.headers.get("x-content-sm3"), bytes: Array.from(new Uint8Array(await res.arrayBuffer())) };
    }, href ?? "");
    expect(fetched.status).toBe(200);
    expect(fetched.sm3).toBe(sm3(pdf));
    expect(Buffer.from(fetched.bytes).equals(pdf)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows an officer the materials read-only, with downloads", async () => {
    const { context, page, problems } = await session.newPage();
    await session.signIn(page, "demo-officer-fgw");
    const row = await openApplicationMaterial(page);
    await row.getByTestId("material-download").waitFor();
    expect(await row.getByTestId("material-sm3").getAttribute("data-sm3")).toBe(sm3(pdf));
    expect(await page.getByTestId("material-upload-M03").count()).toBe(0);
    expect(await row.locator("input[type=file]").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
