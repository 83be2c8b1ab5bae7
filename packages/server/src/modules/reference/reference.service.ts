import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/schema.js";
import { DomainError } from "../../platform/errors.js";
import * as repo from "./reference.repository.js";

/**
 * Reference data: administrative divisions (GB/T 2260), industries (GB/T 4754-2017) and the project code's
 * department and type tables (spec §2). The committed files in packages/server/seed-data are the source;
 * seeding copies them into the database, where every other module reads them.
 */

const SEED_DIR = new URL("../../../seed-data/", import.meta.url);

function readSeed<T>(file: string, schema: z.ZodType<T>): T {
  const url = new URL(file, SEED_DIR);
  const parsed = schema.safeParse(JSON.parse(readFileSync(url, "utf8")));
  if (!parsed.success) {
    throw new Error(`seed file ${url.pathname} is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

const regionCode = z.string().regex(/^\d{6}$/);
const isoDate = z.iso.date();

const regionsFile = z.object({
  source: z.string(),
  dataAsOf: isoDate,
  rows: z.array(
    z.union([
      z.tuple([regionCode, z.string().min(1), z.literal([1, 2, 3]), regionCode.nullable()]),
      z.tuple([regionCode, z.string().min(1), z.literal([1, 2, 3]), regionCode.nullable(), z.literal(1)]),
    ]),
  ),
});

const patchBase = { code: regionCode, effective: isoDate, source: z.string().min(1), sourceUrl: z.url().optional() };
const patchesFile = z.object({
  patches: z.array(
    z.discriminatedUnion("op", [
      z.strictObject({ op: z.literal("add"), ...patchBase, name: z.string().min(1), level: z.literal([1, 2, 3]), parentCode: regionCode.nullable() }),
      z.strictObject({ op: z.literal("rename"), ...patchBase, name: z.string().min(1) }),
      z.strictObject({ op: z.literal("abolish"), ...patchBase, successorCode: regionCode.optional() }),
    ]),
  ),
});
export type RegionPatch = z.output<typeof patchesFile>["patches"][number];

const industriesFile = z.object({
  standard: z.literal("GB/T 4754-2017"),
  rows: z.array(
    z.tuple([z.string().regex(/^([A-T]|\d{2,4})$/), z.string().min(1), z.enum(["section", "division", "group", "class"]), z.string().nullable()]),
  ),
});

const codeTablesFile = z.object({
  centralDepartments: z.array(z.tuple([z.string().regex(/^\d{2}$/), z.string().min(1)])),
  projectTypes: z.array(z.tuple([z.string().regex(/^\d{2}$/), z.string().min(1)])),
});

export function loadRegionSeed(): { rows: repo.RegionRow[]; patches: RegionPatch[] } {
  const file = readSeed("regions/regions-2023.json", regionsFile);
  const base = `NBS-2023 (${file.source}, as of ${file.dataAsOf})`;
  const rows = file.rows.map(([code, name, level, parentCode, statisticalOnly]) => ({
    code,
    name,
    level,
    parentCode,
    valid: true,
    source: statisticalOnly ? `NBS-2023 statistical-only (${file.source})` : base,
  }));
  // Parents first, for the foreign key.
  rows.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  return { rows, patches: readSeed("regions/patches.json", patchesFile).patches };
}

export function loadIndustrySeed(): repo.IndustryRow[] {
  const order = { section: 0, division: 1, group: 2, class: 3 } as const;
  return readSeed("industries-gb4754-2017.json", industriesFile)
    .rows.map(([code, name, level, parentCode]) => ({ code, name, level, parentCode }))
    .sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
}

export function loadCodeTables(): { centralDepartments: repo.CodeName[]; projectTypes: repo.CodeName[] } {
  const file = readSeed("project-code-tables.json", codeTablesFile);
  const toRows = (rows: Array<[string, string]>) => rows.map(([code, name]) => ({ code, name }));
  return { centralDepartments: toRows(file.centralDepartments), projectTypes: toRows(file.projectTypes) };
}

async function applyPatch(db: Kysely<DB>, patch: RegionPatch): Promise<void> {
  const source = `patch ${patch.effective}: ${patch.source}${patch.sourceUrl ? ` <${patch.sourceUrl}>` : ""}`;
  if (patch.op === "add") {
    await repo.upsertRegions(db, [{ code: patch.code, name: patch.name, level: patch.level, parentCode: patch.parentCode, valid: true, source }]);
    return;
  }
  const change = patch.op === "rename" ? { name: patch.name, source } : { valid: false, source };
  if (!(await repo.updateRegion(db, patch.code, change))) {
    throw new Error(`region patch ${patch.op} ${patch.code} (${patch.effective}): no such region`);
  }
}

/**
 * Loads every reference table from the seed files. Idempotent (insert … on conflict do update), in one
 * transaction; run it at every start-up or migration. Answers the number of rows in each table afterwards.
 */
export async function seedReferenceData(db: Kysely<DB>): Promise<{ regions: number; industries: number }> {
  const regions = loadRegionSeed();
  const industries = loadIndustrySeed();
  const tables = loadCodeTables();
  return db.transaction().execute(async (tx) => {
    await repo.upsertRegions(tx, regions.rows);
    for (const patch of regions.patches) await applyPatch(tx, patch);
    await repo.upsertIndustries(tx, industries);
    await repo.upsertCodeNames(tx, "central_department", tables.centralDepartments);
    await repo.upsertCodeNames(tx, "project_type", tables.projectTypes);
    return { regions: await repo.countRows(tx, "region"), industries: await repo.countRows(tx, "industry") };
  });
}

// --- Reading, with the module's errors ----------------------------------------------------------------------

export async function listRegions(db: Kysely<DB>, parentCode: string | null): Promise<repo.RegionRow[]> {
  if (parentCode !== null) await requireRegion(db, parentCode, "parent");
  return repo.listRegions(db, parentCode);
}

export async function getRegion(db: Kysely<DB>, code: string): Promise<repo.RegionWithPath> {
  const region = await repo.getRegion(db, code);
  if (!region) {
    throw new DomainError("NOT_FOUND", {
      fields: [{ path: "code", message: `行政区划代码 ${code} 不存在`, messageEn: `No administrative division has the code ${code}` }],
    });
  }
  return region;
}

/** A valid (not abolished) region, or REGION_UNKNOWN naming `path`: for any input that refers to a region. */
export async function requireRegion(db: Kysely<DB>, code: string, path: string): Promise<repo.RegionWithPath> {
  const region = /^\d{6}$/.test(code) ? await repo.getRegion(db, code) : undefined;
  if (!region?.valid) {
    throw new DomainError("REGION_UNKNOWN", {
      fields: [
        {
          path,
          message: region ? `行政区划 ${code}（${region.fullName}）已撤销` : `行政区划代码 ${code} 不存在`,
          messageEn: region ? `The division ${code} has been abolished` : `No administrative division has the code ${code}`,
        },
      ],
    });
  }
  return region;
}

export async function listIndustries(db: Kysely<DB>, parentCode: string | null): Promise<repo.IndustryRow[]> {
  if (parentCode !== null) await requireIndustry(db, parentCode, "parent");
  return repo.listIndustries(db, parentCode);
}

/** A GB/T 4754-2017 code known to the platform, or INDUSTRY_UNKNOWN naming `path`. */
export async function requireIndustry(db: Kysely<DB>, code: string, path: string): Promise<repo.IndustryRow> {
  const industry = await repo.getIndustry(db, code);
  if (!industry) {
    throw new DomainError("INDUSTRY_UNKNOWN", {
      fields: [{ path, message: `国民经济行业分类代码 ${code} 不存在`, messageEn: `No industry has the code ${code}` }],
    });
  }
  return industry;
}

export const listCentralDepartments = repo.listCentralDepartments;
export const listProjectTypes = repo.listProjectTypes;
