import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { publishDisclosures } from "./disclosure-publisher.service.js";

type Item = { kind: string; projectCode: string; department: string; title: string; result?: string; documentNumber?: string; publishedOn: string };

describe("supervision information and penalty results are disclosed from the supervision records (Art. 18)", () => {
  let t: TestApp;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-09-25T02:00:00Z") });
    t = await startTestApp();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it("publishes a public penalty decision and a closed inspection once, without the inspection's internal notes", async () => {
    const unit = await signIn(t.app, "demo-unit");
    const supervisor = await signIn(t.app, "demo-supervisor");
    const leader = await signIn(t.app, "demo-leader-fgw");
    const { code } = (await unit.post("/api/v1/projects", sampleDeclaration({ name: "监管公开测试项目" }))).json() as { code: string };
    const inspection = (
      await supervisor.post(`/api/v1/projects/${code}/inspections`, {
        mode: "on_site",
        inspectedOn: "2026-09-24",
        inspectors: "孙丽",
        summary: "内部备注：现场核查施工许可情况",
        findings: [{ category: "未批先建", description: "未取得施工许可即开工", severity: "serious" }],
      })
    ).json() as { id: number };
    const penalty = { documentNumber: "浙发改罚〔2026〕9号", decidedOn: "2026-09-25", violation: "未批先建", basis: "《企业投资项目核准和备案管理条例》第十八条", penalty: "责令停止建设，罚款", amount: "100000.00" };
    expect((await leader.post(`/api/v1/projects/${code}/penalties`, penalty)).statusCode).toBe(201);

    // An open inspection is not yet a result; once closed it is.
    await publishDisclosures({ db: t.database.db, platformRegion: t.config.PLATFORM_REGION });
    const list = async (kind: string) => ((await t.app.inject({ url: `/api/v1/public/disclosures?kind=${kind}` })).json() as { items: Item[] }).items.filter((i) => i.projectCode === code);
    expect(await list("supervision")).toEqual([]);
    expect(await list("penalty")).toEqual([expect.objectContaining({ kind: "penalty", documentNumber: "浙发改罚〔2026〕9号", title: "未批先建", result: "责令停止建设，罚款" })]);

    expect((await supervisor.post(`/api/v1/inspections/${inspection.id}/close`)).statusCode).toBeLessThan(300);
    expect(await publishDisclosures({ db: t.database.db, platformRegion: t.config.PLATFORM_REGION })).toBe(1);
    const supervision = await list("supervision");
    expect(supervision).toEqual([expect.objectContaining({ kind: "supervision", title: "现场检查", result: "发现问题1项，整改通知0份（已整改0份）" })]);
    expect(JSON.stringify(supervision)).not.toContain("内部备注");
    expect(await publishDisclosures({ db: t.database.db, platformRegion: t.config.PLATFORM_REGION })).toBe(0);
  });
});
