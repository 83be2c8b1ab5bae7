import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个进程（PID ${pid}）使用，本进程退出以免损坏数据。\n` +
        `The data directory ${dataDir} is in use by another process (PID ${pid}); exiting so no data is lost. ` +
        "Stop that process first, or use a different DATA_DIR.",
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An exclusive lock on an embedded database directory. Two processes opening one PGlite directory lose data
 * silently (PGlite has no lock of its own), so the second one must stop at once. The lock file holds the
 * owner's PID; a lock whose owner died is stale and is taken over atomically (rename, then create-exclusive).
 */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "tzxm.lock");
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockPath, "utf8") === String(process.pid)) rmSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let owner = Number.NaN;
      try {
        owner = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      } catch {
        continue; // removed meanwhile: try again
      }
      if (Number.isFinite(owner) && isAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      try {
        renameSync(lockPath, `${lockPath}.stale-${process.pid}-${attempt}`);
        rmSync(`${lockPath}.stale-${process.pid}-${attempt}`, { force: true });
      } catch {
        /* another process took it over first: loop and look again */
      }
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
