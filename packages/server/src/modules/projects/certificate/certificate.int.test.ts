import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../../test/app-harness.js";
import { DEMO_UNIT_CREDIT_CODE, DEMO_UNIT_NAME, sampleDeclaration } from "../../../../test/fixtures.js";
import { insertOrganisation, insertUser } from "../../identity/identity.repository.js";
import { creditCodeCheckCharacter } from "../../reference/credit-code.js";
import { CERTIFICATE_NOTE, CERTIFICATE_TITLE } from "./particulars.js";

const BASE = "https://tzxm.example.gov.cn";
const PLATFORM = "浙江省投资项目在线审批监管平台";

describe("filing certificate (备案证明, Art. 40)", () => {
  let t: TestApp;
  let unit: Client;
  let dir: string;
  const url = (code: string) => `/api/v1/projects/${code}/filing-certificate.pdf`;

  async function declare(over: Record<string, unknown>): Promise<string> {
    const res = await unit.post("/api/v1/projects", sampleDeclaration(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code;
  }

  /** The PDF's text as pdftotext (poppler) reads it, keeping the layout. */
  function textOf(pdf: Buffer, name: string): string {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  }

  const downloads = async (code: string) =>
    (await t.database.db.selectFrom("audit_event").select(["actor_label", "payload", "region_code"]).where("type", "=", "project.certificate_downloaded").where("subject", "=", code).orderBy("seq").execute()).map(
      (e) => ({ actor: e.actor_label, payload: typeof e.payload === "string" ? JSON.parse(e.payload) : e.payload, region: e.region_code }),
    );

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: BASE, PLATFORM_NAME: PLATFORM });
    unit = await signIn(t.app, "demo-unit");
    dir = mkdtempSync(join(tmpdir(), "tzxm-certificate-"));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the unit a PDF whose Chinese text reads back exactly, with the code, QR label and particulars", async () => {
    const code = await declare({ approvalCategory: "filing" });
    // The filing instant is the server's clock; 00:30 on 2 March in Beijing is still 1 March in UTC: the date is CST.
    await t.database.db.updateTable("project").set({ declared_at: new Date("2026-03-02T00:30:00+08:00") }).where("code", "=", code).execute();

    const res = await unit.get(url(code));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="filing-certificate-${code}.pdf"; filename*=UTF-8''${encodeURIComponent(`备案证明-${code}.pdf`)}`,
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The font is embedded as a subset: the file stays small although the font file is about 8 MB.
    expect(pdf.length).toBeLessThan(300_000);

    const text = textOf(pdf, "filed.pdf");
    const d = sampleDeclaration();
    for (const expected of [
      CERTIFICATE_TITLE,
      code,
      d.name,
      DEMO_UNIT_NAME,
      DEMO_UNIT_CREDIT_CODE,
      "王建国",
      "浙江省杭州市西湖区 杭州市西湖区三墩镇某路1号",
      "汽车制造业（36）",
      d.constructionScale,
      d.constructionContent,
      "125000.00 万元",
      "2027年3月",
      "2029年6月",
      "2026年3月2日",
      PLATFORM,
      CERTIFICATE_NOTE,
      `${BASE}/projects/${code}`,
    ]) {
      expect(text).toContain(expected);
    }
    // Label and value stand on one line of the table.
    expect(text).toMatch(/项目总投资\s+125000\.00 万元/);
    expect(text).toMatch(/计划开工时间\s+2027年3月/);

    // Every font is embedded as a subset with a Unicode map: nothing depends on the reader's system fonts.
    const fonts = execFileSync("pdffonts", [join(dir, "filed.pdf")], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/NotoSansHans.*\byes\s+yes\s+yes\b/);
    // The QR label is the page's one image.
    const images = execFileSync("pdfimages", ["-list", join(dir, "filed.pdf")], { encoding: "utf8" });
    expect(images).toMatch(/^\s+1\s+0\s+image\s+300\s+300\b/m);

    expect(await downloads(code)).toEqual([{ actor: "demo-unit", payload: { code }, region: "330106" }]);
  });

  it("shows the latest version's particulars and every site of the filing", async () => {
    const code = await declare({
      approvalCategory: "filing",
      sites: [
        { regionCode: "330106", address: "三墩镇某路1号" },
        { regionCode: "330108", address: "长河街道某路2号" },
      ],
      totalInvestment: "880.5",
    });
    const adjusted = sampleDeclaration({
      approvalCategory: "filing",
      sites: [
        { regionCode: "330106", address: "三墩镇某路1号" },
        { regionCode: "330108", address: "长河街道某路2号" },
      ],
      totalInvestment: "880.5",
      // 𠀀 (CJK Extension B) is not in the font: it prints as 〓 rather than as a blank.
      constructionContent: "建设𠀀研发楼",
      constructionScale: "新建厂房6万平方米，购置生产线10条",
    });
    const change = await unit.post(`/api/v1/projects/${code}/changes`, { kind: "adjustment", reason: "增加生产线", declaration: adjusted });
    expect(change.statusCode, change.body).toBe(200);

    const res = await unit.get(url(code));
    expect(res.statusCode).toBe(200);
    const text = textOf(res.rawPayload, "adjusted.pdf");
    expect(text).toContain("新建厂房6万平方米，购置生产线10条");
    expect(text).not.toContain("新建厂房5万平方米");
    expect(text).toContain("1. 浙江省杭州市西湖区 三墩镇某路1号");
    expect(text).toContain("2. 浙江省杭州市滨江区 长河街道某路2号");
    expect(text).toContain("880.50 万元");
    expect(text).toContain("建设〓研发楼");
  });

  it("keeps a construction content longer than a page whole, continued on the next pages", async () => {
    const sentence = "建设智能化生产车间、仓储及配套设施，配套建设研发中心和检测中心。";
    const content = sentence.repeat(120);
    const code = await declare({ approvalCategory: "filing", constructionContent: content });
    const res = await unit.get(url(code));
    expect(res.statusCode).toBe(200);
    const text = textOf(res.rawPayload, "long.pdf");
    expect(text).toContain("建设内容（续）");
    expect(text).toMatch(/第 2 页 共 \d 页/);
    // Read without the table and the page furniture, the content is all there, in order, once.
    const raw = execFileSync("pdftotext", [join(dir, "long.pdf"), "-"], { encoding: "utf8" })
      .replace(/项目代码 \S+\s+第 \d 页 共 \d 页/g, "")
      .replace(/\s+/g, "");
    const start = raw.indexOf("建设内容") + "建设内容".length;
    const body = raw.slice(start, raw.indexOf("项目总投资")).replaceAll("建设内容（续）", "");
    expect(body).toBe(content);
  });

  it("answers 409 NOT_A_FILING for a verification project and for a filing no longer filed", async () => {
    const verification = await declare({ approvalCategory: "verification" });
    const res = await unit.get(url(verification));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "NOT_A_FILING", message: "只有已备案的备案类项目才有备案证明", fields: [{ path: "code", message: "该项目不是备案类项目" }] });
    expect(res.json().error.messageEn).toContain("filing certificate");

    const withdrawn = await declare({ approvalCategory: "filing" });
    expect((await unit.post(`/api/v1/projects/${withdrawn}/changes`, { kind: "withdrawal", reason: "项目不再实施" })).statusCode).toBe(200);
    const after = await unit.get(url(withdrawn));
    expect(after.statusCode).toBe(409);
    expect(after.json().error.fields[0].messageEn).toContain("withdrawn");
    expect(await downloads(verification)).toEqual([]);
    expect(await downloads(withdrawn)).toEqual([]);
  });

  it("is 404 for another unit and outside an officer's region, 200 for an officer in scope, 422 for a malformed code", async () => {
    const code = await declare({ approvalCategory: "filing" });
    const hash = (await t.database.db.selectFrom("app_user").select("password_hash").where("username", "=", "demo-unit").executeTakeFirstOrThrow()).password_hash;
    const stem = "91330106MA2H3K7L7";
    const otherOrg = await insertOrganisation(t.database.db, { kind: "project_unit", name: "另一家备案企业", region_code: "330106", credit_code: stem + creditCodeCheckCharacter(stem) });
    await insertUser(t.database.db, { username: "cert-other-unit", display_name: "另一家企业经办人", organisation_id: otherOrg.id, role: "project_unit", password_hash: hash, second_factor_exempt: true });
    const nbFgw = await t.database.db.selectFrom("organisation").select("id").where("name", "=", "宁波市发展和改革委员会").executeTakeFirstOrThrow();
    await insertUser(t.database.db, { username: "cert-officer-nb", display_name: "宁波经办人", organisation_id: nbFgw.id, role: "officer", password_hash: hash, second_factor_exempt: true });

    const other = await signIn(t.app, "cert-other-unit");
    expect((await other.get(url(code))).statusCode).toBe(404);
    const ningbo = await signIn(t.app, "cert-officer-nb");
    expect((await ningbo.get(url(code))).statusCode).toBe(404);
    const officer = await signIn(t.app, "demo-officer-fgw");
    const res = await officer.get(url(code));
    expect(res.statusCode).toBe(200);
    expect(textOf(res.rawPayload, "officer.pdf")).toContain(code);
    expect((await t.app.inject({ url: url(code) })).statusCode).toBe(401);
    expect((await unit.get(url("2026-330106-02-01-00000"))).statusCode).toBe(422);

    expect((await downloads(code)).map((e) => e.actor)).toEqual(["demo-officer-fgw"]);
  });
});
