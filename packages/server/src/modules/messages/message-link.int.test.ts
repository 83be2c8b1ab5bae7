import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";

type Message = { kind: string; subject: string; link: string | null };

describe("站内消息 link to where the reader acts", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("a case step links the unit to its project's matters and the officer to the case; the unit's link resolves", async () => {
    const unit = await signIn(t.app, "demo-unit");
    const officer = await signIn(t.app, "demo-officer-fgw");
    const declared = (await unit.post("/api/v1/projects", sampleDeclaration())).json() as { code: string; requiredMatters: { caseId: string; matterName: string }[] };
    const caseId = declared.requiredMatters.find((m) => m.matterName.includes("核准"))!.caseId;
    expect((await officer.post(`/api/v1/cases/${caseId}/events`, { type: "receive" })).statusCode).toBe(201);

    const unitMessages = (await unit.get("/api/v1/messages?limit=200")).json().items as Message[];
    const received = unitMessages.find((m) => m.subject === caseId && m.kind === "case.receive");
    expect(received?.link).toBe(`/admin/projects?case=${caseId}`);
    // What 我的项目 does with ?case=: the case gives the project, the project list (the unit's scope) the row.
    expect((await unit.get(`/api/v1/cases/${caseId}`)).json().projectCode).toBe(declared.code);
    const rows = (await unit.get(`/api/v1/projects?code=${declared.code}`)).json().items as { code: string }[];
    expect(rows.map((r) => r.code)).toContain(declared.code);

    // The officer's messages keep linking to 审批办件.
    const withdrawn = await unit.post(`/api/v1/cases/${caseId}/withdrawal`, { reason: "项目方案调整，撤回申请" });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    const officerMessages = (await officer.get("/api/v1/messages?limit=200")).json().items as Message[];
    expect(officerMessages.find((m) => m.subject === caseId && m.kind === "case.withdraw_by_unit")?.link).toBe(`/admin/cases?case=${caseId}`);
  });

  it("what the unit is told about its project links to the project", async () => {
    const unit = await signIn(t.app, "demo-unit");
    const code = (await unit.post("/api/v1/projects", sampleDeclaration())).json().code as string;
    const org = await t.database.db.selectFrom("app_user").select("organisation_id").where("username", "=", "demo-unit").executeTakeFirstOrThrow();
    // A message as the monitoring sweep writes it (its own tests cover when): only the link is under test here.
    await t.database.db
      .insertInto("user_message")
      .values({ user_id: null, organisation_id: org.organisation_id, kind: "monitoring.progress_due", subject: code, title: "进度报送提醒", title_en: "Progress report due", body: "", body_en: "", created_at: new Date() })
      .execute();
    const items = (await unit.get("/api/v1/messages?limit=200")).json().items as Message[];
    expect(items.find((m) => m.subject === code && m.kind === "monitoring.progress_due")?.link).toBe(`/admin/projects?project=${encodeURIComponent(code)}`);
  });
});
