import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, DEMO_PASSWORD, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { insertUser } from "../identity/identity.repository.js";
import { hashPassword } from "../identity/passwords.js";
import { creditCodeCheckCharacter } from "../reference/credit-code.js";

type Item = { id: number; name: string; creditCode: string; regionCode: string; status?: string; services: { service: string }[]; organisationId?: number | null };

const stem = "91330106MA2P4R8T2";
const code = stem + creditCodeCheckCharacter(stem);
const body = {
  name: "测试示例规划咨询有限公司",
  creditCode: code,
  regionCode: "330106",
  qualifications: [{ name: "工程咨询单位资信（专业）", level: "乙级", certificateNumber: "示例-T-001", validUntil: "2028-01-31" }],
  services: [{ service: "环境影响评价报告编制", feeBasis: "按合同约定", promisedWorkingDays: 25 }],
  contactName: "测试联系人",
  contactPhone: "0571-88888888",
  address: "浙江省杭州市西湖区（测试）",
};

describe("intermediary services directory (中介服务, Art. 4)", () => {
  let t: TestApp;
  let officer: Client;
  beforeAll(async () => {
    t = await startTestApp();
    officer = await signIn(t.app, "demo-officer-fgw");
  });
  afterAll(() => t.close());

  const put = (c: Client, url: string, payload: object) => t.app.inject({ method: "PUT", url, headers: { cookie: c.cookie, "x-csrf-token": c.csrfToken }, payload });
  const directory = async (query = "") => (await t.app.inject({ method: "GET", url: `/api/v1/public/intermediaries${query}` })).json() as { items: Item[]; total: number };

  it("lists the six seeded intermediaries and finds them by service, name and region", async () => {
    const all = await directory();
    expect(all.total).toBe(6);
    expect(all.items.every((i) => i.name.includes("示例"))).toBe(true);
    expect(all.items.every((i) => !("status" in i) && !("organisationId" in i))).toBe(true);
    const eia = await directory(`?service=${encodeURIComponent("环境影响评价")}`);
    expect(eia.items.map((i) => i.name)).toEqual(["浙江示例环境科技咨询有限公司"]);
    const stability = await directory(`?service=${encodeURIComponent("社会稳定风险评估")}`);
    expect(stability.items.map((i) => i.name).sort()).toEqual(["宁波示例节能评估咨询有限公司", "浙江正衡工程咨询有限公司（示例）"].sort());
    expect((await directory("?region=330200")).items.map((i) => i.name)).toEqual(["宁波示例节能评估咨询有限公司"]);
    expect((await directory("?region=330100")).total).toBe(5);
    expect((await directory(`?q=${encodeURIComponent("水土保持")}`)).items).toHaveLength(1);
    const one = all.items[0]!;
    const detail = await t.app.inject({ method: "GET", url: `/api/v1/public/intermediaries/${one.id}` });
    expect(detail.json()).toMatchObject({ id: one.id, creditCode: one.creditCode });
    const linked = await officer.get(`/api/v1/intermediaries?q=${encodeURIComponent("正衡")}`);
    expect((linked.json().items as Item[])[0]!.organisationId).toEqual(expect.any(Number));
  });

  it("registers, edits, suspends and reactivates; the public sees active ones only; every change audited", async () => {
    const created = await officer.post("/api/v1/intermediaries", body);
    expect(created.statusCode).toBe(201);
    const item = created.json() as Item;
    expect(item).toMatchObject({ status: "active", creditCode: code });
    expect((await officer.post("/api/v1/intermediaries", body)).json().error.code).toBe("INTERMEDIARY_ALREADY_REGISTERED");

    const edited = await put(officer, `/api/v1/intermediaries/${item.id}`, { ...body, services: [...body.services, { service: "水土保持方案编制", feeBasis: "按合同约定", promisedWorkingDays: 15 }] });
    expect(edited.statusCode).toBe(200);
    expect((await directory(`?service=${encodeURIComponent("水土保持")}`)).items.map((i) => i.id)).toContain(item.id);

    expect((await officer.post(`/api/v1/intermediaries/${item.id}/suspend`, { reason: "" })).statusCode).toBe(400);
    const suspended = await officer.post(`/api/v1/intermediaries/${item.id}/suspend`, { reason: "资质证书过期未更新" });
    expect(suspended.json()).toMatchObject({ status: "suspended", suspendedReason: "资质证书过期未更新" });
    expect((await officer.post(`/api/v1/intermediaries/${item.id}/suspend`, { reason: "again" })).statusCode).toBe(409);
    expect((await directory(`?q=${encodeURIComponent("测试示例")}`)).total).toBe(0);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/public/intermediaries/${item.id}` })).statusCode).toBe(404);
    expect((await officer.post(`/api/v1/intermediaries/${item.id}/reactivate`)).json().status).toBe("active");
    expect((await directory(`?q=${encodeURIComponent("测试示例")}`)).total).toBe(1);

    const events = await t.database.db.selectFrom("audit_event").select(["type", "payload"]).where("subject", "=", code).orderBy("seq").execute();
    expect(events.map((e) => e.type)).toEqual(["intermediary.registered", "intermediary.updated", "intermediary.suspended", "intermediary.reactivated"]);
    expect(events[1]!.payload).toMatchObject({ changed: ["services"] });
  });

  it("lets only the comprehensive management department change the directory", async () => {
    // 生态环境厅 is an application management department: it reads the directory but cannot change it.
    const eco = await signIn(t.app, "demo-officer-sthj");
    const refused = await eco.post("/api/v1/intermediaries", { ...body, creditCode: `91330106MA2Q5W9X0${creditCodeCheckCharacter("91330106MA2Q5W9X0")}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("NOT_COMPREHENSIVE_DEPARTMENT");
    const seeded = (await eco.get("/api/v1/intermediaries")).json() as { items: Item[] };
    expect(seeded.items.length).toBeGreaterThan(0);
    expect((await eco.post(`/api/v1/intermediaries/${seeded.items[0]!.id}/suspend`, { reason: "x" })).json().error.code).toBe("NOT_COMPREHENSIVE_DEPARTMENT");
    for (const who of ["demo-unit", "demo-supervisor", "demo-security"]) {
      const c = await signIn(t.app, who);
      expect((await c.post("/api/v1/intermediaries", body)).statusCode, who).toBe(403);
      expect((await c.get("/api/v1/intermediaries")).statusCode, who).toBe(403);
    }
  });

  it("keeps a prefecture's department to its own prefecture (data scope)", async () => {
    const hash = await hashPassword(DEMO_PASSWORD);
    const hz = await t.database.db.selectFrom("organisation").select("id").where("name", "=", "杭州市发展和改革委员会").executeTakeFirstOrThrow();
    await insertUser(t.database.db, { username: "hz-officer", display_name: "杭州市发展改革委经办人", organisation_id: Number(hz.id), role: "officer", password_hash: hash, second_factor_exempt: true });
    const hzOfficer = await signIn(t.app, "hz-officer");
    const mine = (await hzOfficer.get("/api/v1/intermediaries?pageSize=100")).json() as { items: Item[] };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.regionCode.startsWith("3301"))).toBe(true);
    const ningbo = (await directory("?region=330200")).items[0]!;
    expect((await hzOfficer.get(`/api/v1/intermediaries/${ningbo.id}`)).statusCode).toBe(404);
    expect((await hzOfficer.post(`/api/v1/intermediaries/${ningbo.id}/suspend`, { reason: "x" })).statusCode).toBe(404);
    const s3 = "91330200MA2T8Y3A0";
    const outside = await hzOfficer.post("/api/v1/intermediaries", { ...body, creditCode: s3 + creditCodeCheckCharacter(s3), regionCode: "330203" });
    expect(outside.json().error).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "regionCode" }] });
  });

  it("names the failing field: credit code check character, region, services, linked organisation", async () => {
    const wrongCheck = await officer.post("/api/v1/intermediaries", { ...body, creditCode: `${stem}${creditCodeCheckCharacter(stem) === "0" ? "1" : "0"}` });
    expect(wrongCheck.statusCode).toBe(422);
    expect(wrongCheck.json().error).toMatchObject({ code: "CREDIT_CODE_INVALID", fields: [{ path: "creditCode" }] });
    const s2 = "91330106MA2R6X1Y0";
    const unknownRegion = await officer.post("/api/v1/intermediaries", { ...body, creditCode: s2 + creditCodeCheckCharacter(s2), regionCode: "339999" });
    expect(unknownRegion.json().error).toMatchObject({ code: "REGION_UNKNOWN", fields: [{ path: "regionCode" }] });
    const noServices = await officer.post("/api/v1/intermediaries", { ...body, creditCode: s2 + creditCodeCheckCharacter(s2), services: [] });
    expect(noServices.statusCode).toBe(400);
    expect(noServices.json().error.fields[0].path).toBe("services");
    const badDays = await officer.post("/api/v1/intermediaries", { ...body, services: [{ service: "安全评价", feeBasis: "x", promisedWorkingDays: 0 }] });
    expect(badDays.json().error.fields[0].path).toBe("services.0.promisedWorkingDays");
    const fgwOrg = await t.database.db.selectFrom("organisation").select("id").where("kind", "=", "comprehensive").executeTakeFirstOrThrow();
    const notIntermediary = await officer.post("/api/v1/intermediaries", { ...body, creditCode: s2 + creditCodeCheckCharacter(s2), organisationId: Number(fgwOrg.id) });
    expect(notIntermediary.json().error.fields[0].path).toBe("organisationId");
    expect((await officer.post("/api/v1/intermediaries", { ...body, contactPhone: "call me" })).json().error.fields[0].path).toBe("contactPhone");
  });
});
