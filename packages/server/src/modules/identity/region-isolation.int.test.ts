import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { insertOrganisation, insertUser, listOrganisations, listUsers } from "./identity.repository.js";
import { scopeFor } from "./identity.service.js";
import { hashPassword } from "./passwords.js";

/**
 * Data scope (数据权限) by region: administrators of 杭州市 (330100) and 宁波市 (330200) each see their own city's
 * organisations, users and audit trail, never the other's; the provincial administrator sees both.
 */
describe("region isolation", () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await startTestApp();
    const hash = await hashPassword(DEMO_PASSWORD);
    await t.database.db.transaction().execute(async (tx) => {
      for (const [key, region, name] of [
        ["hz", "330100", "杭州市数据资源管理局"],
        ["nb", "330200", "宁波市大数据发展管理局"],
        ["xh", "330106", "杭州市西湖区发展和改革局"],
      ] as const) {
        const org = await insertOrganisation(tx, { kind: "operations", name, region_code: region });
        ids[`${key}-org`] = org.id;
        ids[`${key}-sec`] = await insertUser(tx, { username: `${key}-security`, display_name: `${name}安全管理员`, organisation_id: org.id, role: "security_admin", password_hash: hash, second_factor_exempt: true });
        ids[`${key}-aud`] = await insertUser(tx, { username: `${key}-audit`, display_name: `${name}审计管理员`, organisation_id: org.id, role: "audit_admin", password_hash: hash, second_factor_exempt: true });
      }
    });
  });
  afterAll(() => t.close());

  it("shows a city's security administrator only the users of its city and counties", async () => {
    const hz = await signIn(t.app, "hz-security");
    const list = (await hz.get("/api/v1/users?pageSize=100")).json();
    const names = list.items.map((u: { username: string }) => u.username).sort();
    // demo-unit's enterprise is in 西湖区 (330106) and the demo intermediary (正衡咨询) in 杭州市 (330100), both inside
    // 杭州市: visible; nothing of 宁波 or the province is.
    expect(names).toEqual(["demo-intermediary", "demo-unit", "hz-audit", "hz-security", "xh-audit", "xh-security"]);
    expect(list.total).toBe(6);
    expect((await hz.get(`/api/v1/users/${ids["nb-sec"]}`)).statusCode).toBe(404);
    expect((await hz.get(`/api/v1/users/${ids["xh-sec"]}`)).statusCode).toBe(200);
    // Searching narrows within the scope; a typed wildcard matches literally.
    expect((await hz.get("/api/v1/users?q=hz-")).json().total).toBe(2);
    expect((await hz.get("/api/v1/users?q=%25")).json().total).toBe(0);
    expect((await hz.get("/api/v1/users?q=nb-")).json().total).toBe(0);
  });

  it("does not let one city's administrator act on another city's user", async () => {
    const nb = await signIn(t.app, "nb-security");
    const unlock = await nb.post(`/api/v1/users/${ids["hz-sec"]}/unlock`);
    expect(unlock.statusCode).toBe(404);
    const create = await nb.post("/api/v1/users", { username: "nb-new", displayName: "新用户", role: "audit_admin", organisationId: ids["hz-org"], password: "Strong#2026" });
    expect(create.statusCode).toBe(422);
    expect(create.json().error.code).toBe("ORGANISATION_UNKNOWN");
    expect(create.json().error.fields[0].path).toBe("organisationId");
  });

  it("shows the provincial administrator every city", async () => {
    const prov = await signIn(t.app, "demo-security");
    const names = (await prov.get("/api/v1/users?pageSize=100")).json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(["hz-security", "nb-security", "demo-unit"]));
  });

  it("keeps each city's audit trail to its own audit administrator", async () => {
    await signIn(t.app, "nb-security"); // writes an auth.login_succeeded event in 宁波's region
    await signIn(t.app, "hz-security");
    const hz = await signIn(t.app, "hz-audit");
    const events = (await hz.get("/api/v1/audit/events?pageSize=100")).json().items as { subject?: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => e.subject === "hz-security")).toBe(true);
    expect(events.some((e) => e.subject?.startsWith("nb-"))).toBe(false);
    expect(events.some((e) => e.subject === "demo-security")).toBe(false);
  });

  it("limits a project unit's scope to its own organisation in the query layer", async () => {
    const unit = await t.database.db.selectFrom("app_user as u").innerJoin("organisation as o", "o.id", "u.organisation_id")
      .select(["u.role", "u.organisation_id", "o.region_code"]).where("u.username", "=", "demo-unit").executeTakeFirstOrThrow();
    const scope = scopeFor(unit);
    expect(scope).toEqual({ regionPrefix: "", organisationId: unit.organisation_id });
    const visible = await listOrganisations(t.database.db, scope, { page: 1, pageSize: 100 });
    expect(visible.items.map((o) => o.id)).toEqual([unit.organisation_id]);
    const users = await listUsers(t.database.db, scope, { page: 1, pageSize: 100 });
    expect(users.items.map((u) => u.username)).toEqual(["demo-unit"]);
  });
});
