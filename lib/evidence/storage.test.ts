import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EvidenceNotFoundError, evidenceDir, FileSystemEvidenceStore, InvalidStorageKeyError } from "./storage";
import { newStorageKey } from "./vault";

let root: string;
let store: FileSystemEvidenceStore;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "acp-evidence-unit-"));
  store = new FileSystemEvidenceStore(path.join(root, "evidence"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("FileSystemEvidenceStore", () => {
  it("stores, reads back and deletes, with private permissions", async () => {
    const key = newStorageKey();
    await store.put(key, Buffer.from("sealed-bytes"));
    const file = path.join(root, "evidence", key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(root, "evidence")).mode & 0o777).toBe(0o700);
    expect((await store.get(key)).toString()).toBe("sealed-bytes");
    // Replacing leaves exactly the new content and no temporary file.
    await store.put(key, Buffer.from("replaced"));
    expect(readFileSync(file, "utf8")).toBe("replaced");
    expect(readdirSync(path.join(root, "evidence"))).toEqual([key]);
    await store.delete(key);
    expect(existsSync(file)).toBe(false);
    await expect(store.get(key)).rejects.toBeInstanceOf(EvidenceNotFoundError);
    await expect(store.delete(key)).resolves.toBeUndefined(); // deleting twice is fine
  });

  it("refuses keys that could name another path", async () => {
    writeFileSync(path.join(root, "secret"), "outside");
    const bad = ["../secret", "..%2fsecret", "/etc/passwd", "abc", "A".repeat(32), "a".repeat(41), `${"a".repeat(31)}.`, `${"a".repeat(20)}/x`, "", `${"a".repeat(20)}\n`];
    for (const key of bad) {
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(store.put(key, Buffer.from("x"))).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    expect(readFileSync(path.join(root, "secret"), "utf8")).toBe("outside");
    expect(existsSync(path.join(root, "evidence"))).toBe(false);
  });

  it("accepts keys of 20 to 40 lower-case letters and digits", async () => {
    for (const key of ["a".repeat(20), "0".repeat(40), newStorageKey()]) {
      await store.put(key, Buffer.from(key));
      expect((await store.get(key)).toString()).toBe(key);
    }
    expect(newStorageKey()).toMatch(/^[0-9a-f]{32}$/);
    expect(newStorageKey()).not.toBe(newStorageKey());
  });
});

describe("evidenceDir", () => {
  it("is <data folder>/evidence, or ACP_EVIDENCE_DIR", () => {
    expect(evidenceDir({})).toBe(path.resolve(".data/evidence"));
    expect(evidenceDir({ ACP_DATA_DIR: "/srv/acp" })).toBe("/srv/acp/evidence");
    expect(evidenceDir({ DATABASE_URL: "pglite:/var/acp" })).toBe("/var/acp/evidence");
    expect(evidenceDir({ DATABASE_URL: "postgresql://u@db:5432/acp", ACP_DATA_DIR: "/srv/acp" })).toBe("/srv/acp/evidence");
    expect(evidenceDir({ DATABASE_URL: "postgresql://u@db:5432/acp" })).toBe(path.resolve(".data/evidence"));
    expect(evidenceDir({ ACP_EVIDENCE_DIR: "/mnt/evidence", ACP_DATA_DIR: "/srv/acp" })).toBe("/mnt/evidence");
  });
});
