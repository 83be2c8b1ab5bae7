#!/usr/bin/env node
// `npm start`: build the web application when it is missing or older than its sources, then run the server
// (TypeScript through tsx; no separate compile step to forget).
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const web = join(root, "packages/web");
const built = join(web, "dist/index.html");

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = [join(web, "src"), join(web, "index.html"), join(web, "vite.config.ts"), join(root, "packages/shared/src")];
const stale = !existsSync(built) || sources.some((s) => existsSync(s) && (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs) > statSync(built).mtimeMs);
if (stale) {
  console.log("构建前端 Building the web application…");
  const r = spawnSync("npm", ["run", "build", "-w", "@tzxm/web"], { stdio: "inherit", cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", join(root, "packages/server/src/main.ts")], { stdio: "inherit", cwd: root });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
