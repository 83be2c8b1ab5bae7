import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { DEMO_UNIT_NAME, sampleDeclaration } from "../../../test/fixtures.js";
import { insertOrganisation, insertUser } from "../identity/identity.repository.js";
import { creditCodeCheckCharacter } from "../reference/credit-code.js";
import { EXPORT_HEADER } from "./export.js";

interface Item {
  code: string;
  legacyCode?: string;
  name: string;
  unitName: string;
  regionCode: string;
  regionName: string;
  status: string;
  approvalCategory: string;
  declaredAt: string;
}
interface ListAnswer {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
}

const DEMO_UNIT = DEMO_UNIT_NAME;
const OTHER_STEM = "91330106MA2H3K7L7";
const OTHER_CREDIT = OTHER_STEM + creditCodeCheckCharacter(OTHER_STEM);

describe("project search and export (我的项目 / 项目管理)", () => {
  let t: TestApp;
  let unit: Client;
  let other: Client;
  let province: Client;
  let ningbo: Client;
  /** Code of each declared project by its short name. */
  const codes: Record<"xihu" | "haishu" | "chengxi" | "otherUnit", string> = { xihu: "", haishu: "", chengxi: "", otherUnit: "" };

  const declaration = (over: Record<string, unknown> = {}) =>
    sampleDeclaration({ constructionScale: "新建厂房5万平方米", constructionContent: "建设智能化生产车间", ...over });

  async function declare(client: Client, body: Record<string, unknown>, declaredAt: string): Promise<string> {
    const res = await client.post("/api/v1/projects", body);
    expect(res.statusCode, res.body).toBe(201);
    const code: string = res.json().code;
    // The declaration instant is the server's clock; set it to a known one so that dates and order are testable.
    await t.database.db.updateTable("project").set({ declared_at: new Date(declaredAt) }).where("code", "=", code).execute();
    return code;
  }

  async function list(client: Client, query: Record<string, string | number> = {}): Promise<ListAnswer> {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
    const res = await client.get(`/api/v1/projects${qs ? `?${qs}` : ""}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const names = async (client: Client, query: Record<string, string | number> = {}) => (await list(client, query)).items.map((i) => i.code);

  async function workbookOf(client: Client, query = ""): Promise<string[][]> {
    const res = await client.get(`/api/v1/projects/export.xlsx${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("项目清单");
    expect(sheet).toBeDefined();
    const rows: string[][] = [];
    sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)))));
    return rows;
  }

  async function addUser(username: string, organisationId: number, role: "project_unit" | "officer") {
    const hash = (await t.database.db.selectFrom("app_user").select("password_hash").where("username", "=", "demo-unit").executeTakeFirstOrThrow()).password_hash;
    await insertUser(t.database.db, { username, display_name: username, organisation_id: organisationId, role, password_hash: hash, second_factor_exempt: true });
  }

  beforeAll(async () => {
    t = await startTestApp();
    unit = await signIn(t.app, "demo-unit");
    province = await signIn(t.app, "demo-officer-fgw");

    const otherOrg = await insertOrganisation(t.database.db, { kind: "project_unit", name: "杭州另一家建材有限公司", region_code: "330106", credit_code: OTHER_CREDIT });
    await addUser("search-other-unit", otherOrg.id, "project_unit");
    other = await signIn(t.app, "search-other-unit");
    const nbFgw = await t.database.db.selectFrom("organisation").select("id").where("name", "=", "宁波市发展和改革委员会").executeTakeFirstOrThrow();
    await addUser("search-officer-nb", nbFgw.id, "officer");
    ningbo = await signIn(t.app, "search-officer-nb");

    codes.xihu = await declare(unit, declaration({ name: "西湖区智能制造产业园项目" }), "2026-01-10T10:00:00+08:00");
    // 00:30 on 1 February in Beijing is still 31 January in UTC: the date filters must use CST.
    codes.haishu = await declare(
      unit,
      declaration({ name: "海曙区物流仓储中心项目", approvalCategory: "filing", sites: [{ regionCode: "330203", address: "宁波市海曙区某路2号" }] }),
      "2026-02-01T00:30:00+08:00",
    );
    codes.chengxi = await declare(
      unit,
      declaration({
        name: "城西科创大走廊数据中心项目",
        approvalCategory: "approval",
        legacyCode: "2019-330100-65-01-004321",
        sites: [
          { regionCode: "330106", address: "西湖区一号" },
          { regionCode: "330108", address: "滨江区二号" },
        ],
      }),
      "2026-03-15T23:59:00+08:00",
    );
    codes.otherUnit = await declare(
      other,
      declaration({ name: "另一家企业厂房改造项目", unit: { ...declaration().unit, name: "杭州另一家建材有限公司", creditCode: OTHER_CREDIT } }),
      "2026-04-01T09:00:00+08:00",
    );
  });
  afterAll(() => t.close());

  it("lists the projects in scope newest first, with the list fields", async () => {
    const all = await list(province);
    expect(all.total).toBe(4);
    expect(all.items.map((i) => i.code)).toEqual([codes.otherUnit, codes.chengxi, codes.haishu, codes.xihu]);
    expect(all.items.find((i) => i.code === codes.chengxi)).toEqual({
      code: codes.chengxi,
      legacyCode: "2019-330100-65-01-004321",
      name: "城西科创大走廊数据中心项目",
      unitName: DEMO_UNIT,
      regionCode: "330100",
      regionName: "杭州市",
      status: "declared",
      approvalCategory: "approval",
      declaredAt: "2026-03-15T15:59:00.000Z",
    });
    expect(all.items.find((i) => i.code === codes.haishu)).toMatchObject({ status: "filed", regionCode: "330203", regionName: "海曙区" });
    expect(all.items.find((i) => i.code === codes.xihu)).not.toHaveProperty("legacyCode");
  });

  it("narrows by each filter", async () => {
    expect(await names(province, { name: "数据中心" })).toEqual([codes.chengxi]);
    expect(await names(province, { code: codes.xihu.slice(0, 22) })).toEqual([codes.xihu]);
    expect(await names(province, { code: codes.xihu.toLowerCase() })).toEqual([codes.xihu]);
    expect(await names(province, { code: "2401-" })).toEqual([]);
    expect(await names(province, { legacyCode: "2019-330100" })).toEqual([codes.chengxi]);
    expect(await names(province, { unit: "另一家" })).toEqual([codes.otherUnit]);
    expect(await names(province, { unit: OTHER_CREDIT })).toEqual([codes.otherUnit]);
    expect(await names(province, { unit: OTHER_CREDIT.slice(0, 17) })).toEqual([]);
    expect(await names(province, { region: "330200" })).toEqual([codes.haishu]);
    // A county holds only projects coded to it; a prefecture holds its counties' projects and its own.
    expect(await names(province, { region: "330106" })).toEqual([codes.otherUnit, codes.xihu]);
    expect(await names(province, { region: "330100" })).toEqual([codes.otherUnit, codes.chengxi, codes.xihu]);
    expect((await list(province, { region: "330000" })).total).toBe(4);
    expect(await names(province, { status: "filed" })).toEqual([codes.haishu]);
    expect(await names(province, { status: "approved" })).toEqual([]);
    expect(await names(province, { declaredFrom: "2026-02-01", declaredTo: "2026-03-15" })).toEqual([codes.chengxi, codes.haishu]);
    expect(await names(province, { declaredTo: "2026-01-31" })).toEqual([codes.xihu]);
    expect(await names(province, { declaredFrom: "2026-03-16" })).toEqual([codes.otherUnit]);
    expect(await names(province, { declaredFrom: "2026-03-15", declaredTo: "2026-03-15" })).toEqual([codes.chengxi]);
    // Filters combine; wildcards typed by people match literally.
    expect(await names(province, { name: "项目", region: "330100", status: "declared", unit: "绿能" })).toEqual([codes.chengxi, codes.xihu]);
    expect(await names(province, { name: "%" })).toEqual([]);
    expect(await names(province, { name: "_" })).toEqual([]);
  });

  it("pages with the total of all matches", async () => {
    const first = await list(province, { pageSize: 3 });
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    expect(first.items.map((i) => i.code)).toEqual([codes.otherUnit, codes.chengxi, codes.haishu]);
    const second = await list(province, { page: 2, pageSize: 3 });
    expect(second).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect(second.items.map((i) => i.code)).toEqual([codes.xihu]);
    expect((await list(province, { page: 3, pageSize: 3 })).items).toEqual([]);
    expect((await list(province)).pageSize).toBe(20);
  });

  it("keeps to the data scope: a unit sees its own projects only, a prefecture its own region", async () => {
    expect(await names(unit)).toEqual([codes.chengxi, codes.haishu, codes.xihu]);
    expect(await names(other)).toEqual([codes.otherUnit]);
    expect(await names(other, { name: "西湖区智能制造" })).toEqual([]);
    expect(await names(other, { unit: DEMO_UNIT })).toEqual([]);
    expect(await names(ningbo)).toEqual([codes.haishu]);
    expect(await names(ningbo, { region: "330106" })).toEqual([]);
    expect(await names(ningbo, { region: "330000" })).toEqual([codes.haishu]);
  });

  it("refuses bad filter values with 400 VALIDATION_FAILED naming the field", async () => {
    const cases: [string, string][] = [
      ["status=nonsense", "status"],
      ["region=12", "region"],
      ["declaredFrom=2026-13-01", "declaredFrom"],
      ["declaredTo=2026-02-30", "declaredTo"],
      ["declaredFrom=2026-03-02&declaredTo=2026-03-01", "declaredTo"],
      ["pageSize=101", "pageSize"],
      ["page=0", "page"],
    ];
    for (const [query, field] of cases) {
      for (const path of ["/api/v1/projects", "/api/v1/projects/export.xlsx"]) {
        if (path.endsWith("xlsx") && field.startsWith("page")) continue;
        const res = await province.get(`${path}?${query}`);
        expect(res.statusCode, `${path}?${query}`).toBe(400);
        const error = res.json().error;
        expect(error.code).toBe("VALIDATION_FAILED");
        expect(error.fields.map((f: { path: string }) => f.path.split(".").pop()), `${path}?${query}`).toEqual([field]);
      }
    }
  });

  it("exports the search as an .xlsx workbook with a Chinese header, CST times and labels, within scope, and audits it", async () => {
    const res = await province.get("/api/v1/projects/export.xlsx?region=330100");
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("项目清单.xlsx")}`);
    expect(res.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(res.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");

    const rows = await workbookOf(province, "?region=330100");
    expect(rows[0]).toEqual([...EXPORT_HEADER]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([codes.otherUnit, codes.chengxi, codes.xihu]);
    expect(rows[2]).toEqual([
      codes.chengxi,
      "2019-330100-65-01-004321",
      "城西科创大走廊数据中心项目",
      DEMO_UNIT,
      "杭州市（330100）",
      "已申报",
      "审批",
      "2026-03-15 23:59:00",
    ]);
    expect(rows[3]?.slice(5)).toEqual(["已申报", "核准", "2026-01-10 10:00:00"]);
    expect((await workbookOf(province, "?status=filed"))[1]?.slice(4, 7)).toEqual(["海曙区（330203）", "已备案", "备案"]);

    // The export keeps to the data scope like the list.
    expect((await workbookOf(other)).map((r) => r[0])).toEqual(["项目代码", codes.otherUnit]);
    expect((await workbookOf(ningbo, "?region=330100")).length).toBe(1);

    const audited = await t.database.db
      .selectFrom("audit_event")
      .select(["actor_label", "payload"])
      .where("type", "=", "project.exported")
      .orderBy("seq")
      .execute();
    expect(audited[0]).toEqual({ actor_label: "demo-officer-fgw", payload: { rows: 3, filters: { region: "330100" } } });
    expect(audited.map((a) => a.actor_label)).toEqual(["demo-officer-fgw", "demo-officer-fgw", "demo-officer-fgw", "search-other-unit", "search-officer-nb"]);
  });

  it("still answers GET /projects/:code beside the static export path", async () => {
    expect((await province.get(`/api/v1/projects/${codes.xihu}`)).json()).toMatchObject({ code: codes.xihu });
    expect((await province.get("/api/v1/projects/export.xlsx")).headers["content-type"]).toContain("spreadsheetml");
    expect((await t.app.inject({ url: "/api/v1/projects" })).statusCode).toBe(401);
  });

  it("caps an export at 10 000 rows and says so in a last row", async () => {
    const unitId = (await t.database.db.selectFrom("organisation").select("id").where("name", "=", DEMO_UNIT).executeTakeFirstOrThrow()).id;
    // Bulk rows in a county of their own (江北区), so that the cap is the only thing being measured.
    await sql`
      insert into project (code, status, name, approval_category, project_type, central_department_code, region_code,
                           jurisdiction, unit_organisation_id, declared_at, updated_at)
      select '2601-330205-02-01-' || lpad(i::text, 5, '0') || '0', 'declared', '批量项目' || i, 'filing', '01', '02', '330205',
             'local', ${unitId}, timestamptz '2025-06-01 00:00:00+08' + i * interval '1 minute', now()
      from generate_series(1, 10001) as i`.execute(t.database.db);
    const rows = await workbookOf(province, "?region=330205");
    expect(rows.length).toBe(1 + 10_000 + 1);
    expect(rows[1]?.[0]).toBe("2601-330205-02-01-100010");
    expect(rows[10_000]?.[0]).toBe("2601-330205-02-01-000020");
    expect(rows.at(-1)?.[0]).toContain("仅导出前 10000 条，共 10001 条");
    const under = await workbookOf(province, "?region=330205&declaredFrom=2025-06-01&declaredTo=2025-06-01");
    expect(under.length).toBe(1 + 1439);
    expect(under.at(-1)?.[0]).not.toContain("仅导出");
  }, 120_000);
});
