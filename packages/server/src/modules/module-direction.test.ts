import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The module direction of docs/ARCHITECTURE.md, checked on the source: a module imports only modules of an earlier
 * rank (modules of one rank do not know each other), `audit` is used by all and itself uses only what identifies an
 * actor, and `ops` (health, metrics) may look at anything. Later modules reach earlier ones' transactions only
 * through ports wired in http/app.ts or main.ts, which live outside modules/ and are not checked here.
 */
const RANKS: readonly (readonly string[])[] = [
  ["reference"],
  ["identity"],
  ["messages"],
  ["projects"],
  ["catalogue"],
  ["materials"],
  ["portal-content"],
  ["cases"],
  ["intermediary-services", "monitoring", "supervision", "e-supervision"],
  ["disclosure"],
  ["analytics"],
];
const USED_BY_ALL = new Set(["audit"]);
const AUDIT_MAY_USE = new Set(["reference", "identity"]);
const SEES_ALL = new Set(["ops"]);

const MODULES_DIR = dirname(fileURLToPath(import.meta.url));

function rankOf(module: string): number {
  return RANKS.findIndex((rank) => rank.includes(module));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every module a file imports (static, type-only, re-exports and dynamic imports alike), by folder name. */
function importedModules(file: string, text = readFileSync(file, "utf8")): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers.flatMap((specifier) => {
    const target = relative(MODULES_DIR, resolve(dirname(file), specifier));
    if (target.startsWith("..")) return [];
    return [target.split(sep)[0] ?? ""];
  });
}

function mayUse(module: string, used: string): boolean {
  if (used === module || SEES_ALL.has(module)) return true;
  if (USED_BY_ALL.has(module)) return AUDIT_MAY_USE.has(used);
  return USED_BY_ALL.has(used) || rankOf(used) < rankOf(module);
}

function violations(): string[] {
  const found: string[] = [];
  const modules = readdirSync(MODULES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const module of modules) {
    for (const file of sourceFiles(join(MODULES_DIR, module))) {
      for (const used of new Set(importedModules(file))) {
        if (!mayUse(module, used)) found.push(`${relative(MODULES_DIR, file)} → ${used}`);
      }
    }
  }
  return found;
}

describe("module direction (docs/ARCHITECTURE.md)", () => {
  it("places every module folder in the direction", () => {
    const modules = readdirSync(MODULES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(modules.filter((m) => rankOf(m) < 0 && !USED_BY_ALL.has(m) && !SEES_ALL.has(m))).toEqual([]);
  });

  it("has no module import a later one, or one of its own rank", () => {
    expect(violations()).toEqual([]);
  });

  it("would catch an import against the direction", () => {
    const file = join(MODULES_DIR, "projects", "certificate", "probe.ts");
    const text = `import type { X } from "../../cases/cases.service.js";\nexport { y } from "../export.js";\nconst z = await import("../../supervision/supervision.service.js");`;
    expect(importedModules(file, text)).toEqual(["cases", "projects", "supervision"]);
    expect(mayUse("projects", "cases")).toBe(false);
    expect(mayUse("cases", "projects")).toBe(true);
    expect(mayUse("monitoring", "supervision")).toBe(false); // one rank: they do not know each other
    expect(mayUse("audit", "cases")).toBe(false);
    expect(mayUse("cases", "audit")).toBe(true);
  });
});
