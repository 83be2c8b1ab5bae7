import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";

describe("project changes (Art. 12, 14(1))", () => {
  let t: TestApp;
  let unit: Client;
  const declaration = (over: Record<string, unknown> = {}) =>
    sampleDeclaration({
      name: "智慧物流园区项目",
      centralDepartmentCode: "01",
      industryCode: "59",
      totalInvestment: "10000.00",
      plannedEnd: "2028-12",
      ...over,
    });
  const declare = async (over: Record<string, unknown> = {}) => (await unit.post("/api/v1/projects", declaration(over))).json().code as string;

  beforeAll(async () => {
    t = await startTestApp();
    unit = await signIn(t.app, "demo-unit");
  });
  afterAll(() => t.close());

  it("keeps the code on an adjustment below 20% and keeps every earlier version", async () => {
    const code = await declare();
    const res = await unit.post(`/api/v1/projects/${code}/changes`, { kind: "adjustment", reason: "优化设计方案", declaration: declaration({ name: "智慧物流园区项目（一期）", totalInvestment: "11999.99" }) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code, kind: "adjustment", major: false, status: "declared", version: 2 });
    const versions = (await unit.get(`/api/v1/projects/${code}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[0].declaration.totalInvestment).toBe("10000.00");
    expect((await unit.get(`/api/v1/projects/${code}`)).json()).toMatchObject({ name: "智慧物流园区项目（一期）", version: 2 });
  });

  it("extends the schedule under the same code, and only later", async () => {
    const code = await declare();
    const earlier = await unit.post(`/api/v1/projects/${code}/changes`, { kind: "extension", reason: "延期", declaration: declaration({ plannedEnd: "2028-06" }) });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().error.fields[0].path).toBe("declaration.plannedEnd");
    const later = await unit.post(`/api/v1/projects/${code}/changes`, { kind: "extension", reason: "征地延迟", declaration: declaration({ plannedEnd: "2029-12" }) });
    expect(later.json()).toMatchObject({ code, kind: "extension", major: false, version: 2 });
  });

  it("gives a major change a new code, linked both ways, and retires the old code", async () => {
    const old = await declare();
    const res = await unit.post(`/api/v1/projects/${old}/changes`, { kind: "adjustment", reason: "扩大规模", declaration: declaration({ totalInvestment: "12000.00" }) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ previousCode: old, kind: "major_change", major: true, reasons: ["investment_changed"], status: "declared", version: 1 });
    expect(body.code).not.toBe(old);
    const oldRecord = (await unit.get(`/api/v1/projects/${old}`)).json();
    const newRecord = (await unit.get(`/api/v1/projects/${body.code}`)).json();
    expect(oldRecord).toMatchObject({ status: "superseded", successorCode: body.code });
    expect(newRecord).toMatchObject({ status: "declared", predecessorCode: old });
    expect((await t.app.inject({ url: `/api/v1/codes/${old}/check` })).json().status).toBe("superseded");
    const officer = await signIn(t.app, "demo-officer-fgw");
    const verify = (await officer.post("/api/v1/verifications", { code: old, purpose: "acceptance" })).json();
    expect(verify).toMatchObject({ valid: false, reason: "PROJECT_SUPERSEDED", project: { successorCode: body.code } });
    const oldEvents = (await unit.get(`/api/v1/projects/${old}/events`)).json().items.map((e: { type: string }) => e.type);
    expect(oldEvents).toEqual(["project.declared", "project.matters_notified", "project.changed", "code.verified"]);
    const newEvents = (await unit.get(`/api/v1/projects/${body.code}/events`)).json().items;
    expect(newEvents[0]).toMatchObject({ type: "project.declared", payload: { predecessorCode: old } });
    expect(newEvents[1].type).toBe("project.matters_notified"); // the new code is told its matters afresh
    // A superseded code takes no further change.
    const again = await unit.post(`/api/v1/projects/${old}/changes`, { kind: "suspension", reason: "试图中止" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("STATE_CONFLICT");
  });

  it("treats a moved site as major, and applies a region's own thresholds (Art. 24)", async () => {
    const moved = await declare();
    const m = (await unit.post(`/api/v1/projects/${moved}/changes`, { kind: "adjustment", reason: "选址调整", declaration: declaration({ sites: [{ regionCode: "330108", address: "滨江区" }] }) })).json();
    expect(m).toMatchObject({ major: true, reasons: ["site_moved"] });
    expect(m.code.slice(5, 11)).toBe("330108");

    await t.database.db.insertInto("major_change_rule").values({ region_code: "330100", investment_change_ratio: "0.1", scale_change_ratio: "0.1", site_move_is_major: true, source: "杭州市测试细则" }).execute();
    const strict = await declare();
    const s = (await unit.post(`/api/v1/projects/${strict}/changes`, { kind: "adjustment", reason: "增加投资", declaration: declaration({ totalInvestment: "11500.00" }) })).json();
    expect(s).toMatchObject({ major: true, reasons: ["investment_changed"] });
    const scale = await declare();
    const sc = (await unit.post(`/api/v1/projects/${scale}/changes`, { kind: "adjustment", reason: "规模", declaration: declaration(), scaleChangeRatio: 0.12 })).json();
    expect(sc.reasons).toEqual(["scale_changed"]);
  });

  it("suspends and withdraws, then refuses further changes", async () => {
    const code = await declare();
    expect((await unit.post(`/api/v1/projects/${code}/changes`, { kind: "suspension", reason: "资金未到位" })).json()).toMatchObject({ code, status: "suspended" });
    expect((await unit.post(`/api/v1/projects/${code}/changes`, { kind: "withdrawal", reason: "不再建设" })).json()).toMatchObject({ status: "withdrawn" });
    const after = await unit.post(`/api/v1/projects/${code}/changes`, { kind: "adjustment", reason: "调整", declaration: declaration() });
    expect(after.statusCode).toBe(409);
    const officer = await signIn(t.app, "demo-officer-fgw");
    expect((await officer.post("/api/v1/verifications", { code, purpose: "funding" })).json()).toMatchObject({ valid: false, reason: "PROJECT_WITHDRAWN" });
  });

  it("refuses a classified change and a change by someone who does not own the project", async () => {
    const code = await declare();
    const classified = await unit.post(`/api/v1/projects/${code}/changes`, { kind: "adjustment", reason: "x", declaration: { classified: true } });
    expect(classified.json().error.code).toBe("CLASSIFIED_PROJECT_REFUSED");
    const officer = await signIn(t.app, "demo-officer-fgw");
    expect((await officer.post(`/api/v1/projects/${code}/changes`, { kind: "suspension", reason: "代为中止" })).statusCode).toBe(403);
  });
});
