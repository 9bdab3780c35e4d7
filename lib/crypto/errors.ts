/**
 * Why a protected value or a key could not be used. Every message is one line that names ids and
 * purposes only: never key material, never plaintext, never the sealed value (SEC-07, SEC-05).
 */
export type CryptoErrorCode =
  /** ACP_MASTER_KEYS is malformed. */
  | "master-keys-invalid"
  /** A data key is wrapped with a master key id this process does not have. */
  | "master-key-missing"
  /** The master key id is configured, but its key does not open the data key. */
  | "master-key-wrong"
  /** The key provider failed for another reason (a KMS that cannot be reached). */
  | "key-provider-failed"
  /** A stored wrapped data key is not in the expected form. */
  | "data-key-damaged"
  /** A sealed value names a data key that is not in the database. */
  | "data-key-missing"
  /** A purpose outside the closed list, or one that cannot be used this way. */
  | "purpose-invalid"
  /** A sealed value was sealed for another purpose. */
  | "purpose-mismatch"
  /** Not a sealed value in a format this code knows. */
  | "format"
  /** Authentication failed: the value was changed, or the key is not the one that sealed it. */
  | "integrity"
  /** openText() on a value that is not UTF-8 text. */
  | "not-text";

export class CryptoError extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CryptoError";
    this.code = code;
  }
}

const forPurpose = (purpose?: string) => (purpose ? ` for "${purpose}"` : "");

export const masterKeyMissing = (keyId: string, purpose?: string) =>
  new CryptoError("master-key-missing", `Master key "${keyId}" is not configured (ACP_MASTER_KEYS): cannot unwrap data key${forPurpose(purpose)}.`);

export const masterKeyWrong = (keyId: string, purpose?: string, cause?: unknown) =>
  new CryptoError("master-key-wrong", `Cannot unwrap data key${forPurpose(purpose)} with master key "${keyId}": wrong key.`, { cause });

export const dataKeyDamaged = (purpose?: string) =>
  new CryptoError("data-key-damaged", `Data key${forPurpose(purpose)} is damaged: cannot unwrap it.`);

export const integrityFailed = (cause?: unknown) =>
  new CryptoError("integrity", "Protected value failed its integrity check.", { cause });

export const unknownFormat = () => new CryptoError("format", "Protected value is not in a known format.");
