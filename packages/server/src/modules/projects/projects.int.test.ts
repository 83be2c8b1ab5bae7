import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { DEMO_UNIT_CREDIT_CODE, sampleDeclaration } from "../../../test/fixtures.js";
import { parseProjectCode } from "./project-code.js";

describe("project declaration and the project code", () => {
  let t: TestApp;
  let unit: Client;
  let creditCode: string;
  const declaration = () => sampleDeclaration();
  const count = async (table: "project" | "project_version") =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp();
    unit = await signIn(t.app, "demo-unit");
    creditCode = DEMO_UNIT_CREDIT_CODE;
  });
  afterAll(() => t.close());

  it("assigns a valid 24-character code at once, stores the first version, and audits it under the code", async () => {
    const res = await unit.post("/api/v1/projects", declaration());
    expect(res.statusCode).toBe(201);
    const { code, status, requiredMatters } = res.json();
    expect(status).toBe("declared");
    // The matter catalogue tells a 核准 project its matters at once (details in catalogue/notification.int.test.ts).
    expect(requiredMatters.map((m: { matterName: string }) => m.matterName).join()).toContain("核准");
    expect(code).toMatch(/^\d{4}-330106-02-01-\d{5}[0-9X]$/);
    expect(parseProjectCode(code)).toMatchObject({ format: "current", checkCharacterValid: true });

    const record = (await unit.get(`/api/v1/projects/${code}`)).json();
    expect(record).toMatchObject({ code, status: "declared", regionCode: "330106", jurisdiction: "local", version: 1, unit: { creditCode } });
    expect(record.declaration.name).toBe(declaration().name);
    const events = (await unit.get(`/api/v1/projects/${code}/events`)).json().items;
    expect(events.map((e: { type: string }) => e.type)).toEqual(["project.declared", "project.matters_notified"]);

    const check = (await t.app.inject({ url: `/api/v1/codes/${code}/check` })).json();
    expect(check).toEqual({ code, format: "current", checkCharacterValid: true, exists: true, status: "declared", projectName: declaration().name });
    const pub = (await t.app.inject({ url: `/api/v1/public/projects/${code}` })).json();
    expect(pub).toMatchObject({ code, unitName: "浙江绿能新能源科技有限公司", regionCode: "330106", approvalCategory: "verification" });
    // The public record lists the matters the project was told, none handled yet (Art. 18).
    const told = (await unit.get(`/api/v1/projects/${code}/matters`)).json().items as unknown[];
    expect(told.length).toBeGreaterThan(0);
    expect(pub.matters).toHaveLength(told.length);
    expect(pub.matters.every((m: { status: string; acceptedOn?: string }) => m.status === "notified" && m.acceptedOn === undefined)).toBe(true);
  });

  it("files a 备案 project as soon as its information is complete", async () => {
    const res = await unit.post("/api/v1/projects", { ...declaration(), approvalCategory: "filing", sites: [{ regionCode: "330106", address: "一号" }, { regionCode: "330108", address: "二号" }] });
    expect(res.json().status).toBe("filed");
    expect(res.json().code.slice(5, 11)).toBe("330100"); // the smallest division holding both sites
  });

  it("refuses a classified project and stores nothing about it, even when incomplete", async () => {
    const before = [await count("project"), await count("project_version")];
    for (const body of [{ ...declaration(), classified: true }, { name: "某涉密工程", classified: true }]) {
      const res = await unit.post("/api/v1/projects", body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe("CLASSIFIED_PROJECT_REFUSED");
    }
    expect([await count("project"), await count("project_version")]).toEqual(before);
    const traces = await t.database.db.selectFrom("audit_event").select("payload").where("type", "=", "project.declared").execute();
    expect(JSON.stringify(traces)).not.toContain("某涉密工程");
  });

  it("names the right platform for a project of another province or a central project", async () => {
    const other = await unit.post("/api/v1/projects", { ...declaration(), sites: [{ regionCode: "320102", address: "南京市玄武区" }] });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe("WRONG_JURISDICTION");
    expect(other.json().error.message).toContain("江苏省投资项目在线审批监管平台");
    const central = await unit.post("/api/v1/projects", { ...declaration(), approvingLevel: "central" });
    expect(central.json().error.message).toContain("中央平台");
    const across = await unit.post("/api/v1/projects", { ...declaration(), sites: [{ regionCode: "330106", address: "甲" }, { regionCode: "320102", address: "乙" }] });
    expect(across.json().error.message).toContain("中央平台");
  });

  it("refuses a bad credit code, someone else's unit, and unknown reference codes, naming the field", async () => {
    const bad = await unit.post("/api/v1/projects", { ...declaration(), unit: { ...declaration().unit, creditCode: `${creditCode.slice(0, 17)}${creditCode.endsWith("0") ? "1" : "0"}` } });
    expect(bad.json().error).toMatchObject({ code: "CREDIT_CODE_INVALID", fields: [{ path: "unit.creditCode" }] });
    // A valid code, but of another enterprise: a unit declares only for itself.
    const { creditCodeCheckCharacter } = await import("../reference/credit-code.js");
    const someoneElse = `91330108MA2KQ8R3X${creditCodeCheckCharacter("91330108MA2KQ8R3X")}`;
    const other = await unit.post("/api/v1/projects", { ...declaration(), unit: { ...declaration().unit, creditCode: someoneElse } });
    expect(other.json().error).toMatchObject({ code: "UNIT_MISMATCH", fields: [{ path: "unit.creditCode" }] });
    const types = await unit.post("/api/v1/projects", { ...declaration(), projectType: "77", centralDepartmentCode: "66" });
    expect(types.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["centralDepartmentCode", "projectType"]);
    const region = await unit.post("/api/v1/projects", { ...declaration(), sites: [{ regionCode: "339999", address: "x" }] });
    expect(region.json().error).toMatchObject({ code: "REGION_UNKNOWN", fields: [{ path: "sites.0.regionCode" }] });
    const industry = await unit.post("/api/v1/projects", { ...declaration(), industryCode: "99" });
    expect(industry.json().error.fields[0].path).toBe("industryCode");
  });

  it("names each missing required field", async () => {
    const required = ["name", "approvalCategory", "projectType", "centralDepartmentCode", "unit", "sites", "industryCode", "constructionScale",
      "constructionContent", "totalInvestment", "plannedStart", "plannedEnd", "industrialPolicyDeclaration", "classified"] as const;
    for (const field of required) {
      const body: Record<string, unknown> = declaration();
      delete body[field];
      const res = await unit.post("/api/v1/projects", body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.code, field).toBe("VALIDATION_FAILED");
      expect(res.json().error.fields.map((f: { path: string }) => f.path), field).toContain(field);
    }
    const money = await unit.post("/api/v1/projects", { ...declaration(), totalInvestment: "0" });
    expect(money.json().error.fields[0].path).toBe("totalInvestment");
    const dates = await unit.post("/api/v1/projects", { ...declaration(), plannedStart: "2029-01", plannedEnd: "2028-12" });
    expect(dates.json().error.fields[0].path).toBe("plannedEnd");
  });

  it("lets departments verify codes, recording every verification under the code with its purpose", async () => {
    const { code } = (await unit.post("/api/v1/projects", declaration())).json();
    const officer = await signIn(t.app, "demo-officer-fgw");
    const ok = (await officer.post("/api/v1/verifications", { code, purpose: "acceptance" })).json();
    expect(ok).toMatchObject({ valid: true, project: { code, status: "declared" } });
    const wrongCheck = code.slice(0, 23) + (code.endsWith("0") ? "1" : "0");
    expect((await officer.post("/api/v1/verifications", { code: wrongCheck, purpose: "funding" })).json()).toEqual({ valid: false, reason: "PROJECT_CODE_INVALID" });
    const unknown = `${code.slice(0, 18)}00000`;
    const unknownFixed = unknown + (await import("./project-code.js")).projectCodeCheckCharacter(unknown);
    const nf = (await officer.post("/api/v1/verifications", { code: unknownFixed, purpose: "bidding" })).json();
    expect(nf.valid).toBe(false);
    expect(nf.reason).toBe(unknownFixed === code ? undefined : "PROJECT_NOT_FOUND");
    const recorded = await t.database.db.selectFrom("code_verification").select(["purpose", "valid", "actor_label"]).where("code", "=", code).execute();
    expect(recorded).toEqual([{ purpose: "acceptance", valid: true, actor_label: "demo-officer-fgw" }]);
    const events = (await officer.get(`/api/v1/projects/${code}/events`)).json().items.map((e: { type: string }) => e.type);
    expect(events).toEqual(["project.declared", "project.matters_notified", "code.verified"]);
    expect((await unit.post("/api/v1/verifications", { code, purpose: "acceptance" })).statusCode).toBe(403);
  });

  it("keeps a project out of another unit's sight", async () => {
    const { code } = (await unit.post("/api/v1/projects", declaration())).json();
    const officer = await signIn(t.app, "demo-officer-zrzy");
    expect((await officer.get(`/api/v1/projects/${code}`)).statusCode).toBe(200);
    const { insertOrganisation, insertUser } = await import("../identity/identity.repository.js");
    const { creditCodeCheckCharacter } = await import("../reference/credit-code.js");
    await t.database.db.transaction().execute(async (tx) => {
      const stem = "91330106MA2H3K7L6";
      const org = await insertOrganisation(tx, { kind: "project_unit", name: "另一家企业", region_code: "330106", credit_code: stem + creditCodeCheckCharacter(stem) });
      const hash = (await tx.selectFrom("app_user").select("password_hash").where("username", "=", "demo-unit").executeTakeFirstOrThrow()).password_hash;
      await insertUser(tx, { username: "other-unit", display_name: "另一家企业经办人", organisation_id: org.id, role: "project_unit", password_hash: hash, second_factor_exempt: true });
    });
    const other = await signIn(t.app, "other-unit");
    expect((await other.get(`/api/v1/projects/${code}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/projects/${code}/events`)).statusCode).toBe(404);
  });

  it("gives 300 concurrent declarations 300 distinct valid codes", async () => {
    const results = await Promise.all(Array.from({ length: 300 }, () => unit.post("/api/v1/projects", declaration())));
    expect(results.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const codes = results.map((r) => r.json().code as string);
    expect(new Set(codes).size).toBe(300);
    expect(codes.every((c) => parseProjectCode(c).checkCharacterValid)).toBe(true);
  }, 120_000);
});
