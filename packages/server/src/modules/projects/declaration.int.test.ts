import type { Declaration } from "@tzxm/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { resolveSession } from "../identity/identity.service.js";
import { declareProject } from "./declaration.service.js";

/** The code's uniqueness comes from the database constraint, with a fresh draw after a collision. */
describe("code assignment under collisions", () => {
  let t: TestApp;
  let declaration: Declaration;
  beforeAll(async () => {
    t = await startTestApp();
    const creditCode = (await t.database.db.selectFrom("organisation").select("credit_code").where("kind", "=", "project_unit").executeTakeFirstOrThrow()).credit_code!;
    declaration = {
      name: "碰撞测试项目",
      approvalCategory: "filing",
      projectType: "02",
      centralDepartmentCode: "01",
      unit: { name: "浙江绿能新能源科技有限公司", creditCode, legalRepresentative: "王建国", contactName: "王经理", contactPhone: "13800000000" },
      sites: [{ regionCode: "330106", address: "西湖区" }],
      industryCode: "C",
      constructionScale: "技术改造",
      constructionContent: "更新设备",
      totalInvestment: "800.50",
      plannedStart: "2027-01",
      plannedEnd: "2027-12",
      industrialPolicyDeclaration: true,
      classified: false,
    };
  });
  afterAll(() => t.close());

  it("draws again when the serial is taken, and gives up cleanly when the month's space is exhausted", async () => {
    const client = await signIn(t.app, "demo-unit");
    const session = await resolveSession({ db: t.database.db, config: t.config }, client.cookie.replace("tzxm_sid=", ""), "test", "127.0.0.1");
    if (!session || !("user" in session)) throw new Error("no session");
    const actor = { label: "demo-unit", userId: session.user.id };
    const draws = ["00042", "00042", "00042", "00043"];
    const ctx = { db: t.database.db, config: t.config, drawSerial: () => draws.shift() ?? "00042" };
    const first = await declareProject(ctx, session.user, declaration, actor);
    const second = await declareProject(ctx, session.user, declaration, actor);
    expect(first.code.slice(18, 23)).toBe("00042");
    expect(second.code.slice(18, 23)).toBe("00043"); // two draws of 00042 collided, the third was free
    const always42 = { ...ctx, drawSerial: () => "00042" };
    await expect(declareProject(always42, session.user, declaration, actor)).rejects.toMatchObject({ code: "CODE_SPACE_EXHAUSTED" });
    const rows = await t.database.db.selectFrom("project").select("code").where("name", "=", "碰撞测试项目").execute();
    expect(rows).toHaveLength(2);
  });
});
