import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";

type Told = { caseId: string; matterCode: string; matterName: string; guideVersion: number | null; reasons: { zh: string[]; en: string[] } };

describe("telling a project its required matters (告知应办事项, Art. 14(1))", () => {
  let t: TestApp;
  let unit: Client;
  beforeAll(async () => {
    t = await startTestApp();
    unit = await signIn(t.app, "demo-unit");
  });
  afterAll(() => t.close());

  it("lists the required matters with their guide version and reasons at declaration, and keeps them under the project", async () => {
    const res = await unit.post(
      "/api/v1/projects",
      sampleDeclaration({ newConstructionLand: true, landAreaHectares: 8, environmentalCategory: "report", waterIntake: true }),
    );
    expect(res.statusCode).toBe(201);
    const { code, requiredMatters } = res.json() as { code: string; requiredMatters: Told[] };
    const names = requiredMatters.map((m) => m.matterName).join("、");
    for (const expected of ["核准", "用地预审", "建设用地规划许可", "建设工程规划许可", "报告书", "水土保持", "取水", "施工许可"]) {
      expect(names, expected).toContain(expected);
    }
    expect(names).not.toContain("报告表");
    for (const m of requiredMatters) {
      expect(m.guideVersion).toBe(1);
      expect(m.reasons.zh.length).toBeGreaterThan(0);
      expect(m.reasons.en.length).toBe(m.reasons.zh.length);
    }
    const listed = (await unit.get(`/api/v1/projects/${code}/matters`)).json();
    expect(listed.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual(requiredMatters.map((m) => m.caseId).sort());
    expect(listed.items.every((i: { status: string }) => i.status === "notified")).toBe(true);
    const officer = await signIn(t.app, "demo-officer-sthj");
    expect((await officer.get(`/api/v1/projects/${code}/matters`)).statusCode).toBe(200);
    const events = (await unit.get(`/api/v1/projects/${code}/events`)).json().items.map((e: { type: string }) => e.type);
    expect(events).toEqual(["project.declared", "project.matters_notified"]);
  });

  it("tells a light filing-only project few matters", async () => {
    const res = await unit.post(
      "/api/v1/projects",
      sampleDeclaration({ approvalCategory: "filing", projectType: "02", totalInvestment: "800.00", environmentalCategory: "registration" }),
    );
    const told = (res.json() as { requiredMatters: Told[] }).requiredMatters;
    expect(told.map((m) => m.matterName).join()).toContain("备案");
    expect(told.length).toBeLessThanOrEqual(2);
  });

  it("never changes what a project was told when rules or guides change later", async () => {
    const first = (await unit.post("/api/v1/projects", sampleDeclaration())).json() as { code: string; requiredMatters: Told[] };
    const verification = first.requiredMatters.find((m) => m.matterName.includes("核准"))!;
    expect(verification).toBeDefined();
    await t.database.db.transaction().execute(async (tx) => {
      await tx.updateTable("applicability_rule").set({ active: false }).where("matter_code", "=", verification.matterCode).execute();
      await tx.updateTable("service_guide").set({ status: "superseded" }).where("status", "=", "published").execute();
    });
    const after = (await unit.get(`/api/v1/projects/${first.code}/matters`)).json().items as { caseId: string; guideVersion: number }[];
    expect(after.map((i) => i.caseId).sort()).toEqual(first.requiredMatters.map((m) => m.caseId).sort());
    expect(after.every((i) => i.guideVersion === 1)).toBe(true);
    const second = (await unit.post("/api/v1/projects", sampleDeclaration())).json() as { requiredMatters: Told[] };
    expect(second.requiredMatters.some((m) => m.matterCode === verification.matterCode)).toBe(false);
    expect(second.requiredMatters.every((m) => m.guideVersion === null)).toBe(true);
  });

  it("refuses to edit a published guide in the database itself", async () => {
    await expect(sql`update service_guide set content = '{}'::jsonb where version = 1`.execute(t.database.db)).rejects.toThrow(/never edited/);
    await expect(sql`delete from service_guide where version = 1`.execute(t.database.db)).rejects.toThrow(/never deleted/);
  });
});
