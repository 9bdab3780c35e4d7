import { spawnSync } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  clearDataKeyCache,
  CryptoError,
  EnvKeyProvider,
  fieldCipher,
  rewrapDataKeys,
  type CipherDb,
  type CryptoErrorCode,
  type SealPurpose,
} from "../../lib/crypto";
import { resolveDatabaseConfig } from "../../lib/db/config";
import { openDatabase, type Db, type DbHandle } from "../../lib/db/client";
import type { DataKey } from "../../lib/db/generated/client";
import { isEmbedded, openTestDatabase, type TestDatabase } from "../support/database";

const key1 = randomBytes(32).toString("base64");
const key2 = randomBytes(32).toString("base64");
const key3 = randomBytes(32).toString("base64");
const A = () => new EnvKeyProvider(`a:${key1}`);
const B = () => new EnvKeyProvider(`b:${key2}`);
const sealPurposes: SealPurpose[] = ["contact", "date-of-birth", "evidence", "mfa-secret"];
const address = "Apt 3, 12 Rue de l'Église, Chicopee — José Ñúñez 🏠 北京";

let t: TestDatabase;
let saved: DataKey[] = [];

/** Remove every data key: each test starts at the first use of every purpose. */
async function removeDataKeys(db: Db = t.db) {
  const ids = (await db.dataKey.findMany({ select: { id: true } })).map((r) => r.id);
  if (ids.length) await db.dataKey.deleteMany({ where: { id: { in: ids } } });
}

async function rejection(p: Promise<unknown>, code: CryptoErrorCode): Promise<CryptoError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CryptoError);
  expect((e as CryptoError).code).toBe(code);
  return e as CryptoError;
}

// The DataKey table is one per database; on the shared PostgreSQL test database other files may have
// made keys, so this file sets them aside and puts them back as it found them.
beforeAll(async () => {
  t = openTestDatabase();
  saved = await t.db.dataKey.findMany();
});
afterAll(async () => {
  await removeDataKeys();
  if (saved.length) await t.db.dataKey.createMany({ data: saved });
  await t.close();
});
beforeEach(async () => {
  await removeDataKeys();
  clearDataKeyCache();
});

describe("sealing protected values", () => {
  it("round-trips text for every purpose, and binary evidence", async () => {
    const c = fieldCipher(t.db, A());
    for (const purpose of sealPurposes) {
      const sealed = await c.seal(purpose, `${purpose}: ${address}`);
      expect(await c.openText(purpose, sealed)).toBe(`${purpose}: ${address}`);
    }
    const scan = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x0a]);
    expect((await c.open("evidence", await c.seal("evidence", scan))).equals(scan)).toBe(true);
    expect(await c.openText("contact", await c.seal("contact", ""))).toBe("");
    const rows = await t.db.dataKey.findMany({ orderBy: { purpose: "asc" } });
    expect(rows.map((r) => [r.purpose, r.masterKeyId])).toEqual([...sealPurposes].sort().map((p) => [p, "a"]));
  });

  it("opens with a new cipher and an empty cache, reading the data key back", async () => {
    const sealed = await fieldCipher(t.db, A()).seal("date-of-birth", "1990-02-28");
    clearDataKeyCache();
    expect(await fieldCipher(t.db, A()).openText("date-of-birth", sealed)).toBe("1990-02-28");
  });

  it("never stores the plaintext: the sealed value and the data key row hold neither it nor its encodings", async () => {
    const plain = "221B Baker Street, Boston MA 02118";
    const sealed = await fieldCipher(t.db, A()).seal("contact", plain);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/);
    const row = await t.db.dataKey.findUniqueOrThrow({ where: { purpose: "contact" } });
    expect(sealed.split(".")[1]).toBe(row.id);
    const stored = sealed + JSON.stringify(row);
    for (const form of [plain, "Baker", Buffer.from(plain).toString("base64").slice(0, 12), Buffer.from(plain).toString("base64url").slice(0, 12), Buffer.from(plain).toString("hex").slice(0, 12)]) {
      expect(stored).not.toContain(form);
    }
    expect(stored).not.toContain(key1);
  });

  it("gives different ciphertexts for the same plaintext", async () => {
    const c = fieldCipher(t.db, A());
    const [x, y] = [await c.seal("contact", address), await c.seal("contact", address)];
    expect(x).not.toBe(y);
    expect(x.split(".")[1]).toBe(y.split(".")[1]); // same data key
    expect(x.split(".")[2]).not.toBe(y.split(".")[2]); // fresh IV
  });

  it("refuses to open a value as another purpose", async () => {
    const c = fieldCipher(t.db, A());
    const sealed = await c.seal("contact", address);
    const e = await rejection(c.open("date-of-birth", sealed), "purpose-mismatch");
    expect(e.message).toBe('Protected value was not sealed for "date-of-birth".');
    await rejection(c.openText("mfa-secret", sealed), "purpose-mismatch");
  });

  it("refuses the blind-index key and unknown purposes for sealing, without echoing them", async () => {
    const c = fieldCipher(t.db, A());
    await rejection(c.seal("blind-index" as SealPurpose, "x"), "purpose-invalid");
    const e = await rejection(c.seal(address as SealPurpose, "contact"), "purpose-invalid");
    expect(e.message).not.toContain("Église");
    const index = await c.blindIndex("x");
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    const bi = await t.db.dataKey.findUniqueOrThrow({ where: { purpose: "blind-index" } });
    const forged = `v1.${bi.id}.${"A".repeat(16)}.${"A".repeat(22)}`;
    await rejection(c.open("contact", forged), "purpose-mismatch");
    await rejection(c.open("blind-index" as SealPurpose, forged), "purpose-invalid");
  });

  it("fails closed when any character of the value is changed", async () => {
    const c = fieldCipher(t.db, A());
    const sealed = await c.seal("contact", address);
    const [, id, iv, body] = sealed.split(".");

    const mid = Math.floor(body.length / 2);
    const flipped = `v1.${id}.${iv}.${body.slice(0, mid)}${body[mid] === "A" ? "B" : "A"}${body.slice(mid + 1)}`;
    const e = await rejection(c.open("contact", flipped), "integrity");
    expect(e.message).toBe("Protected value failed its integrity check.");

    // Every position of IV, ciphertext and tag: never plaintext, always a CryptoError.
    const start = `v1.${id}.`.length;
    for (let i = start; i < sealed.length; i++) {
      if (sealed[i] === ".") continue;
      const changed = sealed.slice(0, i) + (sealed[i] === "A" ? "B" : "A") + sealed.slice(i + 1);
      const err = await c.open("contact", changed).then(
        () => null,
        (x: unknown) => x,
      );
      expect(err, `position ${i}`).toBeInstanceOf(CryptoError);
      expect(["integrity", "format"]).toContain((err as CryptoError).code);
    }
    expect(await c.openText("contact", sealed)).toBe(address); // the original still opens
  });

  it("refuses values in an unknown format or naming an unknown data key", async () => {
    const c = fieldCipher(t.db, A());
    const sealed = await c.seal("contact", address);
    const [, id, iv, body] = sealed.split(".");
    for (const bad of ["", address, `v2.${id}.${iv}.${body}`, `v1.${id}.${iv}`, `v1.${id}.${iv}.${body}.x`, `v1.${id}.${iv}.${body.slice(0, 10)}`, `v1.${id}.${iv}=.${body}`, `v1.${id}.${iv}.${body} `]) {
      const e = await rejection(c.open("contact", bad), "format");
      expect(e.message).toBe("Protected value is not in a known format.");
    }
    await rejection(c.open("contact", `v1.${"x".repeat(22)}.${iv}.${body}`), "data-key-missing");
  });

  it("fails closed on a stored data key that was changed", async () => {
    const sealed = await fieldCipher(t.db, A()).seal("contact", address);
    const row = await t.db.dataKey.findUniqueOrThrow({ where: { purpose: "contact" } });
    const bytes = Buffer.from(row.wrappedKey, "base64");
    bytes[30] ^= 0x80;
    await t.db.dataKey.update({ where: { id: row.id }, data: { wrappedKey: bytes.toString("base64") } });
    clearDataKeyCache();
    await rejection(fieldCipher(t.db, A()).open("contact", sealed), "master-key-wrong");
    await t.db.dataKey.update({ where: { id: row.id }, data: { wrappedKey: "not a key" } });
    const e = await rejection(fieldCipher(t.db, A()).open("contact", sealed), "data-key-damaged");
    expect(e.message).toBe('Data key for "contact" is damaged: cannot unwrap it.');
  });
});

describe("master keys", () => {
  it("says which master key is missing when the provider does not list it", async () => {
    const sealed = await fieldCipher(t.db, A()).seal("contact", address);
    clearDataKeyCache();
    const e = await rejection(fieldCipher(t.db, B()).open("contact", sealed), "master-key-missing");
    expect(e.message).toBe('Master key "a" is not configured (ACP_MASTER_KEYS): cannot unwrap data key for "contact".');
    // Sealing a new value must not quietly make a second key: the purpose's key exists and is unusable.
    await rejection(fieldCipher(t.db, B()).seal("contact", address), "master-key-missing");
    expect(await t.db.dataKey.count({ where: { purpose: "contact" } })).toBe(1);
  });

  it("says wrong key when the id matches but the key material does not, never showing either", async () => {
    const sealed = await fieldCipher(t.db, A()).seal("contact", address);
    clearDataKeyCache();
    const e = await rejection(fieldCipher(t.db, new EnvKeyProvider(`a:${key2}`)).open("contact", sealed), "master-key-wrong");
    expect(e.message).toBe('Cannot unwrap data key for "contact" with master key "a": wrong key.');
    for (const secret of [key1, key2, address]) expect(e.message).not.toContain(secret);
    await rejection(fieldCipher(t.db, new EnvKeyProvider(`a:${key2}`)).seal("contact", "y"), "master-key-wrong");
  });

  it("rotates: re-wrapped data keys open with the new master key only, and values and indexes are unchanged", async () => {
    const before = fieldCipher(t.db, A());
    const sealedAddress = await before.seal("contact", address);
    const sealedDob = await before.seal("date-of-birth", "1984-07-04");
    const index = await before.blindIndex("jose nunez|1984-07-04");

    expect(await rewrapDataKeys(t.db, new EnvKeyProvider(`b:${key2},a:${key1}`))).toEqual({ rewrapped: 3, alreadyCurrent: 0 });
    const rows = await t.db.dataKey.findMany();
    expect(rows.map((r) => r.masterKeyId)).toEqual(["b", "b", "b"]);
    for (const r of rows) expect(r.rewrappedAt).toBeInstanceOf(Date);

    // The cache was cleared by the rotation: the old key alone no longer opens anything.
    await rejection(fieldCipher(t.db, A()).open("contact", sealedAddress), "master-key-missing");

    clearDataKeyCache();
    const after = fieldCipher(t.db, B());
    expect(await after.openText("contact", sealedAddress)).toBe(address);
    expect(await after.openText("date-of-birth", sealedDob)).toBe("1984-07-04");
    expect(await after.blindIndex("jose nunez|1984-07-04")).toBe(index);

    expect(await rewrapDataKeys(t.db, new EnvKeyProvider(`b:${key2},a:${key1}`))).toEqual({ rewrapped: 0, alreadyCurrent: 3 });
  });

  it("rotates all or nothing: a data key under an unlisted master key stops the run and nothing changes", async () => {
    await fieldCipher(t.db, A()).seal("contact", address);
    await fieldCipher(t.db, new EnvKeyProvider(`z:${key3}`)).seal("evidence", "scan");
    const e = await rejection(rewrapDataKeys(t.db, new EnvKeyProvider(`b:${key2},a:${key1}`)), "master-key-missing");
    expect(e.message).toBe('Master key "z" is not configured (ACP_MASTER_KEYS): cannot unwrap data key for "evidence".');
    const rows = await t.db.dataKey.findMany({ orderBy: { purpose: "asc" } });
    expect(rows.map((r) => [r.purpose, r.masterKeyId, r.rewrappedAt])).toEqual([
      ["contact", "a", null],
      ["evidence", "z", null],
    ]);
  });

  it("refuses to rotate when the current key id is listed with the wrong material", async () => {
    await fieldCipher(t.db, A()).seal("contact", address);
    await rejection(rewrapDataKeys(t.db, new EnvKeyProvider(`a:${key2}`)), "master-key-wrong");
  });
});

describe("blind index", () => {
  it("is 64 hex characters, deterministic, different for different inputs, and keyed", async () => {
    const c = fieldCipher(t.db, A());
    const x = await c.blindIndex("jose nunez|1984-07-04");
    expect(x).toMatch(/^[0-9a-f]{64}$/);
    expect(await c.blindIndex("jose nunez|1984-07-04")).toBe(x);
    clearDataKeyCache();
    expect(await fieldCipher(t.db, A()).blindIndex("jose nunez|1984-07-04")).toBe(x);
    expect(await c.blindIndex("jose nunez|1984-07-05")).not.toBe(x);
    expect(await c.blindIndex("")).toMatch(/^[0-9a-f]{64}$/);
    // Not a plain hash or an HMAC under the master key: guessing names and dates offline gets nowhere.
    expect(x).not.toBe(createHash("sha256").update("jose nunez|1984-07-04").digest("hex"));
    expect(x).not.toBe(createHmac("sha256", Buffer.from(key1, "base64")).update("jose nunez|1984-07-04").digest("hex"));
  });

  it("changes with a new blind-index data key (another deployment)", async () => {
    const x = await fieldCipher(t.db, A()).blindIndex("same");
    await removeDataKeys();
    clearDataKeyCache();
    expect(await fieldCipher(t.db, A()).blindIndex("same")).not.toBe(x);
  });
});

describe("data keys in the database", () => {
  it("reads each purpose's data key once per process", async () => {
    await fieldCipher(t.db, A()).seal("contact", "warm-up"); // created through the app client: known committed
    clearDataKeyCache();
    const calls: string[] = [];
    const counting: CipherDb = {
      dataKey: new Proxy(t.db.dataKey, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          return typeof v === "function" ? (...args: unknown[]) => (calls.push(String(prop)), v.apply(target, args)) : v;
        },
      }),
    };
    const c = fieldCipher(counting, A());
    const sealed = await c.seal("contact", address);
    await c.seal("contact", address);
    await c.openText("contact", sealed);
    await fieldCipher(counting, A()).openText("contact", sealed);
    expect(calls).toEqual(["findUnique"]);
  });

  it("makes one data key when many first uses race", async () => {
    const c = fieldCipher(t.db, A());
    const sealed = await Promise.all(Array.from({ length: 8 }, (_, i) => c.seal("mfa-secret", `secret ${i}`)));
    expect(await t.db.dataKey.count({ where: { purpose: "mfa-secret" } })).toBe(1);
    clearDataKeyCache();
    const d = fieldCipher(t.db, A());
    expect(await Promise.all(sealed.map((s) => d.openText("mfa-secret", s)))).toEqual(Array.from({ length: 8 }, (_, i) => `secret ${i}`));
  });

  it("works inside a transaction with the transaction client, and commits the new key with it", async () => {
    const sealed = await t.db.$transaction(async (tx) => {
      const c = fieldCipher(tx, A());
      const s = await c.seal("contact", address);
      expect(await c.openText("contact", s)).toBe(address);
      return s;
    });
    clearDataKeyCache();
    expect(await fieldCipher(t.db, A()).openText("contact", sealed)).toBe(address);
  });

  it("does not remember a data key made in a transaction that rolled back", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        const c = fieldCipher(tx, A());
        await c.seal("evidence", "first");
        await c.seal("evidence", "second"); // reads its own uncommitted key back
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await t.db.dataKey.count({ where: { purpose: "evidence" } })).toBe(0);
    const sealed = await fieldCipher(t.db, A()).seal("evidence", "third");
    const id = sealed.split(".")[1];
    expect(await t.db.dataKey.findUnique({ where: { id } })).not.toBeNull();
    clearDataKeyCache();
    expect(await fieldCipher(t.db, A()).openText("evidence", sealed)).toBe("third");
  });

  it("does not trust a nested transaction's view of a key the outer one made", async ({ skip }) => {
    if (isEmbedded()) return skip(); // pglite-prisma-adapter has no savepoints, so no nested transactions
    await expect(
      t.db.$transaction(async (tx) => {
        await fieldCipher(tx, A()).seal("date-of-birth", "2001-01-01");
        await tx.$transaction(async (inner) => {
          await fieldCipher(inner, A()).seal("date-of-birth", "2001-01-02");
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const sealed = await fieldCipher(t.db, A()).seal("date-of-birth", "2001-01-03");
    expect(await t.db.dataKey.findUnique({ where: { id: sealed.split(".")[1] } })).not.toBeNull();
  });
});

describe("npm run keys:rotate", () => {
  const tsx = path.resolve("node_modules/.bin/tsx");
  function run(env: Record<string, string>) {
    const base = { ...process.env };
    for (const k of ["DATABASE_URL", "ACP_DATA_DIR", "ACP_ENV", "ACP_DB_LOCK_TOKEN", "ACP_AUTO_MIGRATE", "ACP_MASTER_KEYS"]) delete base[k];
    const r = spawnSync(tsx, ["scripts/keys-rotate.ts"], { env: { ...base, ...env }, encoding: "utf8", timeout: 60_000 });
    const lines = (s: string) => s.split("\n").filter((l) => l.trim() && !l.startsWith("npm warn"));
    return { code: r.status, stdout: lines(r.stdout), stderr: lines(r.stderr) };
  }

  /**
   * A database the script can use. The embedded database is one process's at a time, so there it is a
   * private copy that this process closes while the script runs (handOver) and opens again after.
   */
  function scriptDatabase() {
    const target = inject("testDatabase");
    if (target.kind === "postgres") {
      return { db: () => t.db, childEnv: t.childEnv, handOver: async () => {}, takeBack: () => {}, dispose: async () => {} };
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), "acp-test-rotate-"));
    cpSync(target.templateDir, dir, { recursive: true });
    const config = resolveDatabaseConfig({ DATABASE_URL: `pglite:${dir}` });
    let h: DbHandle | undefined = openDatabase(config, "test");
    return {
      db: () => h!.db,
      childEnv: { DATABASE_URL: `pglite:${dir}` },
      async handOver() {
        await h?.close();
        h = undefined;
      },
      takeBack() {
        h = openDatabase(config, "test");
      },
      async dispose() {
        await h?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it("re-wraps every data key with the first master key and says so in one line", async () => {
    const s = scriptDatabase();
    try {
      const c = fieldCipher(s.db(), A());
      const sealed = await c.seal("contact", address);
      await c.seal("date-of-birth", "1984-07-04");
      await c.blindIndex("x");
      await s.handOver();

      const missing = run({ ...s.childEnv, ACP_MASTER_KEYS: `b:${key2}` });
      expect(missing.stderr).toEqual(['keys:rotate: Master key "a" is not configured (ACP_MASTER_KEYS): cannot unwrap data key for "blind-index".']);
      expect(missing.code).toBe(1);
      const r = run({ ...s.childEnv, ACP_MASTER_KEYS: `b:${key2},a:${key1}` });
      expect(r.stderr).toEqual([]);
      expect(r.stdout).toEqual(['Re-wrapped 3 data keys with master key "b" (0 already current).']);
      expect(r.code).toBe(0);

      s.takeBack();
      clearDataKeyCache();
      expect((await s.db().dataKey.findMany()).map((k) => k.masterKeyId)).toEqual(["b", "b", "b"]);
      expect(await fieldCipher(s.db(), B()).openText("contact", sealed)).toBe(address);
    } finally {
      await s.dispose();
    }
  });

  it("rejects a malformed ACP_MASTER_KEYS in one line without showing the key", () => {
    const short = randomBytes(30).toString("base64"); // 40 characters: passes the variable's shape check, not the length
    const r = run({ ...t.childEnv, ACP_MASTER_KEYS: `k1:${short}` });
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual(['keys:rotate: ACP_MASTER_KEYS is not valid: master key "k1" must be 32 bytes in base64 (44 characters).']);
  });
});
