import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, DEMO_PASSWORD, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { insertOrganisation, insertUser } from "../identity/identity.repository.js";
import { hashPassword } from "../identity/passwords.js";
import { organisationIdByName } from "./catalogue.repository.js";

type Field = { path: string; message: string; messageEn: string };
const WATER = "ZJ-SLT-002"; // 取水许可: national rule waterIntake isTrue
const ENERGY = "ZJ-FGW-004"; // 节能审查: national rule totalInvestment ≥ 5000
const PLANNING = "ZJ-ZRZY-003"; // 建设工程规划许可: national rule projectType 01
const VERIFY = "ZJ-FGW-002"; // 企业投资项目核准

/** The master data of a matter as the list answers it, ready to be sent back changed. */
const MASTER_FIELDS = [
  "name", "departmentId", "kind", "stage", "statutoryWorkingDays", "statutoryCalendarDays", "statutorySource", "extendableWorkingDays",
  "extensionSource", "promisedWorkingDays", "promisedSource", "pauseReasonClasses",
] as const;

describe("catalogue administration (事项与规则管理, issue 4)", () => {
  let t: TestApp;
  let fgw: Client;
  let unit: Client;
  let sthj: Client;
  let hz: Client;
  let fgwId: number;
  const send = (c: Client, method: "PUT" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: c.cookie, "x-csrf-token": c.csrfToken }, ...(payload ? { payload } : {}) });
  const declare = async (over: Record<string, unknown> = {}) => {
    const res = await unit.post("/api/v1/projects", sampleDeclaration(over));
    expect(res.statusCode).toBe(201);
    return res.json() as { code: string; requiredMatters: { matterCode: string; caseId: string }[] };
  };
  const cases = async (code: string) =>
    t.database.db
      .selectFrom("matter_case as c")
      .innerJoin("project as p", "p.id", "c.project_id")
      .select(["c.id", "c.matter_code", "c.status", "c.matter_version"])
      .where("p.code", "=", code)
      .orderBy("c.matter_code")
      .orderBy("c.notified_at")
      .execute();
  const events = async (type: string) => t.database.db.selectFrom("audit_event").select(["subject", "payload", "actor_label"]).where("type", "=", type).orderBy("seq").execute();

  beforeAll(async () => {
    t = await startTestApp();
    const hash = await hashPassword(DEMO_PASSWORD);
    await t.database.db.transaction().execute(async (tx) => {
      const org = await organisationIdByName(tx, "杭州市发展和改革委员会");
      await insertUser(tx, { username: "hz-officer", display_name: "杭州市发展改革委经办人", organisation_id: Number(org!.id), role: "officer", password_hash: hash, second_factor_exempt: true });
    });
    fgwId = Number((await organisationIdByName(t.database.db, "浙江省发展和改革委员会"))!.id);
    fgw = await signIn(t.app, "demo-officer-fgw");
    unit = await signIn(t.app, "demo-unit");
    sthj = await signIn(t.app, "demo-officer-sthj");
    hz = await signIn(t.app, "hz-officer");
  });
  afterAll(() => t.close());

  it("is kept by the comprehensive management department only: an application department's officer reads it and is refused every change", async () => {
    for (const url of ["/api/v1/catalogue/matters", "/api/v1/catalogue/rules"]) {
      expect(((await fgw.get(url)).json().items as { editable: boolean }[]).some((i) => i.editable)).toBe(true);
      const read = await sthj.get(url);
      expect(read.statusCode).toBe(200);
      expect((read.json().items as { editable: boolean }[]).every((i) => !i.editable)).toBe(true);
    }
    const put = await send(sthj, "PUT", `/api/v1/catalogue/rules/${WATER}/330000`, { condition: { always: true }, reason: "试" });
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe("CATALOGUE_NOT_COMPREHENSIVE");
    expect(put.json().error.message).toContain("综合管理部门");
    for (const refused of [
      await sthj.post(`/api/v1/catalogue/rules/${WATER}/100000/deactivate`, { reason: "试" }),
      await sthj.post("/api/v1/catalogue/rules/preview", { matterCode: WATER, regionCode: "330000", condition: { always: true }, declaration: sampleDeclaration() }),
    ]) {
      expect(refused.json().error.code).toBe("CATALOGUE_NOT_COMPREHENSIVE");
    }
    expect((await unit.get("/api/v1/catalogue/matters")).statusCode).toBe(403);
    expect((await unit.get("/api/v1/catalogue/matters")).json().error.code).toBe("FORBIDDEN");
    expect((await (await signIn(t.app, "demo-supervisor")).get("/api/v1/catalogue/rules")).json().error.code).toBe("FORBIDDEN");
  });

  it("versions matter master data: a change with a reason is a new version, the old one kept, and a project keeps the version it was told", async () => {
    const before = await declare({ name: "版本前项目" });
    const current = ((await fgw.get("/api/v1/catalogue/matters")).json().items as Record<string, unknown>[]).find((m) => m.code === VERIFY)!;
    const MASTER = Object.fromEntries(MASTER_FIELDS.map((f) => [f, current[f]]));
    expect(MASTER).toMatchObject({ departmentId: fgwId, statutoryWorkingDays: 20, promisedWorkingDays: 10 });
    Object.assign(MASTER, { promisedWorkingDays: 8, promisedSource: "浙江省承诺时限（8个工作日）" });
    expect((await send(sthj, "PUT", `/api/v1/catalogue/matters/${VERIFY}`, { ...MASTER, reason: "调整" })).json().error.code).toBe("CATALOGUE_NOT_COMPREHENSIVE");
    const bad = await send(fgw, "PUT", `/api/v1/catalogue/matters/${VERIFY}`, { ...MASTER, departmentId: fgwId, promisedWorkingDays: 25, reason: "调整" });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.fields as Field[]).map((f) => [f.path, f.message])).toContainEqual(["promisedWorkingDays", "承诺时限不得超过法定时限"]);
    const badPause = await send(fgw, "PUT", `/api/v1/catalogue/matters/${VERIFY}`, { ...MASTER, departmentId: fgwId, pauseReasonClasses: ["holiday"], reason: "调整" });
    expect(badPause.statusCode).toBe(400);
    expect(badPause.json().error.fields[0].path).toBe("pauseReasonClasses.0");
    const ops = Number((await organisationIdByName(t.database.db, "浙江省数据局（平台建设运维）"))!.id);
    const notDept = await send(fgw, "PUT", `/api/v1/catalogue/matters/${VERIFY}`, { ...MASTER, departmentId: ops, reason: "调整" });
    expect(notDept.json().error.fields).toEqual([expect.objectContaining({ path: "departmentId" })]);
    expect((await send(fgw, "PUT", `/api/v1/catalogue/matters/${VERIFY}`, { ...MASTER, departmentId: fgwId })).statusCode).toBe(400); // no reason
    // A prefecture's comprehensive department does not edit a provincial department's matter.
    expect((await send(hz, "PUT", `/api/v1/catalogue/matters/${VERIFY}`, { ...MASTER, departmentId: fgwId, reason: "调整" })).statusCode).toBe(400);

    const ok = await send(fgw, "PUT", `/api/v1/catalogue/matters/${VERIFY}`, { ...MASTER, departmentId: fgwId, reason: "承诺时限压缩至8个工作日" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ code: VERIFY, version: 2, changedFields: ["promisedWorkingDays", "promisedSource"] });
    const again = await send(fgw, "PUT", `/api/v1/catalogue/matters/${VERIFY}`, { ...MASTER, departmentId: fgwId, reason: "再次保存" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("CATALOGUE_UNCHANGED");

    const versions = (await fgw.get(`/api/v1/catalogue/matters/${VERIFY}/versions`)).json().items as { version: number; promisedWorkingDays: number; reason: string; changedBy: string | null }[];
    expect(versions.map((v) => [v.version, v.promisedWorkingDays, v.changedBy])).toEqual([
      [2, 8, "demo-officer-fgw"],
      [1, 10, null],
    ]);
    expect(versions[0]!.reason).toBe("承诺时限压缩至8个工作日");
    const listed = ((await fgw.get("/api/v1/catalogue/matters")).json().items as { code: string; version: number; promisedWorkingDays: number; editable: boolean }[]).find((m) => m.code === VERIFY);
    expect(listed).toMatchObject({ version: 2, promisedWorkingDays: 8, editable: true });

    const after = await declare({ name: "版本后项目" });
    expect((await cases(before.code)).find((c) => c.matter_code === VERIFY)?.matter_version).toBe(1);
    expect((await cases(after.code)).find((c) => c.matter_code === VERIFY)?.matter_version).toBe(2);
    const [event] = await events("matter.changed");
    expect(event?.payload).toMatchObject({ matterCode: VERIFY, fromVersion: 1, toVersion: 2, changedFields: ["promisedWorkingDays", "promisedSource"] });
    await expect(sql`update matter_version set promised_working_days = 1 where matter_code = ${VERIFY}`.execute(t.database.db)).rejects.toThrow(/never edited/);
    await expect(sql`delete from matter_version where matter_code = ${VERIFY}`.execute(t.database.db)).rejects.toThrow(/never edited or deleted/);

    // The re-evaluation tells the earlier project that its matter has a newer version (for information).
    const diff = (await fgw.get(`/api/v1/projects/${before.code}/matters/reevaluation`)).json();
    expect(diff.updated).toEqual([expect.objectContaining({ matterCode: VERIFY, toldMatterVersion: 1, currentMatterVersion: 2 })]);
  });

  it("checks a rule's condition and the region the department may keep rules for", async () => {
    const bad = await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/330000`, { condition: { fact: "waterUse", op: "isTrue" }, reason: "试" });
    expect(bad.statusCode).toBe(400);
    const field = (bad.json().error.fields as Field[])[0]!;
    expect(field.path).toBe("condition.fact");
    expect(field.message).toContain("未知的事实");
    expect(field.messageEn).toContain('unknown fact "waterUse"');
    const national = await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/100000`, { condition: { always: true }, reason: "试" });
    expect(national.json().error.code).toBe("NATIONAL_RULE_CENTRAL_ONLY");
    expect((await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/320000`, { condition: { always: true }, reason: "试" })).json().error.code).toBe("RULE_REGION_OUT_OF_SCOPE");
    expect((await send(hz, "PUT", `/api/v1/catalogue/rules/${WATER}/330000`, { condition: { always: true }, reason: "试" })).json().error.code).toBe("RULE_REGION_OUT_OF_SCOPE");
    expect((await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/339999`, { condition: { always: true }, reason: "试" })).json().error.code).toBe("REGION_UNKNOWN");
    expect((await send(fgw, "PUT", "/api/v1/catalogue/rules/ZJ-NONE-001/330000", { condition: { always: true }, reason: "试" })).statusCode).toBe(404);
    // A prefecture's department keeps its own region's rules.
    const hzRule = await send(hz, "PUT", `/api/v1/catalogue/rules/${WATER}/330100`, { condition: { fact: "totalInvestment", op: "gte", value: "100000" }, reason: "杭州市取水许可范围" });
    expect(hzRule.statusCode).toBe(200);
    expect((await hz.post(`/api/v1/catalogue/rules/${WATER}/330100/deactivate`, { reason: "撤销" })).statusCode).toBe(200);
  });

  it("refuses a save when the whole rule set after it would be invalid, listing the problem", async () => {
    // A stored rule the schema refuses (written past the service, as a hand edit would be).
    await t.database.db
      .insertInto("applicability_rule")
      .values({ matter_code: PLANNING, region_code: "330200", condition: JSON.stringify({ fact: "environmentalCategory", op: "eq", value: "huge" }), note: null, created_by: null, created_at: new Date() })
      .execute();
    const refused = await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/330000`, { condition: { always: true }, reason: "全省取水" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("RULE_SET_INVALID");
    const fields = refused.json().error.fields as Field[];
    expect(fields).toEqual([expect.objectContaining({ path: `rules.${PLANNING}@330200.condition.value` })]);
    expect(fields[0]!.message).toContain("没有取值“huge”");
    expect((await fgw.get(`/api/v1/catalogue/rules?matter=${WATER}&region=330000`)).json().items).toEqual([]);
    // Saving the broken rule anew repairs the set.
    const repaired = await send(fgw, "PUT", `/api/v1/catalogue/rules/${PLANNING}/330200`, { condition: { fact: "projectType", op: "eq", value: "01" }, reason: "修正错误取值" });
    expect(repaired.statusCode).toBe(200);
    expect(repaired.json().replacedRuleId).toEqual(expect.any(Number));
  });

  it("previews a rule on a project, saves it with history and audit, and a rule change alone changes nothing a project was told", async () => {
    const p = await declare({ name: "取水评估项目" });
    const told = await cases(p.code);
    expect(told.map((c) => c.matter_code)).not.toContain(WATER);

    const preview = await fgw.post("/api/v1/catalogue/rules/preview", { matterCode: WATER, regionCode: "330000", condition: { always: true }, projectCode: p.code });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ project: { code: p.code, told: false }, current: { required: false }, proposed: { required: true, decidedBy: { regionCode: "330000", level: "province" } } });
    expect(preview.json().proposed.reasons.zh[0]).toContain("330000（浙江省）");
    const sample = await fgw.post("/api/v1/catalogue/rules/preview", {
      matterCode: WATER,
      regionCode: "330000",
      condition: { fact: "totalInvestment", op: "gte", value: "200000" },
      declaration: sampleDeclaration(),
    });
    expect(sample.json()).toMatchObject({ project: null, proposed: { required: false } });
    expect((await fgw.post("/api/v1/catalogue/rules/preview", { matterCode: WATER, regionCode: "330000", condition: { always: 1 }, projectCode: p.code })).statusCode).toBe(400);

    const saved = await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/330000`, { condition: { always: true }, note: { zh: "浙江省全部项目办理取水许可", en: "every project in Zhejiang" }, reason: "全省取水" });
    expect(saved.statusCode).toBe(200);
    const first = saved.json().id as number;
    const replaced = await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/330000`, { condition: { fact: "totalInvestment", op: "gte", value: "1000" }, reason: "限于1000万元以上" });
    expect(replaced.json()).toMatchObject({ replacedRuleId: first });
    expect((await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/330000`, { condition: { fact: "totalInvestment", op: "gte", value: "1000" }, reason: "同" })).json().error.code).toBe("CATALOGUE_UNCHANGED");

    const history = (await fgw.get(`/api/v1/catalogue/rules?matter=${WATER}&region=330000&history=true`)).json().items as { id: number; active: boolean; replacedBy: number | null; reason: string }[];
    expect(history.map((r) => [r.active, r.reason])).toEqual([
      [true, "限于1000万元以上"],
      [false, "全省取水"],
    ]);
    expect(history[1]!.replacedBy).toBe(history[0]!.id);
    expect(history[1]).toMatchObject({ deactivatedBy: "demo-officer-fgw", deactivationReason: "被新规则替代：限于1000万元以上" });
    await expect(sql`update applicability_rule set condition = '{"never":true}'::jsonb where id = ${first}`.execute(t.database.db)).rejects.toThrow(/never edited/);
    await expect(sql`delete from applicability_rule where id = ${first}`.execute(t.database.db)).rejects.toThrow(/never deleted/);
    await expect(sql`update applicability_rule set deactivation_reason = '改写' where id = ${first}`.execute(t.database.db)).rejects.toThrow(/never edited/);
    const saves = (await events("rule.saved")).filter((e) => e.subject === WATER && (e.payload as { regionCode: string }).regionCode === "330000");
    expect(saves.map((e) => (e.payload as { reason: string }).reason)).toEqual(["全省取水", "限于1000万元以上"]);
    expect(saves[1]?.actor_label).toBe("demo-officer-fgw");

    // Nothing the project was told changed with the rules.
    expect(await cases(p.code)).toEqual(told);
  });

  it("re-evaluates a project explicitly: the difference first, then new cases, withdrawals of unstarted ones only, audited", async () => {
    // Declared while the province did not require the water permit; the province requires it afterwards.
    expect((await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/330000`, { condition: { never: true }, reason: "暂停" })).statusCode).toBe(200);
    const p = await declare({ name: "重新评估项目" });
    expect((await send(fgw, "PUT", `/api/v1/catalogue/rules/${WATER}/330000`, { condition: { fact: "totalInvestment", op: "gte", value: "1000" }, reason: "恢复" })).statusCode).toBe(200);
    const told = await cases(p.code);
    expect(told.map((c) => c.matter_code)).toEqual(expect.arrayContaining([ENERGY, PLANNING]));
    expect(told.map((c) => c.matter_code)).not.toContain(WATER);
    // A case under way is not withdrawn by a re-evaluation.
    await t.database.db.updateTable("matter_case").set({ status: "submitted" }).where("id", "=", told.find((c) => c.matter_code === PLANNING)!.id).execute();
    for (const m of [ENERGY, PLANNING]) {
      expect((await send(fgw, "PUT", `/api/v1/catalogue/rules/${m}/330000`, { condition: { never: true }, reason: "本省不再要求" })).statusCode).toBe(200);
    }
    expect((await cases(p.code)).length).toBe(told.length);

    const diff = (await fgw.get(`/api/v1/projects/${p.code}/matters/reevaluation`)).json();
    expect(diff.added.map((m: { matterCode: string }) => m.matterCode)).toEqual([WATER]);
    expect(diff.added[0].reasons.zh.join()).toContain("总投资不少于 1000.00 万元");
    expect(diff.notRequired.map((m: { matterCode: string; withdrawable: boolean }) => [m.matterCode, m.withdrawable]).sort()).toEqual([
      [ENERGY, true],
      [PLANNING, false],
    ]);
    expect((await sthj.get(`/api/v1/projects/${p.code}/matters/reevaluation`)).json().error.code).toBe("CATALOGUE_NOT_COMPREHENSIVE");
    expect((await fgw.post(`/api/v1/projects/${p.code}/matters/reevaluate`, { reason: " " })).statusCode).toBe(400);

    const applied = await fgw.post(`/api/v1/projects/${p.code}/matters/reevaluate`, { reason: "省级规则调整后重新告知" });
    expect(applied.statusCode).toBe(200);
    const body = applied.json();
    expect(body.added.map((m: { matterCode: string }) => m.matterCode)).toEqual([WATER]);
    expect(body.withdrawn.map((m: { matterCode: string }) => m.matterCode)).toEqual([ENERGY]);
    expect(body.keptNotRequired).toEqual([expect.objectContaining({ matterCode: PLANNING, status: "submitted" })]);
    const now = await cases(p.code);
    expect(now.find((c) => c.matter_code === WATER)).toMatchObject({ status: "notified", matter_version: 1 });
    expect(now.find((c) => c.matter_code === ENERGY)?.status).toBe("withdrawn");
    expect(now.find((c) => c.matter_code === PLANNING)?.status).toBe("submitted");
    const [event] = (await events("project.matters_reevaluated")).filter((e) => e.subject === p.code);
    expect(event?.payload).toMatchObject({ code: p.code, reason: "省级规则调整后重新告知", withdrawn: [{ matterCode: ENERGY }], keptNotRequired: [{ matterCode: PLANNING }] });
    const listed = (await unit.get(`/api/v1/projects/${p.code}/matters`)).json().items as { matterCode: string; status: string }[];
    expect(listed.find((m) => m.matterCode === WATER)?.status).toBe("notified");

    const again = await fgw.post(`/api/v1/projects/${p.code}/matters/reevaluate`, { reason: "再次" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("NOTHING_TO_REEVALUATE");

    // Required again later: a new case beside the withdrawn one, which is kept.
    expect((await fgw.post(`/api/v1/catalogue/rules/${ENERGY}/330000/deactivate`, { reason: "恢复国家规则" })).statusCode).toBe(200);
    expect((await events("rule.deactivated")).some((e) => e.subject === ENERGY)).toBe(true);
    expect((await fgw.post(`/api/v1/projects/${p.code}/matters/reevaluate`, { reason: "恢复节能审查" })).json().added).toEqual([expect.objectContaining({ matterCode: ENERGY })]);
    expect((await cases(p.code)).filter((c) => c.matter_code === ENERGY).map((c) => c.status)).toEqual(["withdrawn", "notified"]);
  });

  it("lets a department discard its own draft guide, and nothing else", async () => {
    const draft = (await sthj.post("/api/v1/matters/ZJ-STHJ-002/guides")).json() as { id: number; version: number };
    expect(draft.version).toBe(2);
    expect((await send(fgw, "DELETE", `/api/v1/guides/${draft.id}`)).statusCode).toBe(404);
    expect((await send(sthj, "DELETE", `/api/v1/guides/${draft.id}`)).statusCode).toBe(204);
    const versions = (await sthj.get("/api/v1/matters/ZJ-STHJ-002/guides")).json().items as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual([1]);
    const [event] = await events("guide.discarded");
    expect(event?.payload).toEqual({ matterCode: "ZJ-STHJ-002", version: 2, guideId: draft.id });
    const published = (await sthj.get("/api/v1/matters/ZJ-STHJ-002/guides")).json().items[0] as { id: number };
    const refused = await send(sthj, "DELETE", `/api/v1/guides/${published.id}`);
    expect(refused.statusCode).toBe(409);
    expect((await send(unit, "DELETE", `/api/v1/guides/${published.id}`)).statusCode).toBe(403);
    // A new draft after the discarded one takes its number again.
    expect(((await sthj.post("/api/v1/matters/ZJ-STHJ-002/guides")).json() as { version: number }).version).toBe(2);
  });
});

describe("national applicability rules (全国规则) on the central platform", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PLATFORM_LEVEL: "central", PLATFORM_REGION: "100000" });
    const hash = await hashPassword(DEMO_PASSWORD);
    await t.database.db.transaction().execute(async (tx) => {
      // The reference regions have no national entry yet; a national department needs one to hang from.
      await tx.insertInto("region").values({ code: "100000", name: "全国", level: 1, parent_code: null, source: "test" }).execute();
      const org = await insertOrganisation(tx, { kind: "comprehensive", name: "国家发展和改革委员会", region_code: "100000" });
      await insertUser(tx, { username: "ndrc-officer", display_name: "国家发展改革委经办人", organisation_id: Number(org.id), role: "officer", password_hash: hash, second_factor_exempt: true });
    });
  });
  afterAll(() => t.close());

  it("lets only a department of the whole country set a national rule", async () => {
    const put = (c: Client) =>
      t.app.inject({ method: "PUT", url: `/api/v1/catalogue/rules/${WATER}/100000`, headers: { cookie: c.cookie, "x-csrf-token": c.csrfToken }, payload: { condition: { fact: "waterIntake", op: "isTrue" }, note: { zh: "取水的项目", en: "projects drawing water" }, reason: "全国规则补充说明" } });
    const provincial = await put(await signIn(t.app, "demo-officer-fgw"));
    expect(provincial.json().error.code).toBe("RULE_REGION_OUT_OF_SCOPE");
    const national = await put(await signIn(t.app, "ndrc-officer"));
    expect(national.statusCode).toBe(200);
    expect(national.json().replacedRuleId).toEqual(expect.any(Number));
  });
});
