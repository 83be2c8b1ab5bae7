import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";

describe("会签 and 或签 before completion, where the matter asks for it", () => {
  let t: TestApp;
  let unit: Client;
  let officer: Client;
  let leader: Client;
  let ids: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp();
    unit = await signIn(t.app, "demo-unit");
    officer = await signIn(t.app, "demo-officer-fgw");
    leader = await signIn(t.app, "demo-leader-fgw");
    const users = await t.database.db.selectFrom("app_user").select(["id", "username"]).where("username", "in", ["demo-officer-fgw", "demo-leader-fgw", "demo-officer-zrzy"]).execute();
    ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  });
  afterAll(() => t.close());

  async function acceptedVerificationCase(mode: "all" | "any"): Promise<string> {
    await t.database.db.updateTable("matter").set({ sign_off_mode: mode }).where("code", "=", "ZJ-FGW-002").execute();
    const { requiredMatters } = (await unit.post("/api/v1/projects", sampleDeclaration())).json() as { requiredMatters: { caseId: string; matterCode: string }[] };
    const caseId = requiredMatters.find((m) => m.matterCode === "ZJ-FGW-002")!.caseId;
    await officer.post(`/api/v1/cases/${caseId}/events`, { type: "receive" });
    expect((await officer.post(`/api/v1/cases/${caseId}/events`, { type: "accept" })).statusCode).toBe(201);
    return caseId;
  }
  const decision = { result: "granted", opinion: "同意核准", documentNumber: "浙发改核〔2026〕99号", documentTitle: "核准批复" };

  it("会签: a plain completion is refused; the case completes only when every signer approved", async () => {
    const caseId = await acceptedVerificationCase("all");
    expect((await officer.get(`/api/v1/cases/${caseId}`)).json().signOffMode).toBe("all");
    const colleagues = (await officer.get(`/api/v1/cases/${caseId}/colleagues`)).json().items as { id: number; role: string }[];
    expect(colleagues.map((c) => c.id).sort()).toEqual([ids["demo-officer-fgw"], ids["demo-leader-fgw"]].sort());
    const plain = await officer.post(`/api/v1/cases/${caseId}/events`, { type: "complete", ...decision });
    expect(plain.json().error.code).toBe("SIGN_OFF_REQUIRED");
    const requested = await officer.post(`/api/v1/cases/${caseId}/sign-off`, { signerIds: [ids["demo-officer-fgw"], ids["demo-leader-fgw"]], decision });
    expect(requested.statusCode).toBe(201);
    expect(requested.json()).toMatchObject({ mode: "all", status: "open" });
    expect((await officer.post(`/api/v1/cases/${caseId}/sign-off`, { signerIds: [ids["demo-leader-fgw"]], decision })).json().error.code).toBe("SIGN_OFF_OPEN");

    expect((await leader.get("/api/v1/cases/sign-offs/pending")).json().items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);
    const first = (await officer.post(`/api/v1/cases/${caseId}/sign-off/decision`, { decision: "approve" })).json();
    expect(first.outcome).toBe("open");
    expect(first.case.status).toBe("accepted");
    expect((await officer.post(`/api/v1/cases/${caseId}/sign-off/decision`, { decision: "approve" })).json().error.code).toBe("NOT_A_SIGNER");
    const second = (await leader.post(`/api/v1/cases/${caseId}/sign-off/decision`, { decision: "approve", comment: "同意" })).json();
    expect(second.outcome).toBe("approved");
    expect(second.case).toMatchObject({ status: "completed", documentNumber: "浙发改核〔2026〕99号" });
    // The leader was asked to sign by an in-app message.
    const asked = (await leader.get("/api/v1/messages")).json().items.filter((m: { kind: string; subject: string }) => m.kind === "case.sign_off_requested" && m.subject === caseId);
    expect(asked).toHaveLength(1);
  });

  it("会签: one objection rejects the round, the case stays in handling and the proposer is told", async () => {
    const caseId = await acceptedVerificationCase("all");
    await officer.post(`/api/v1/cases/${caseId}/sign-off`, { signerIds: [ids["demo-officer-fgw"], ids["demo-leader-fgw"]], decision });
    const res = (await leader.post(`/api/v1/cases/${caseId}/sign-off/decision`, { decision: "reject", comment: "文号有误" })).json();
    expect(res.outcome).toBe("rejected");
    expect(res.case.status).toBe("accepted");
    const told = (await officer.get("/api/v1/messages")).json().items.find((m: { kind: string; subject: string }) => m.kind === "case.sign_off_rejected" && m.subject === caseId);
    expect(told.body).toContain("文号有误");
    // A new round may be requested after a rejection.
    expect((await officer.post(`/api/v1/cases/${caseId}/sign-off`, { signerIds: [ids["demo-leader-fgw"]], decision })).statusCode).toBe(201);
  });

  it("或签: one approval completes; signers must be staff of the handling department", async () => {
    const caseId = await acceptedVerificationCase("any");
    const outsider = await officer.post(`/api/v1/cases/${caseId}/sign-off`, { signerIds: [ids["demo-officer-zrzy"]], decision });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.fields[0].path).toBe("signerIds");
    await officer.post(`/api/v1/cases/${caseId}/sign-off`, { signerIds: [ids["demo-officer-fgw"], ids["demo-leader-fgw"]], decision });
    const res = (await leader.post(`/api/v1/cases/${caseId}/sign-off/decision`, { decision: "approve" })).json();
    expect(res).toMatchObject({ outcome: "approved", case: { status: "completed" } });
    expect(res.signOff.signers.map((s: { decision: string | null }) => s.decision).sort()).toEqual(["approve", null]);
  });
});
