import type { Db } from "../db/client";
import { CryptoError } from "./errors";
import { clearDataKeyCache, unwrapDataKey } from "./field-cipher";
import type { KeyProvider } from "./key-provider";

/**
 * Master key rotation (SEC-07 key lifecycle): re-wrap every data key with the provider's current
 * master key. Data keys and the values sealed under them do not change, so no protected value is
 * re-encrypted and blind indexes stay valid. All or nothing: one data key that cannot be unwrapped
 * (its master key is not listed) stops the run and nothing is written, so it can be fixed and re-run.
 */
export async function rewrapDataKeys(db: Db, provider: KeyProvider): Promise<{ rewrapped: number; alreadyCurrent: number }> {
  const result = await db.$transaction(
    async (tx) => {
      const rows = await tx.dataKey.findMany({ orderBy: { purpose: "asc" } });
      let rewrapped = 0;
      let alreadyCurrent = 0;
      for (const row of rows) {
        // Unwrapped even when current: a current id with the wrong key material is found now, by the
        // operator, not later by someone opening a survivor's record.
        const dek = unwrapDataKey(provider, row);
        try {
          if (row.masterKeyId === provider.currentKeyId) {
            alreadyCurrent++;
            continue;
          }
          const { keyId, wrapped } = provider.wrap(dek);
          // Never store a wrapped key that does not open again to the same bytes.
          if (!unwrapDataKey(provider, { ...row, masterKeyId: keyId, wrappedKey: wrapped }).equals(dek)) {
            throw new CryptoError("master-key-wrong", `Re-wrapping the data key for "${row.purpose}" with master key "${keyId}" did not round-trip.`);
          }
          const { count } = await tx.dataKey.updateMany({
            where: { id: row.id, masterKeyId: row.masterKeyId },
            data: { wrappedKey: wrapped, masterKeyId: keyId, rewrappedAt: new Date() },
          });
          if (count !== 1) throw new CryptoError("data-key-missing", `Data key for "${row.purpose}" changed during rotation: run it again.`);
          rewrapped++;
        } finally {
          dek.fill(0);
        }
      }
      return { rewrapped, alreadyCurrent };
    },
    { timeout: 60_000 },
  );
  clearDataKeyCache();
  return result;
}
