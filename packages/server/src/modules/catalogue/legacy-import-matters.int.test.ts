import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { DEMO_UNIT_CREDIT_CODE, DEMO_UNIT_NAME } from "../../../test/fixtures.js";
import type { ImportTable } from "../projects/legacy-import.js";
import { importProjects } from "../projects/legacy-import.service.js";
import { notifyRequiredMatters } from "./notification.service.js";

const HEADER = [
  "legacyCode", "name", "approvalCategory", "projectType", "centralDepartmentCode", "unit.name", "unit.creditCode", "unit.legalRepresentative",
  "unit.contactName", "unit.contactPhone", "sites.regionCode", "sites.address", "industryCode", "constructionScale", "constructionContent",
  "totalInvestment", "plannedStart", "plannedEnd", "classified",
];

function row(n: number, legacyCode: string, category: string, investment: string) {
  return {
    number: n,
    cells: [
      legacyCode, `存量告知测试项目${n}`, category, "01", "02", DEMO_UNIT_NAME, DEMO_UNIT_CREDIT_CODE, "张三", "李四", "13800000000",
      "330106", "某路1号", "36", "新建厂房1万平方米", "建设生产车间", investment, "2019-03", "2021-06", "否",
    ],
  };
}

describe("legacy import tells imported projects their matters (告知应办事项, Art. 12 and 14(1))", () => {
  let t: TestApp;
  let unit: Client;
  beforeAll(async () => {
    t = await startTestApp();
    unit = await signIn(t.app, "demo-unit");
  });
  afterAll(() => t.close());

  it("stores the matters of each imported row in its transaction, as a declaration does, audited by the import", async () => {
    const table: ImportTable = { header: HEADER, rows: [row(2, "2019-330106-36-01-700001", "核准", "12000"), row(3, "2019-330106-36-01-700002", "备案", "800")] };
    const summary = await importProjects({ db: t.database.db, config: t.config, notifier: notifyRequiredMatters }, table, { fileName: "告知.csv" });
    expect(summary.rows.map((r) => r.outcome)).toEqual(["imported", "imported"]);
    const [big, small] = summary.rows.map((r) => r.code!);

    const told = (code: string) => unit.get(`/api/v1/projects/${code}/matters`).then((r) => (r.json().items as { matterCode: string; status: string; guideVersion: number }[]));
    const bigMatters = await told(big!);
    expect(bigMatters.map((m) => m.matterCode)).toEqual(expect.arrayContaining(["ZJ-FGW-002", "ZJ-FGW-004", "ZJ-FGW-005", "ZJ-ZRZY-003", "ZJ-ZJW-001"]));
    expect(bigMatters.every((m) => m.status === "notified" && m.guideVersion === 1)).toBe(true);
    const smallMatters = (await told(small!)).map((m) => m.matterCode);
    expect(smallMatters).toContain("ZJ-FGW-003");
    expect(smallMatters).not.toContain("ZJ-FGW-002");

    const events = await t.database.db.selectFrom("audit_event").select(["type", "actor_label", "subject"]).where("subject", "=", big!).orderBy("seq").execute();
    expect(events.map((e) => e.type)).toEqual(["project.imported", "project.matters_notified"]);
    expect(events[1]?.actor_label).toBe("legacy-import:告知.csv");
  });
});
