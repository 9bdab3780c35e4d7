import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { resolveDatabaseConfig } from "../db/config";

/**
 * Where sealed evidence files are kept. A store only ever sees ciphertext (lib/evidence/vault.ts seals
 * before `put` and opens after `get`); it never decides anything about the content.
 *
 * The interface is deliberately the shape of an object store: whole-object put/get/delete by an opaque
 * key, no listing, no partial reads, no renames. An S3-compatible store (PutObject / GetObject /
 * DeleteObject on `<prefix><key>`) can implement it as it is; only the file-system store exists today.
 */
export interface EvidenceStore {
  /** Store `data` under `key`, replacing what was there. Nothing is visible under `key` until it is complete. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes stored under `key`; EvidenceNotFoundError when there are none. */
  get(key: string): Promise<Buffer>;
  /** Remove what is stored under `key`. Removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

/** Storage keys: random, lower-case letters and digits only, so a key can never name a path. */
export const STORAGE_KEY = /^[a-z0-9]{20,40}$/;

export class EvidenceNotFoundError extends Error {
  constructor() {
    super("No evidence file is stored under this key.");
    this.name = "EvidenceNotFoundError";
  }
}

export class InvalidStorageKeyError extends Error {
  constructor() {
    // The key is not echoed: whatever reached here was not made by us.
    super("Evidence storage key is not valid (expected 20 to 40 lower-case letters and digits).");
    this.name = "InvalidStorageKeyError";
  }
}

export function assertStorageKey(key: unknown): asserts key is string {
  if (typeof key !== "string" || !STORAGE_KEY.test(key)) throw new InvalidStorageKeyError();
}

const isErrno = (e: unknown, code: string) => e instanceof Error && (e as NodeJS.ErrnoException).code === code;

/**
 * Evidence files as files: `<rootDir>/<key>`, mode 0600, in a folder of mode 0700. A write goes to a
 * temporary file in the same folder, is flushed to disk, then renamed over the key, so a reader sees
 * the old file or the new one and never half of one, and a crash leaves at most a stray `.tmp` file.
 */
export class FileSystemEvidenceStore implements EvidenceStore {
  readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = path.resolve(/*turbopackIgnore: true*/ rootDir);
  }

  private file(key: string): string {
    assertStorageKey(key);
    return path.join(this.rootDir, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.file(key);
    await mkdir(this.rootDir, { recursive: true, mode: 0o700 });
    // The temporary name starts with "." and holds a "." so it can never be mistaken for a key.
    const tmp = path.join(this.rootDir, `.${key}.${randomBytes(6).toString("hex")}.tmp`);
    const handle = await open(tmp, "wx", 0o600);
    try {
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, target);
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw e;
    }
    // Make the rename itself durable. Not every platform can open a directory for fsync: best effort.
    const dir = await open(this.rootDir, "r").catch(() => null);
    if (dir) await dir.sync().catch(() => {}).finally(() => dir.close());
  }

  async get(key: string): Promise<Buffer> {
    const file = this.file(key);
    try {
      return await readFile(file);
    } catch (e) {
      if (isErrno(e, "ENOENT")) throw new EvidenceNotFoundError();
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    try {
      await unlink(file);
    } catch (e) {
      if (!isErrno(e, "ENOENT")) throw e;
    }
  }
}

/**
 * The evidence folder: ACP_EVIDENCE_DIR, else `<data folder>/evidence`, where the data folder is found
 * the way lib/config/local-secrets.ts finds it (the embedded database's folder, else ACP_DATA_DIR,
 * default ./.data).
 */
export function evidenceDir(source: Record<string, string | undefined> = process.env): string {
  // Read here directly, so this works without the whole validated environment; lib/env.ts lists
  // ACP_EVIDENCE_DIR too (keep the two in step).
  const override = source.ACP_EVIDENCE_DIR?.trim();
  if (override) return path.resolve(/*turbopackIgnore: true*/ override);
  const db = resolveDatabaseConfig(source);
  const dataDir = db.kind === "embedded" ? db.dataDir : path.resolve(/*turbopackIgnore: true*/ source.ACP_DATA_DIR?.trim() || ".data");
  return path.join(dataDir, "evidence");
}

/** The process's evidence store. */
export function defaultEvidenceStore(): EvidenceStore {
  return new FileSystemEvidenceStore(evidenceDir());
}
