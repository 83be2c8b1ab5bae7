import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sm3Hex } from "./crypto.js";
import { LocalFileStore } from "./file-store.js";

const dirs: string[] = [];
async function store(): Promise<LocalFileStore> {
  const dir = await mkdtemp(join(tmpdir(), "tzxm-files-"));
  dirs.push(dir);
  return new LocalFileStore(dir);
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

describe("LocalFileStore", () => {
  it("stores bytes under their SM3 digest and reads them back", async () => {
    const s = await store();
    const bytes = Buffer.from("可行性研究报告 feasibility study", "utf8");
    const stored = await s.put(bytes);
    expect(stored).toEqual({ key: sm3Hex(bytes), sm3: sm3Hex(bytes), size: bytes.length });
    const opened = await s.open(stored.key);
    expect(opened?.size).toBe(bytes.length);
    expect(await readAll(opened!.stream)).toEqual(bytes);
  });

  it("stores the same bytes once and leaves no temporary files", async () => {
    const s = await store();
    const a = await s.put(Buffer.from("same"));
    const b = await s.put(Buffer.from("same"));
    expect(a.key).toBe(b.key);
    const leaf = join(s.root, a.key.slice(0, 2), a.key.slice(2, 4));
    expect(await readdir(leaf)).toEqual([a.key]);
  });

  it("answers null for unknown or malformed keys instead of touching other paths", async () => {
    const s = await store();
    expect(await s.open("0".repeat(64))).toBeNull();
    expect(await s.open("../../etc/passwd")).toBeNull();
  });
});
