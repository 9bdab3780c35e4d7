// Protected fields go through here and nowhere else (SEC-07). See docs/decisions/0004-protected-field-encryption.md.
export { CryptoError, type CryptoErrorCode } from "./errors";
export { EnvKeyProvider, keyProviderFromEnv, type KeyProvider } from "./key-provider";
export {
  clearDataKeyCache,
  fieldCipher,
  PROTECTED_PURPOSES,
  type CipherDb,
  type FieldCipher,
  type ProtectedPurpose,
  type SealPurpose,
} from "./field-cipher";
export { rewrapDataKeys } from "./rotate";
