import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";

/**
 * Where uploaded files live (申请材料, 政策附件). Files are content-addressed by their SM3 digest, so the same
 * file uploaded twice is stored once, a key never changes meaning, and a stored file can be re-checked against
 * the digest the audit trail recorded. The interface is what an S3-compatible store (key = object name) would
 * implement for a multi-host deployment; the local implementation keeps files under DATA_DIR.
 */
export interface StoredFile {
  /** Storage key: the lowercase hex SM3 digest of the bytes. */
  key: string;
  sm3: string;
  size: number;
}

export interface FileStore {
  /** Stores the bytes durably (fsync'd) before answering; the same bytes give the same key. */
  put(bytes: Buffer): Promise<StoredFile>;
  /** The bytes of a stored file, or null when the key is unknown. */
  open(key: string): Promise<{ stream: Readable; size: number } | null>;
}

const KEY = /^[0-9a-f]{64}$/;

export class LocalFileStore implements FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a file-store key: ${key}`);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(bytes: Buffer): Promise<StoredFile> {
    const sm3 = createHash("sm3").update(bytes).digest("hex");
    const target = this.pathOf(sm3);
    const existing = await stat(target).catch(() => null);
    if (existing?.size === bytes.length) return { key: sm3, sm3, size: bytes.length };
    await mkdir(dirname(target), { recursive: true });
    // Write beside the target and rename: a crash leaves a stray temporary file, never a half-written key.
    const temporary = `${target}.${randomUUID()}.part`;
    const handle = await open(temporary, "wx", 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { key: sm3, sm3, size: bytes.length };
  }

  async open(key: string): Promise<{ stream: Readable; size: number } | null> {
    if (!KEY.test(key)) return null;
    const path = this.pathOf(key);
    const info = await stat(path).catch(() => null);
    if (!info) return null;
    return { stream: createReadStream(path), size: info.size };
  }
}
