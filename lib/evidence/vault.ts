import { createHash, randomBytes } from "node:crypto";
import { fieldCipher, type CipherDb, type KeyProvider } from "../crypto";
import { EVIDENCE_MAX_BYTES } from "./file-type";
import { assertStorageKey, type EvidenceStore } from "./storage";

/**
 * Evidence at rest (SEC-07): every file is sealed with the "evidence" data key before it reaches the
 * store, and opened only after it leaves it. The store, its backups and whoever can read its disk or
 * bucket only ever see ciphertext.
 *
 * `db` is the app client or, inside a transaction, the transaction client (see fieldCipher).
 */
export interface SealedEvidence {
  /** Where the sealed file is kept in the store: 32 random lower-case hex characters. */
  storageKey: string;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
}

/** A new random storage key (128 bits): it says nothing about the file, the applicant or the time. */
export const newStorageKey = (): string => randomBytes(16).toString("hex");

/**
 * Seal `bytes` and write them to `store` under a new key. If the caller's own record of the file then
 * cannot be saved, it should `store.delete(storageKey)` so no orphan is left behind.
 */
export async function sealEvidence(
  db: CipherDb,
  store: EvidenceStore,
  bytes: Uint8Array,
  provider?: KeyProvider,
): Promise<SealedEvidence> {
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new RangeError(`Evidence file is larger than ${EVIDENCE_MAX_BYTES} bytes.`);
  const plaintext = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sha256 = createHash("sha256").update(plaintext).digest("hex");
  const sealed = await fieldCipher(db, provider).seal("evidence", plaintext);
  const storageKey = newStorageKey();
  await store.put(storageKey, Buffer.from(sealed, "utf8"));
  return { storageKey, sha256 };
}

/**
 * The plaintext of the evidence stored under `storageKey`. Fails closed (CryptoError) when the stored
 * file was changed, truncated, or sealed for another purpose; EvidenceNotFoundError when it is gone.
 */
export async function openEvidence(db: CipherDb, store: EvidenceStore, storageKey: string, provider?: KeyProvider): Promise<Buffer> {
  assertStorageKey(storageKey);
  const stored = await store.get(storageKey);
  return fieldCipher(db, provider).open("evidence", stored.toString("utf8"));
}
