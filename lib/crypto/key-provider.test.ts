import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { CryptoError } from "./errors";
import { EnvKeyProvider } from "./key-provider";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");
const dek = () => randomBytes(32);

function thrown(f: () => unknown): CryptoError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CryptoError);
    return e as CryptoError;
  }
  throw new Error("expected a CryptoError");
}

describe("EnvKeyProvider", () => {
  it("wraps with the first key and unwraps to the same bytes", () => {
    const p = new EnvKeyProvider(`k1:${k1}`);
    const key = dek();
    const { keyId, wrapped } = p.wrap(key);
    expect(keyId).toBe("k1");
    expect(p.currentKeyId).toBe("k1");
    expect(Buffer.from(wrapped, "base64")).toHaveLength(12 + 32 + 16); // iv || ciphertext || tag
    expect(wrapped).not.toContain(key.toString("base64"));
    expect(p.unwrap("k1", wrapped).equals(key)).toBe(true);
  });

  it("uses a fresh IV for every wrap", () => {
    const p = new EnvKeyProvider(`k1:${k1}`);
    const key = dek();
    expect(p.wrap(key).wrapped).not.toBe(p.wrap(key).wrapped);
  });

  it("unwraps with any listed key, wraps with the first", () => {
    const old = new EnvKeyProvider(`k1:${k1}`).wrap(dek());
    const p = new EnvKeyProvider(`k2:${k2},k1:${k1}`);
    expect(p.currentKeyId).toBe("k2");
    expect(p.keyIds).toEqual(["k2", "k1"]);
    expect(p.unwrap("k1", old.wrapped)).toHaveLength(32);
    expect(p.wrap(dek()).keyId).toBe("k2");
  });

  it("refuses a key id it does not have, naming it", () => {
    const { wrapped } = new EnvKeyProvider(`k2:${k2}`).wrap(dek());
    const e = thrown(() => new EnvKeyProvider(`k1:${k1}`).unwrap("k2", wrapped));
    expect(e.code).toBe("master-key-missing");
    expect(e.message).toBe('Master key "k2" is not configured (ACP_MASTER_KEYS): cannot unwrap data key.');
  });

  it("refuses the same id with different key material: wrong key", () => {
    const { wrapped } = new EnvKeyProvider(`k1:${k1}`).wrap(dek());
    const e = thrown(() => new EnvKeyProvider(`k1:${k2}`).unwrap("k1", wrapped));
    expect(e.code).toBe("master-key-wrong");
    expect(e.message).toBe('Cannot unwrap data key with master key "k1": wrong key.');
    expect(e.message).not.toContain(k1);
    expect(e.message).not.toContain(k2);
  });

  it("fails closed on a changed or cut wrapped key", () => {
    const p = new EnvKeyProvider(`k1:${k1}`);
    const { wrapped } = p.wrap(dek());
    const bytes = Buffer.from(wrapped, "base64");
    bytes[20] ^= 1;
    expect(thrown(() => p.unwrap("k1", bytes.toString("base64"))).code).toBe("master-key-wrong");
    expect(thrown(() => p.unwrap("k1", wrapped.slice(0, -4))).code).toBe("data-key-damaged");
    expect(thrown(() => p.unwrap("k1", `${wrapped}!`)).code).toBe("data-key-damaged");
  });

  it("wraps only 32-byte data keys", () => {
    expect(() => new EnvKeyProvider(`k1:${k1}`).wrap(randomBytes(16))).toThrow(CryptoError);
  });

  it.each([
    ["", /^ACP_MASTER_KEYS is not valid: expected "id:base64key/],
    ["k1", /^ACP_MASTER_KEYS is not valid: entry 1 must be "id:base64key"/],
    [`:${k1}`, /^ACP_MASTER_KEYS is not valid: entry 1 must be "id:base64key"/],
    [`k 1:${k1}`, /^ACP_MASTER_KEYS is not valid: entry 1 must be "id:base64key"/],
    [`k1:${k1},`, /^ACP_MASTER_KEYS is not valid: entry 2 must be "id:base64key"/],
    [`k1:${k1},k1:${k2}`, /^ACP_MASTER_KEYS is not valid: master key "k1" is listed twice\.$/],
    [`k1:${randomBytes(16).toString("base64")}`, /^ACP_MASTER_KEYS is not valid: master key "k1" must be 32 bytes in base64/],
    [`k1:${k1.replace(/=$/, "")}`, /^ACP_MASTER_KEYS is not valid: master key "k1" must be 32 bytes/],
    [`k1:${k1} `, /^ACP_MASTER_KEYS is not valid: master key "k1" must be 32 bytes/],
    [`k1:${k1.slice(0, 20)}!${k1.slice(21)}`, /^ACP_MASTER_KEYS is not valid: master key "k1" must be 32 bytes/],
  ])("rejects a malformed ACP_MASTER_KEYS (%#) in one line without key material", (spec, message) => {
    const e = thrown(() => new EnvKeyProvider(spec));
    expect(e.code).toBe("master-keys-invalid");
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain("\n");
    expect(e.message).not.toContain(k1.slice(0, 20));
    expect(e.message).not.toContain(k2.slice(0, 20));
  });

  it("never shows its keys when logged", () => {
    const p = new EnvKeyProvider(`k2:${k2},k1:${k1}`);
    for (const shown of [inspect(p, { depth: 10, showHidden: true }), JSON.stringify(p), String(p)]) {
      expect(shown).not.toContain(k1.slice(0, 20));
      expect(shown).not.toContain(k2.slice(0, 20));
    }
  });
});
