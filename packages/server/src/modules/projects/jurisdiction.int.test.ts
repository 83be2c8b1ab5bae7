import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";

/** The same declaration on the central platform (Art. 5, 11): it codes central projects and names the province otherwise. */
describe("jurisdiction on the central platform", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PLATFORM_LEVEL: "central", PLATFORM_REGION: "100000", PLATFORM_NAME: "全国投资项目在线审批监管平台" });
  });
  afterAll(() => t.close());

  it("assigns codes to central projects, including those whose sites span provinces", async () => {
    const unit = await signIn(t.app, "demo-unit");
    const central = await unit.post("/api/v1/projects", sampleDeclaration({ approvingLevel: "central" }));
    expect(central.statusCode).toBe(201);
    expect(central.json().code.slice(5, 11)).toBe("330106");
    const across = await unit.post(
      "/api/v1/projects",
      sampleDeclaration({ sites: [{ regionCode: "330106", address: "杭州" }, { regionCode: "320102", address: "南京" }] }),
    );
    expect(across.statusCode).toBe(201);
    expect(across.json().code.slice(5, 11)).toBe("100000");
    const record = (await unit.get(`/api/v1/projects/${across.json().code}`)).json();
    expect(record).toMatchObject({ jurisdiction: "central", regionCode: "100000" });
  });

  it("refuses a local project, naming its province's platform", async () => {
    const unit = await signIn(t.app, "demo-unit");
    const local = await unit.post("/api/v1/projects", sampleDeclaration());
    expect(local.statusCode).toBe(422);
    expect(local.json().error.code).toBe("WRONG_JURISDICTION");
    expect(local.json().error.message).toContain("浙江省投资项目在线审批监管平台");
  });
});
