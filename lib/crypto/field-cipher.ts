import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { CryptoError, dataKeyDamaged, integrityFailed, masterKeyMissing, masterKeyWrong, unknownFormat } from "./errors";
import { keyProviderFromEnv, strictBase64, type KeyProvider } from "./key-provider";

/**
 * The one door for protected fields (SEC-07: application-level encryption of addresses, phones, date
 * of birth, evidence and second-factor secrets). Envelope scheme: one data key per purpose, stored
 * wrapped by a master key in the DataKey table; values sealed with AES-256-GCM under that data key.
 * Formats and rotation: docs/decisions/0004-protected-field-encryption.md.
 */
export const PROTECTED_PURPOSES = ["contact", "date-of-birth", "evidence", "mfa-secret", "blind-index"] as const;
export type ProtectedPurpose = (typeof PROTECTED_PURPOSES)[number];
/** Purposes whose values are sealed. The "blind-index" key only ever keys an HMAC: one key, one algorithm. */
export type SealPurpose = Exclude<ProtectedPurpose, "blind-index">;

/**
 * What the cipher needs of the database: the app client or, inside `db.$transaction(async (tx) => …)`,
 * the `tx` itself. It never opens or reaches for another client: on the embedded database a second
 * client inside a transaction waits for the first forever.
 */
export type CipherDb = Pick<Db, "dataKey">;

export interface FieldCipher {
  seal(purpose: SealPurpose, plaintext: string | Buffer): Promise<string>;
  open(purpose: SealPurpose, sealed: string): Promise<Buffer>;
  openText(purpose: SealPurpose, sealed: string): Promise<string>;
  /** HMAC-SHA256 (hex) for equality search without the plaintext. Normalise first (e.g. nameKey()). */
  blindIndex(value: string): Promise<string>;
}

const DEK_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^v1\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

interface CachedKey {
  purpose: ProtectedPurpose;
  dek: Buffer;
}

// Unwrapped data keys by DataKey id, for the life of the process: a data key never changes under
// its id (rotation re-wraps the same bytes), so one DataKey read per purpose is enough.
const dataKeys = new Map<string, CachedKey>();
// Purpose → DataKey id, only for rows known to be committed. A key created inside a caller's
// transaction may be rolled back with it; remembering it would seal later values under a key that
// no longer exists, and they could never be opened again.
const committedIds = new Map<ProtectedPurpose, string>();
// Ids this process created through a transaction client, until a read outside any transaction sees
// them. Inside a transaction (or a nested one) a read also sees the transaction's own uncommitted rows.
const unconfirmedIds = new Set<string>();

/** Forget every unwrapped data key (after rotation; in tests, between key providers). */
export function clearDataKeyCache(): void {
  // Not zeroed: a seal or open in flight may still hold the Buffer, and must not encrypt with zeros.
  // unconfirmedIds is kept: clearing the cache does not commit anyone's transaction.
  dataKeys.clear();
  committedIds.clear();
}

const isPurpose = (p: unknown): p is ProtectedPurpose => (PROTECTED_PURPOSES as readonly unknown[]).includes(p);

function assertSealPurpose(purpose: unknown): asserts purpose is SealPurpose {
  // The purpose is never echoed: swapped arguments would put the plaintext in the message (SEC-05).
  if (purpose === "blind-index") throw new CryptoError("purpose-invalid", 'Values are not sealed for "blind-index": use blindIndex().');
  if (!isPurpose(purpose)) throw new CryptoError("purpose-invalid", "Unknown protected purpose.");
}

/** Unwrap a stored data key, with errors that say which purpose and master key (shared with rotate.ts). */
export function unwrapDataKey(provider: KeyProvider, row: { purpose: string; masterKeyId: string; wrappedKey: string }): Buffer {
  let dek: Buffer;
  try {
    dek = provider.unwrap(row.masterKeyId, row.wrappedKey);
  } catch (e) {
    if (e instanceof CryptoError && e.code === "master-key-missing") throw masterKeyMissing(row.masterKeyId, row.purpose);
    if (e instanceof CryptoError && e.code === "master-key-wrong") throw masterKeyWrong(row.masterKeyId, row.purpose, e.cause);
    if (e instanceof CryptoError && e.code === "data-key-damaged") throw dataKeyDamaged(row.purpose);
    if (e instanceof CryptoError) throw e;
    throw new CryptoError("key-provider-failed", `Key provider failed to unwrap data key for "${row.purpose}" with master key "${row.masterKeyId}".`, { cause: e });
  }
  if (dek.length !== DEK_BYTES) throw dataKeyDamaged(row.purpose);
  return dek;
}

// Prisma removes $disconnect (ITXClientDenyList) from transaction clients; $transaction stays, for
// nested transactions, so it cannot tell them apart. A read through a top-level client sees only
// committed rows. tests/integration/crypto.test.ts ("rolled back") fails if this stops holding.
const isTopLevelClient = (db: CipherDb) => typeof (db as { $disconnect?: unknown }).$disconnect === "function";

/**
 * Seal and open protected values with the data keys in `db`. Pass the transaction client when inside
 * one. `provider` defaults to the process's master keys and is only consulted when a data key must
 * be created or unwrapped.
 */
export function fieldCipher(db: CipherDb, provider?: KeyProvider): FieldCipher {
  const keys = () => (provider ??= keyProviderFromEnv());

  function cache(row: { id: string; purpose: string; masterKeyId: string; wrappedKey: string }): CachedKey {
    const hit = dataKeys.get(row.id);
    if (hit) return hit;
    if (!isPurpose(row.purpose)) throw new CryptoError("purpose-invalid", "A data key has an unknown purpose.");
    const entry = { purpose: row.purpose, dek: unwrapDataKey(keys(), row) };
    dataKeys.set(row.id, entry);
    return entry;
  }

  function remember(purpose: ProtectedPurpose, id: string): void {
    if (isTopLevelClient(db)) unconfirmedIds.delete(id);
    if (!unconfirmedIds.has(id)) committedIds.set(purpose, id);
  }

  async function currentKey(purpose: ProtectedPurpose): Promise<{ id: string; dek: Buffer }> {
    const known = committedIds.get(purpose);
    const hit = known && dataKeys.get(known);
    if (known && hit) return { id: known, dek: hit.dek };

    const row = await db.dataKey.findUnique({ where: { purpose } });
    if (row) {
      const { dek } = cache(row);
      remember(purpose, row.id);
      return { id: row.id, dek };
    }

    // First use of this purpose: make its data key (SEC-07 key lifecycle: random, never derived).
    const id = randomBytes(16).toString("base64url");
    const dek = randomBytes(DEK_BYTES);
    const { keyId, wrapped } = keys().wrap(dek);
    // ON CONFLICT DO NOTHING rather than catching a unique violation: on PostgreSQL an error inside
    // the caller's transaction would abort it. A concurrent first use that won is read back below.
    const { count } = await db.dataKey.createMany({
      data: [{ id, purpose, wrappedKey: wrapped, masterKeyId: keyId }],
      skipDuplicates: true,
    });
    if (count === 1) {
      dataKeys.set(id, { purpose, dek });
      if (isTopLevelClient(db)) committedIds.set(purpose, id);
      else unconfirmedIds.add(id);
      return { id, dek };
    }
    const winner = await db.dataKey.findUnique({ where: { purpose } });
    // Only under a snapshot isolation level can the winner be invisible: try again in a new transaction.
    if (!winner) throw new CryptoError("data-key-missing", `Data key for "${purpose}" was created concurrently: try again.`);
    const { dek: theirs } = cache(winner);
    remember(purpose, winner.id);
    return { id: winner.id, dek: theirs };
  }

  async function keyById(id: string): Promise<CachedKey> {
    const hit = dataKeys.get(id);
    if (hit) return hit;
    const row = await db.dataKey.findUnique({ where: { id } });
    if (!row) throw new CryptoError("data-key-missing", "Protected value names a data key that does not exist.");
    return cache(row);
  }

  async function open(purpose: SealPurpose, sealed: string): Promise<Buffer> {
    assertSealPurpose(purpose);
    const m = typeof sealed === "string" ? SEALED.exec(sealed) : null;
    // Strict decoding: a changed character must never decode to the same bytes and slip through.
    const iv = m && strictBase64(m[2], "base64url");
    const body = m && strictBase64(m[3], "base64url");
    if (!m || !iv || !body || iv.length !== IV_BYTES || body.length < TAG_BYTES) throw unknownFormat();
    const key = await keyById(m[1]);
    // The AAD below enforces this too; checking first gives the clearer message.
    if (key.purpose !== purpose) throw new CryptoError("purpose-mismatch", `Protected value was not sealed for "${purpose}".`);
    const decipher = createDecipheriv("aes-256-gcm", key.dek, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    } catch (e) {
      throw integrityFailed(e); // fail closed: no partial plaintext leaves this function
    }
  }

  return {
    async seal(purpose, plaintext) {
      assertSealPurpose(purpose);
      const { id, dek } = await currentKey(purpose);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", dek, iv, { authTagLength: TAG_BYTES });
      // The purpose is the AAD: a contact sealed value cannot be replayed into a date-of-birth column.
      cipher.setAAD(Buffer.from(purpose, "utf8"));
      const input = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
      const body = Buffer.concat([cipher.update(input), cipher.final(), cipher.getAuthTag()]);
      if (input !== plaintext) input.fill(0); // our own copy of the plaintext; the caller's Buffer is theirs
      return `v1.${id}.${iv.toString("base64url")}.${body.toString("base64url")}`;
    },
    open,
    async openText(purpose, sealed) {
      const bytes = await open(purpose, sealed);
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        throw new CryptoError("not-text", "Protected value is not text.");
      } finally {
        bytes.fill(0);
      }
    },
    async blindIndex(value) {
      // Keyed by a data key, not a master key: rotating master keys leaves every index unchanged.
      const { dek } = await currentKey("blind-index");
      return createHmac("sha256", dek).update(value, "utf8").digest("hex");
    },
  };
}
