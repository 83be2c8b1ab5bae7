import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteTemplate } from "../../test/test-database.js";
import { acquireDataDirLock } from "./data-dir-lock.js";
import { openDatabase } from "./database.js";

const here = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(here, "../..");
let workDir: string;
let childScript: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "tzxm-lock-"));
  // A second application process, reduced to what matters: open the data directory, read, close. It does not
  // catch the error: a refused open must end the process by itself, as it would end the server's start-up.
  childScript = join(workDir, "open-data-dir.mts");
  writeFileSync(
    childScript,
    `import { openDatabase } from ${JSON.stringify(pathToFileURL(join(here, "database.ts")).href)};
const database = await openDatabase({ dataDir: process.argv[2] });
const row = await database.db.selectFrom("central_department").select("name").where("code", "=", "Y8").executeTakeFirst();
console.log(JSON.stringify(row ?? null));
await database.close();
`,
  );
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

function runSecondProcess(
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", childScript, dataDir], {
      cwd: serverDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

describe("the embedded data directory lock", () => {
  it("makes a second process opening the same DATA_DIR exit at once, naming the holder's PID", async () => {
    const dataDir = join(workDir, "held");
    const database = await openDatabase({ dataDir, loadDataDir: pgliteTemplate() });
    try {
      await database.db.insertInto("central_department").values({ code: "Y8", name: "锁检验" }).execute();

      const second = await runSecondProcess(dataDir);

      // Node ends a process on an unhandled rejection with exit code 1; a hang would be killed (code null).
      expect(second.code).toBe(1);
      expect(second.ms).toBeLessThan(15_000);
      expect(second.stderr).toContain(`PID ${process.pid}`);
      expect(second.stderr).toContain(dataDir);
      expect(second.stdout).toBe("");
      // The refused process left the holder's lock and data alone.
      expect(readFileSync(join(dataDir, "tzxm.lock"), "utf8")).toBe(String(process.pid));
      const row = await database.db
        .selectFrom("central_department")
        .select("name")
        .where("code", "=", "Y8")
        .executeTakeFirst();
      expect(row).toEqual({ name: "锁检验" });
    } finally {
      await database.close();
    }
    expect(existsSync(join(dataDir, "tzxm.lock"))).toBe(false);

    // Once the holder has closed it, the next process opens the directory and sees what was written.
    const next = await runSecondProcess(dataDir);
    expect(next.stderr).toBe("");
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout)).toEqual({ name: "锁检验" });
  });

  it("takes over a stale lock whose process is dead", async () => {
    const dataDir = join(workDir, "stale");
    const dead = spawn(process.execPath, ["-e", ""]);
    const deadPid = dead.pid;
    await new Promise((r) => dead.on("close", r));
    if (deadPid === undefined) throw new Error("no child process");
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, "tzxm.lock"), String(deadPid));

    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(join(dataDir, "tzxm.lock"), "utf8")).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dataDir)).toThrow(`PID ${process.pid}`);
    lock.release();
    expect(existsSync(join(dataDir, "tzxm.lock"))).toBe(false);
  });

  it("takes over a lock file that holds no PID (left half-written by a crash)", () => {
    const dataDir = join(workDir, "garbled");
    const lock0 = acquireDataDirLock(dataDir);
    lock0.release();
    writeFileSync(join(dataDir, "tzxm.lock"), "");
    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(join(dataDir, "tzxm.lock"), "utf8")).toBe(String(process.pid));
    lock.release();
  });
});
