import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { DEMO_UNIT_CREDIT_CODE, DEMO_UNIT_NAME } from "../../../test/fixtures.js";
import { connectionUrlOf, createTestDatabase, pgliteTemplate, testDatabaseKind } from "../../../test/test-database.js";
import { type Database, openDatabase } from "../../db/database.js";
import { creditCodeCheckCharacter } from "../reference/credit-code.js";
import { type Cell, csvLine, parseCsv, readImportFile, type RowOutcome } from "./legacy-import.js";
import { importProjects } from "./legacy-import.service.js";
import { parseProjectCode } from "./project-code.js";

const ROOT = join(import.meta.dirname, "../../../../..");

/** The columns in the order the files below use: Chinese as an operator's template has them, English per spec §4. */
const COLUMNS = [
  ["legacyCode", "原项目编码"],
  ["name", "项目名称"],
  ["approvalCategory", "审批类别（审批/核准/备案）"],
  ["projectType", "项目类型代码"],
  ["centralDepartmentCode", "中央业务指导部门代码"],
  ["unit.name", "项目单位名称"],
  ["unit.creditCode", "统一社会信用代码"],
  ["unit.legalRepresentative", "法定代表人"],
  ["unit.contactName", "联系人"],
  ["unit.contactPhone", "联系电话"],
  ["sites.regionCode", "建设地点行政区划代码"],
  ["sites.address", "建设地点详细地址"],
  ["industryCode", "行业代码"],
  ["constructionScale", "建设规模"],
  ["constructionContent", "建设内容"],
  ["totalInvestment", "总投资（万元）"],
  ["plannedStart", "计划开工（YYYY-MM）"],
  ["plannedEnd", "计划竣工（YYYY-MM）"],
  ["classified", "是否涉密"],
] as const;
type Field = (typeof COLUMNS)[number][0];
type Row = Partial<Record<Field, Cell>>;

const creditCode = (stem: string) => stem + creditCodeCheckCharacter(stem);
/** Four enterprises not registered yet, and the demo unit, which is. */
const UNITS = [
  ...[1, 2, 3, 4].map((k) => ({ name: `杭州存量导入测试企业${k}有限公司`, creditCode: creditCode(`91330106MA2Q${String(k).padStart(5, "0")}`) })),
  { name: DEMO_UNIT_NAME, creditCode: DEMO_UNIT_CREDIT_CODE },
];
const COUNTIES = [330106, 330108, 330102, 330110, 330212];
const CATEGORIES = ["核准", "备案", "审批"] as const;

/** Each file's legacy numbers differ from the other files' by their fourth segment. */
const SEGMENT: Record<string, string> = { A: "01", B: "02", C: "03", D: "04" };

/** A good row `i` of a file whose legacy numbers carry `tag`: as Excel hands over cells (numbers, dates). */
function goodRow(tag: string, i: number): Row {
  const unit = UNITS[i % UNITS.length]!;
  return {
    // Three in four in the legacy form of spec §2, the rest local numbers of another shape.
    legacyCode: i % 4 === 3 ? `杭发改${tag}〔2018〕${i}号` : `${2013 + (i % 8)}-330106-36-${SEGMENT[tag]}-${String(i).padStart(6, "0")}`,
    name: `存量项目${tag}${i}号技术改造工程`,
    approvalCategory: CATEGORIES[i % 3],
    projectType: 1,
    centralDepartmentCode: 2,
    "unit.name": unit.name,
    "unit.creditCode": unit.creditCode,
    "unit.legalRepresentative": "张三",
    "unit.contactName": "李四",
    "unit.contactPhone": 13800000000 + i,
    "sites.regionCode": i === 5 ? "330106；330108" : COUNTIES[i % COUNTIES.length],
    "sites.address": i === 5 ? "西湖区一号；滨江区二号" : `某路${i}号`,
    industryCode: 36,
    constructionScale: "新建厂房1万平方米",
    constructionContent: "建设生产车间及配套设施",
    totalInvestment: 1000 + i,
    plannedStart: new Date(Date.UTC(2018, i % 12, 1)),
    plannedEnd: "2021-06",
    classified: "否",
  };
}

const SECRET_NAME = "某涉密工程七号";

async function writeWorkbook(path: string, rows: Row[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("存量项目");
  sheet.addRow(COLUMNS.map(([, zh]) => zh));
  for (const r of rows) sheet.addRow(COLUMNS.map(([f]) => r[f] ?? null));
  await workbook.xlsx.writeFile(path);
}

describe("legacy import (Art. 12): npm run import", () => {
  let t: TestApp;
  let officer: Client;
  let dir: string;
  const ctx = () => ({ db: t.database.db, config: t.config });
  const count = async (table: "project" | "organisation" | "audit_event") =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp();
    officer = await signIn(t.app, "demo-officer-fgw");
    dir = mkdtempSync(join(tmpdir(), "tzxm-import-"));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports 300 rows from a workbook: good rows get codes every lookup finds, bad rows are reported by field", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => goodRow("A", i));
    const bad: Record<number, { row: Row; errorCode: string; path: string }> = {
      13: { row: { "unit.creditCode": `${UNITS[0]!.creditCode.slice(0, 17)}${UNITS[0]!.creditCode.endsWith("0") ? "1" : "0"}` }, errorCode: "CREDIT_CODE_INVALID", path: "unit.creditCode" },
      41: { row: { name: null }, errorCode: "VALIDATION_FAILED", path: "name" },
      77: { row: { "sites.regionCode": 339999 }, errorCode: "REGION_UNKNOWN", path: "sites.0.regionCode" },
      101: { row: { "sites.regionCode": 320102, "sites.address": "南京市玄武区" }, errorCode: "WRONG_JURISDICTION", path: "sites" },
      150: { row: { legacyCode: rows[20]!.legacyCode }, errorCode: "LEGACY_CODE_DUPLICATE", path: "legacyCode" },
      230: { row: { legacyCode: "2601-330106-02-01-12345X" }, errorCode: "LEGACY_CODE_INVALID", path: "legacyCode" },
      260: { row: { plannedStart: "2018-13" }, errorCode: "VALIDATION_FAILED", path: "plannedStart" },
    };
    for (const [i, b] of Object.entries(bad)) Object.assign(rows[Number(i)]!, b.row);
    Object.assign(rows[199]!, { name: SECRET_NAME, classified: "是" });
    const file = join(dir, "存量项目.xlsx");
    await writeWorkbook(file, rows);
    const before = { projects: await count("project"), organisations: await count("organisation") };

    const table = await readImportFile(file);
    expect(table.rows).toHaveLength(300);
    const summary = await importProjects(ctx(), table, { fileName: "存量项目.xlsx" });
    const failures = Object.keys(bad).length + 1;
    expect({ total: summary.total, imported: summary.imported, skipped: summary.skipped, failed: summary.failed, interrupted: summary.interrupted }).toEqual({
      total: 300,
      imported: 300 - failures,
      skipped: 0,
      failed: failures,
      interrupted: false,
    });
    expect(await count("project")).toBe(before.projects + 300 - failures);
    // Four new enterprises registered once each; the demo unit is the organisation already there.
    expect(await count("organisation")).toBe(before.organisations + 4);
    console.info(`legacy import on ${t.database.kind}: 300 rows in ${summary.elapsedMs.toFixed(0)} ms, ${((300 * 1000) / summary.elapsedMs).toFixed(1)} rows/s`);

    // Bad rows: each with its error code and the failing field; Excel's row number is the data index + 2.
    const byRow = new Map(summary.rows.map((r) => [r.row, r]));
    for (const [i, b] of Object.entries(bad)) {
      const r = byRow.get(Number(i) + 2)!;
      expect(r, `row ${Number(i) + 2}`).toMatchObject({ outcome: "failed", errorCode: b.errorCode });
      expect(r.problems.map((p) => p.path), `row ${Number(i) + 2}`).toContain(b.path);
      for (const p of r.problems) expect(p.message && p.messageEn, `${b.path}`).toBeTruthy();
    }
    expect(byRow.get(103)!.problems[0]!.message).toContain("江苏省投资项目在线审批监管平台");
    expect(byRow.get(152)!.problems[0]!.message).toBe("原项目编码与第22行重复");
    // The classified row: its number and the reason, nothing else, and nothing of it stored anywhere.
    expect(byRow.get(201)).toEqual({
      row: 201,
      legacyCode: undefined,
      outcome: "failed",
      errorCode: "CLASSIFIED_PROJECT_REFUSED",
      problems: [expect.objectContaining({ path: "classified" })],
    });
    const traces = await t.database.db.selectFrom("audit_event").select("payload").execute();
    const projectNames = await t.database.db.selectFrom("project").select("name").execute();
    expect(JSON.stringify([traces, projectNames])).not.toContain(SECRET_NAME);
    expect(JSON.stringify(traces)).not.toContain(String(rows[199]!.legacyCode));

    // Good rows: a valid current code, stored with the legacy number, version 1 "legacy_import", audited.
    const imported = summary.rows.filter((r) => r.outcome === "imported");
    expect(imported).toHaveLength(300 - failures);
    for (const r of imported) expect(parseProjectCode(r.code!), r.code).toMatchObject({ format: "current", checkCharacterValid: true });
    expect(new Set(imported.map((r) => r.code)).size).toBe(imported.length);
    const five = byRow.get(7)!; // two sites in one county's prefecture: coded under 330100
    expect(five.code!.slice(5, 11)).toBe("330100");

    const stored = await t.database.db
      .selectFrom("project as p")
      .innerJoin("project_version as v", "v.project_id", "p.id")
      .select(["p.code", "p.legacy_code", "p.status", "p.approval_category", "v.reason", "v.created_by", "v.data"])
      .where("p.code", "in", imported.map((r) => r.code!))
      .execute();
    expect(stored).toHaveLength(imported.length);
    for (const s of stored) {
      const r = imported.find((x) => x.code === s.code)!;
      expect(s.legacy_code).toBe(r.legacyCode);
      expect(s.status).toBe(s.approval_category === "filing" ? "filed" : "declared");
      expect({ reason: s.reason, createdBy: s.created_by }).toEqual({ reason: "legacy_import", createdBy: null });
      expect(s.data).toMatchObject({ legacyCode: r.legacyCode, industrialPolicyDeclaration: true, classified: false, projectType: "01" });
    }
    const events = await t.database.db
      .selectFrom("audit_event")
      .select(["subject", "actor_label", "payload"])
      .where("type", "=", "project.imported")
      .execute();
    expect(events).toHaveLength(imported.length);
    expect(events.find((e) => e.subject === imported[0]!.code)).toEqual({
      subject: imported[0]!.code,
      actor_label: "legacy-import:存量项目.xlsx",
      payload: { code: imported[0]!.code, legacyCode: imported[0]!.legacyCode, row: imported[0]!.row },
    });
    const registered = await t.database.db.selectFrom("organisation").select(["kind", "region_code"]).where("credit_code", "=", UNITS[1]!.creditCode).executeTakeFirstOrThrow();
    expect(registered).toEqual({ kind: "project_unit", region_code: "330108" }); // its first row's site (i = 1)
    const orgEvents = await t.database.db.selectFrom("audit_event").select("actor_label").where("type", "=", "organisation.created").where("actor_label", "like", "legacy-import:%").execute();
    expect(orgEvents).toHaveLength(4);

    // Every lookup accepts the legacy number, of either shape, and finds the platform code.
    const sample = [...imported.filter((_, i) => i % 25 === 0), ...imported.filter((r) => r.legacyCode!.startsWith("杭发改")).slice(0, 5)];
    expect(sample.some((r) => r.legacyCode!.startsWith("杭发改"))).toBe(true);
    for (const r of sample) {
      const legacy = encodeURIComponent(r.legacyCode!);
      const record = await officer.get(`/api/v1/projects/${legacy}`);
      expect(record.statusCode, r.legacyCode).toBe(200);
      expect(record.json()).toMatchObject({ code: r.code, legacyCode: r.legacyCode, version: 1 });
      const check = (await t.app.inject({ url: `/api/v1/codes/${legacy}/check` })).json();
      expect(check, r.legacyCode).toMatchObject({ exists: true, projectCode: r.code, format: r.legacyCode!.includes("〔") ? "invalid" : "legacy" });
      const pub = await t.app.inject({ url: `/api/v1/public/projects/${legacy}` });
      expect(pub.json().code, r.legacyCode).toBe(r.code);
      const events = (await officer.get(`/api/v1/projects/${legacy}/events`)).json().items.map((e: { type: string }) => e.type);
      expect(events).toContain("project.imported");
    }
    const local = sample.find((r) => r.legacyCode!.startsWith("杭发改"))!;
    const verified = (await officer.post("/api/v1/verifications", { code: local.legacyCode, purpose: "acceptance" })).json();
    expect(verified).toMatchObject({ valid: true, project: { code: local.code } });
    // A number nobody imported is still no code at all.
    expect((await officer.get(`/api/v1/projects/${encodeURIComponent("杭发改A〔2018〕99999号")}`)).json().error.code).toBe("PROJECT_CODE_INVALID");
    expect((await t.app.inject({ url: `/api/v1/codes/${encodeURIComponent("杭发改A〔2018〕99999号")}/check` })).json()).toMatchObject({ exists: false, format: "invalid" });
  }, 120_000);

  it("resumes after an interruption: every good row imported exactly once, the done ones skipped", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => goodRow("B", i));
    rows[6]!["unit.contactPhone"] = "电话未知"; // one bad row, reported on every run
    const file = join(dir, "resume.xlsx");
    await writeWorkbook(file, rows);
    const table = await readImportFile(file);
    const legacyCodes = rows.map((r) => String(r.legacyCode));
    const mapped = async () =>
      (await t.database.db.selectFrom("project").select(["legacy_code", "code"]).where("legacy_code", "in", legacyCodes).execute()).map((r) => r.legacy_code);

    // Stopped after 10 rows, as by `stopAfter`; then by a signal (Ctrl-C) raised while row 20 is under way.
    const first = await importProjects(ctx(), table, { fileName: "resume.xlsx", stopAfter: 10 });
    expect({ processed: first.processed, imported: first.imported, failed: first.failed, interrupted: first.interrupted }).toEqual({ processed: 10, imported: 9, failed: 1, interrupted: true });
    const controller = new AbortController();
    const second = await importProjects(ctx(), table, {
      fileName: "resume.xlsx",
      signal: controller.signal,
      onRow: (_, p) => p.processed === 20 && controller.abort(),
    });
    expect({ processed: second.processed, skipped: second.skipped, imported: second.imported, interrupted: second.interrupted }).toEqual({ processed: 20, skipped: 9, imported: 10, interrupted: true });
    expect(await mapped()).toHaveLength(19);

    const third = await importProjects(ctx(), table, { fileName: "resume.xlsx" });
    expect({ processed: third.processed, skipped: third.skipped, imported: third.imported, failed: third.failed, interrupted: third.interrupted }).toEqual({
      processed: 40,
      skipped: 19,
      imported: 20,
      failed: 1,
      interrupted: false,
    });
    const all = await mapped();
    expect(all).toHaveLength(39);
    expect(new Set(all).size).toBe(39);
    // A skipped row names the code it was given the first time.
    const firstCode = first.rows[0]!.code;
    expect(third.rows[0]).toMatchObject({ outcome: "skipped", code: firstCode });
    expect(third.rows[6]).toMatchObject({ outcome: "failed", errorCode: "VALIDATION_FAILED", problems: [expect.objectContaining({ path: "unit.contactPhone" })] });
  }, 60_000);

  it("on a dry run checks every row and stores nothing", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => goodRow("C", i));
    rows[3]!.industryCode = 99;
    const file = join(dir, "dry.xlsx");
    await writeWorkbook(file, rows);
    const before = [await count("project"), await count("organisation"), await count("audit_event")];
    const seen: RowOutcome[] = [];
    const summary = await importProjects(ctx(), await readImportFile(file), { fileName: "dry.xlsx", dryRun: true, onRow: (r) => seen.push(r) });
    expect({ wouldImport: summary.wouldImport, failed: summary.failed, imported: summary.imported, dryRun: summary.dryRun }).toEqual({ wouldImport: 29, failed: 1, imported: 0, dryRun: true });
    expect(seen.map((r) => r.outcome)).toEqual(summary.rows.map((r) => r.outcome));
    expect(summary.rows[3]).toMatchObject({ outcome: "failed", errorCode: "INDUSTRY_UNKNOWN", problems: [expect.objectContaining({ path: "industryCode" })] });
    expect(summary.rows.every((r) => r.code === undefined)).toBe(true);
    expect([await count("project"), await count("organisation"), await count("audit_event")]).toEqual(before);
  });
});

/** Runs `npm run import` as an operator would, against the given database. */
function runImport(args: string[], env: Record<string, string>) {
  const r = spawnSync("npm", ["run", "--silent", "import", "--", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("npm run import (the command itself)", () => {
  it("imports a CSV, writes the report, exits 1 on a bad row, resumes on a rerun, and exits 2 on an unusable header", async () => {
    const kind = testDatabaseKind();
    const dir = mkdtempSync(join(tmpdir(), "tzxm-import-cli-"));
    // PGlite: an on-disk copy of the template, released before the CLI opens it (the data-dir lock).
    let database: Database = kind === "pglite" ? await openDatabase({ dataDir: dir, loadDataDir: pgliteTemplate() }) : await createTestDatabase();
    const env: Record<string, string> =
      kind === "pglite" ? { DATA_DIR: dir } : { DATABASE_URL: connectionUrlOf(database), FIELD_ENCRYPTION_KEY: "ab".repeat(32) };
    try {
      if (kind === "pglite") await database.close();
      const header = COLUMNS.map(([en]) => en);
      const good = (i: number, over: Row = {}) => header.map((f) => {
        const v = { ...goodRow("D", i), plannedStart: "2018-03", ...over }[f];
        return v == null ? "" : String(v);
      });
      const csv =
        csvLine(header) +
        csvLine(good(0, { name: "滨江区一期, 二期改造工程" })) +
        csvLine(good(1, { constructionContent: "第一部分：车间\n第二部分：仓库" })) +
        csvLine(good(2, { "unit.creditCode": `${UNITS[2]!.creditCode.slice(0, 17)}${UNITS[2]!.creditCode.endsWith("0") ? "1" : "0"}` })) +
        csvLine(good(3, { classified: "是" }));
      const file = join(dir, "存量项目.csv");
      const report = join(dir, "out.csv");
      writeFileSync(file, `\uFEFF${csv}`);

      const first = runImport([file, "--report", report], env);
      expect(first.out).toContain("imported 2");
      expect(first.code, first.out).toBe(1);
      const text = readFileSync(report, "utf8");
      expect(text.startsWith("\uFEFF行号 Row,")).toBe(true);
      const lines = parseCsv(text).slice(1).map((r) => r.fields);
      expect(lines.map((l) => [l[0], l[2], l[4]])).toEqual([
        ["2", "imported", ""],
        ["3", "imported", ""],
        ["4", "failed", "CREDIT_CODE_INVALID"],
        ["5", "failed", "CLASSIFIED_PROJECT_REFUSED"],
      ]);
      expect(lines[0]![1]).toBe(goodRow("D", 0).legacyCode);
      expect(parseProjectCode(lines[0]![3]!).checkCharacterValid).toBe(true);
      expect(lines[2]![5]).toContain("unit.creditCode");
      expect(lines[2]![6]).toContain("统一社会信用代码");
      expect(lines[3]![1]).toBe(""); // a classified row: nothing but its number and the reason

      const again = runImport([file, "--report", report], env);
      expect(again.code, again.out).toBe(1);
      const rerun = parseCsv(readFileSync(report, "utf8")).slice(1).map((r) => r.fields);
      expect(rerun.map((l) => [l[2], l[3]])).toEqual([
        ["skipped", lines[0]![3]],
        ["skipped", lines[1]![3]],
        ["failed", ""],
        ["failed", ""],
      ]);

      if (kind === "pglite") database = await openDatabase({ dataDir: dir });
      const stored = await database.db.selectFrom("project").select(["code", "name"]).where("legacy_code", "in", [String(goodRow("D", 0).legacyCode), String(goodRow("D", 1).legacyCode)]).orderBy("name").execute();
      expect(stored.map((s) => s.name).sort()).toEqual(["存量项目D1号技术改造工程", "滨江区一期, 二期改造工程"].sort());
      if (kind === "pglite") await database.close();

      const noHeader = join(dir, "bad.csv");
      writeFileSync(noHeader, "项目名称,总投资\n某项目,100\n");
      const unusable = runImport([noHeader], env);
      expect(unusable.code, unusable.out).toBe(2);
      expect(unusable.out).toContain("缺少必填列");
    } finally {
      if (kind !== "pglite") await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
