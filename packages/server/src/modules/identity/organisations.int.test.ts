import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { creditCodeCheckCharacter } from "../reference/credit-code.js";

const stem = "91330108MA2KQ8R3X";
const validCode = stem + creditCodeCheckCharacter(stem);
const wrongCheck = stem + (validCode.endsWith("0") ? "1" : "0");

describe("registering organisations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("registers a project unit whose credit code has the right check character, audited", async () => {
    const ops = await signIn(t.app, "demo-ops");
    const res = await ops.post("/api/v1/organisations", { kind: "project_unit", name: "杭州滨江智造有限公司", regionCode: "330108", creditCode: validCode });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const listed = (await ops.get("/api/v1/organisations?kind=project_unit&pageSize=100")).json().items;
    expect(listed).toContainEqual(expect.objectContaining({ id, creditCode: validCode, regionName: "滨江区" }));
    const event = await t.database.db.selectFrom("audit_event").select(["payload", "region_code"]).where("type", "=", "organisation.created").where("subject", "=", validCode).executeTakeFirst();
    expect(event).toMatchObject({ region_code: "330108", payload: { organisationId: id, kind: "project_unit" } });
  });

  it("refuses a wrong check character, a duplicate, a missing code, and an unknown region, naming the field", async () => {
    const ops = await signIn(t.app, "demo-ops");
    const wrong = await ops.post("/api/v1/organisations", { kind: "project_unit", name: "某某公司", regionCode: "330108", creditCode: wrongCheck });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: "CREDIT_CODE_INVALID", fields: [{ path: "creditCode" }] });
    expect(wrong.json().error.fields[0].message).toMatch(/校验位/);
    const dup = await ops.post("/api/v1/organisations", { kind: "intermediary", name: "另一家公司", regionCode: "330108", creditCode: validCode });
    expect(dup.json().error.code).toBe("CREDIT_CODE_TAKEN");
    const missing = await ops.post("/api/v1/organisations", { kind: "project_unit", name: "无代码公司", regionCode: "330108" });
    expect(missing.json().error.fields[0].path).toBe("creditCode");
    const region = await ops.post("/api/v1/organisations", { kind: "application", name: "不存在的局", regionCode: "339999" });
    expect(region.statusCode).toBe(422);
    expect(region.json().error).toMatchObject({ code: "REGION_UNKNOWN", fields: [{ path: "regionCode" }] });
  });

  it("keeps registration inside the administrator's regions and away from other roles", async () => {
    const ops = await signIn(t.app, "demo-ops");
    const elsewhere = await ops.post("/api/v1/organisations", { kind: "application", name: "江苏省某厅", regionCode: "320000" });
    expect(elsewhere.json().error).toMatchObject({ code: "REGION_OUT_OF_SCOPE", fields: [{ path: "regionCode" }] });
    const security = await signIn(t.app, "demo-security");
    expect((await security.post("/api/v1/organisations", { kind: "application", name: "某厅", regionCode: "330000" })).statusCode).toBe(403);
  });
});
