import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-database.js";
import type { Database } from "../../db/database.js";
import { DomainError } from "../../platform/errors.js";
import * as repo from "./reference.repository.js";
import {
  getRegion,
  listIndustries,
  listRegions,
  loadIndustrySeed,
  loadRegionSeed,
  requireIndustry,
  requireRegion,
  seedReferenceData,
} from "./reference.service.js";

let database: Database;
let first: { regions: number; industries: number };

beforeAll(async () => {
  database = await createTestDatabase();
  first = await seedReferenceData(database.db);
});
afterAll(async () => {
  await database.close();
});

async function domainCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("seedReferenceData", () => {
  it("loads every region of the 2023 file plus the patches, and the industry table", () => {
    // 31 + 342 + 2,975 rows in regions-2023.json, + 和康县 and 和安县 (patches.json).
    expect(first).toEqual({ regions: 3348 + 2, industries: 117 });
  });

  it("is idempotent", async () => {
    expect(await seedReferenceData(database.db)).toEqual(first);
    expect((await listRegions(database.db, null)).length).toBe(31);
  });

  it("restores a row someone changed, then re-applies the patches", async () => {
    await database.db.updateTable("region").set({ name: "改过的名字" }).where("code", "=", "330106").execute();
    await seedReferenceData(database.db);
    expect((await getRegion(database.db, "330106")).name).toBe("西湖区");
    expect((await getRegion(database.db, "653229")).source).toMatch(/^patch 2024-12-27: /);
  });
});

describe("regions", () => {
  it("lists the provinces and the children of one", async () => {
    const provinces = await listRegions(database.db, null);
    expect(provinces.map((p) => p.code)).toContain("330000");
    expect(provinces.every((p) => p.level === 1 && p.parentCode === null)).toBe(true);
    // 浙江省: 11 prefecture-level cities, 杭州市 330100 … 丽水市 331100.
    const zhejiang = await listRegions(database.db, "330000");
    expect(zhejiang.map((r) => r.name)).toEqual([
      "杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市",
    ]);
  });

  it("has the counties created in December 2024 under 和田地区", async () => {
    const hotan = (await listRegions(database.db, "653200")).map((r) => `${r.code} ${r.name}`);
    expect(hotan).toContain("653228 和康县");
    expect(hotan).toContain("653229 和安县");
    expect(hotan).toHaveLength(10);
  });

  it("answers a region with its ancestors and a breadcrumb name", async () => {
    const xihu = await getRegion(database.db, "330106");
    expect(xihu).toMatchObject({ code: "330106", name: "西湖区", level: 3, parentCode: "330100", valid: true, fullName: "浙江省 杭州市 西湖区" });
    expect(xihu.path).toEqual([
      { code: "330000", name: "浙江省", level: 1 },
      { code: "330100", name: "杭州市", level: 2 },
    ]);
    // Municipalities keep the 市辖区 row in the path but not in the name.
    const dongcheng = await getRegion(database.db, "110101");
    expect(dongcheng.path.map((p) => p.name)).toEqual(["北京市", "市辖区"]);
    expect(dongcheng.fullName).toBe("北京市 东城区");
    expect((await getRegion(database.db, "419001")).fullName).toBe("河南省 济源市");
    expect((await getRegion(database.db, "330000")).path).toEqual([]);
  });

  it("keeps 东莞市 as a prefecture only and marks statistical-only areas", async () => {
    expect(await getRegion(database.db, "441900")).toMatchObject({ level: 2, name: "东莞市" });
    expect((await getRegion(database.db, "130171")).source).toMatch(/statistical-only/);
    expect((await getRegion(database.db, "330106")).source).not.toMatch(/statistical-only/);
  });

  it("refuses unknown and abolished codes", async () => {
    expect(await domainCode(getRegion(database.db, "999999"))).toBe("NOT_FOUND");
    expect(await domainCode(listRegions(database.db, "999999"))).toBe("REGION_UNKNOWN");
    expect(await domainCode(requireRegion(database.db, "33010", "sites.0.regionCode"))).toBe("REGION_UNKNOWN");
    await repo.updateRegion(database.db, "330106", { valid: false, source: "test" });
    try {
      const error = await requireRegion(database.db, "330106", "sites.0.regionCode").catch((e: DomainError) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).options.fields?.[0]).toMatchObject({ path: "sites.0.regionCode", message: expect.stringContaining("已撤销") });
      expect((await listRegions(database.db, "330100")).map((r) => r.code)).not.toContain("330106");
      // Old projects keep their codes: the abolished row still answers.
      expect((await getRegion(database.db, "330106")).valid).toBe(false);
    } finally {
      await seedReferenceData(database.db);
    }
    expect((await requireRegion(database.db, "330106", "x")).valid).toBe(true);
  });
});

describe("industries", () => {
  it("has 20 sections and 97 divisions, each under an existing section, with unique codes", () => {
    const rows = loadIndustrySeed();
    const sections = rows.filter((r) => r.level === "section");
    const divisions = rows.filter((r) => r.level === "division");
    expect(sections.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
    expect(divisions.map((d) => d.code)).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, "0")));
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    const sectionCodes = new Set(sections.map((s) => s.code));
    for (const d of divisions) expect(sectionCodes.has(d.parentCode as string), d.code).toBe(true);
  });

  it("lists sections, and the divisions of manufacturing (C: 13-43)", async () => {
    expect((await listIndustries(database.db, null)).map((r) => r.code)).toHaveLength(20);
    const manufacturing = await listIndustries(database.db, "C");
    expect(manufacturing).toHaveLength(31);
    expect(manufacturing[0]).toEqual({ code: "13", name: "农副食品加工业", level: "division", parentCode: "C" });
    expect(manufacturing.at(-1)?.code).toBe("43");
    expect(await requireIndustry(database.db, "44", "industryCode")).toMatchObject({ name: "电力、热力生产和供应业", parentCode: "D" });
    expect(await domainCode(requireIndustry(database.db, "98", "industryCode"))).toBe("INDUSTRY_UNKNOWN");
    expect(await domainCode(listIndustries(database.db, "Z"))).toBe("INDUSTRY_UNKNOWN");
  });
});

describe("code tables (spec §2)", () => {
  it("holds the default central department and project type tables", async () => {
    const departments = await repo.listCentralDepartments(database.db);
    expect(departments).toHaveLength(19);
    expect(departments[0]).toEqual({ code: "01", name: "国家发展和改革委员会" });
    expect(departments.at(-1)).toEqual({ code: "99", name: "其他" });
    expect(await repo.listProjectTypes(database.db)).toEqual([
      { code: "01", name: "基本建设" },
      { code: "02", name: "技术改造" },
      { code: "03", name: "单纯购置" },
      { code: "04", name: "信息化" },
      { code: "99", name: "其他" },
    ]);
  });
});

describe("seed files", () => {
  it("regions: 31 provinces, 342 prefecture rows, 2,975 county rows, every parent present, codes unique", () => {
    const { rows, patches } = loadRegionSeed();
    const byLevel = [1, 2, 3].map((l) => rows.filter((r) => r.level === l).length);
    expect(byLevel).toEqual([31, 342, 2975]);
    const codes = new Set(rows.map((r) => r.code));
    expect(codes.size).toBe(rows.length);
    for (const r of rows) if (r.parentCode !== null) expect(codes.has(r.parentCode), r.code).toBe(true);
    for (const p of patches) expect(p.source.length).toBeGreaterThan(10);
  });
});
