import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { localSecret, newMasterKeys } from "../config/local-secrets";
import { env } from "../env";
import { CryptoError, dataKeyDamaged, masterKeyMissing, masterKeyWrong } from "./errors";

/**
 * Holds the master keys that wrap data keys (SEC-07: the keys that encrypt data are themselves kept
 * encrypted, and the master key can change without re-encrypting data). `EnvKeyProvider` reads them
 * from ACP_MASTER_KEYS; a KMS provider would implement the same three members by calling its service
 * (see docs/decisions/0004-protected-field-encryption.md).
 */
export interface KeyProvider {
  /** The master key id new data keys are wrapped with. */
  readonly currentKeyId: string;
  wrap(dek: Buffer): { keyId: string; wrapped: string };
  /** Throws CryptoError: "master-key-missing", "master-key-wrong" or "data-key-damaged". */
  unwrap(keyId: string, wrapped: string): Buffer;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds a wrapped blob to its role: a wrapped data key is never accepted as anything else.
const WRAP_AAD = Buffer.from("acp-data-key", "utf8");
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Base64 that decodes to exactly what it says: Node's decoder skips junk, which would hide typos and tampering. */
export function strictBase64(text: string, encoding: "base64" | "base64url"): Buffer | null {
  const bytes = Buffer.from(text, encoding);
  return bytes.toString(encoding) === text ? bytes : null;
}

const invalid = (detail: string) => new CryptoError("master-keys-invalid", `ACP_MASTER_KEYS is not valid: ${detail}.`);

/**
 * Master keys from a string "id:base64(32 bytes)[,id:base64…]". The first is current; every listed
 * key can unwrap, so an old key stays listed until `npm run keys:rotate` has re-wrapped its data keys.
 */
export class EnvKeyProvider implements KeyProvider {
  readonly currentKeyId: string;
  readonly keyIds: readonly string[];
  // A private field: util.inspect and JSON.stringify never show it, so a logged provider leaks nothing.
  readonly #keys = new Map<string, Buffer>();

  constructor(spec: string) {
    const entries = spec.split(",");
    if (spec.trim() === "") throw invalid('expected "id:base64key[,id:base64key…]"');
    entries.forEach((entry, i) => {
      const colon = entry.indexOf(":");
      const id = colon < 0 ? "" : entry.slice(0, colon);
      // Error messages name the entry's position and id, never what follows the colon (SEC-05).
      if (!KEY_ID.test(id)) throw invalid(`entry ${i + 1} must be "id:base64key" with an id of letters, digits, "-" or "_"`);
      if (this.#keys.has(id)) throw invalid(`master key "${id}" is listed twice`);
      const key = strictBase64(entry.slice(colon + 1), "base64");
      if (!key || key.length !== KEY_BYTES) throw invalid(`master key "${id}" must be ${KEY_BYTES} bytes in base64 (44 characters)`);
      this.#keys.set(id, key);
    });
    this.keyIds = [...this.#keys.keys()];
    this.currentKeyId = this.keyIds[0];
  }

  wrap(dek: Buffer): { keyId: string; wrapped: string } {
    if (dek.length !== KEY_BYTES) throw new CryptoError("data-key-damaged", `A data key must be ${KEY_BYTES} bytes.`);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#keys.get(this.currentKeyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(WRAP_AAD);
    const body = Buffer.concat([cipher.update(dek), cipher.final()]);
    return { keyId: this.currentKeyId, wrapped: Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64") };
  }

  unwrap(keyId: string, wrapped: string): Buffer {
    const key = this.#keys.get(keyId);
    if (!key) throw masterKeyMissing(keyId);
    const blob = strictBase64(wrapped, "base64");
    if (!blob || blob.length !== IV_BYTES + KEY_BYTES + TAG_BYTES) throw dataKeyDamaged();
    const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(WRAP_AAD);
    decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(blob.subarray(IV_BYTES, blob.length - TAG_BYTES)), decipher.final()]);
    } catch (e) {
      // GCM cannot tell a different key from a changed blob; a different key is the usual cause.
      throw masterKeyWrong(keyId, undefined, e);
    }
  }
}

let fromEnv: EnvKeyProvider | undefined;

/**
 * The process's master keys: ACP_MASTER_KEYS, or outside production a key made on first use and
 * kept in the data folder (lib/config/local-secrets.ts; refused when ACP_ENV=production).
 */
export function keyProviderFromEnv(): KeyProvider {
  fromEnv ??= new EnvKeyProvider(env().ACP_MASTER_KEYS ?? localSecret("ACP_MASTER_KEYS", newMasterKeys));
  return fromEnv;
}
