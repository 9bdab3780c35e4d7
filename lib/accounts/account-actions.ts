import type { Db } from "../db/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { fieldCipher } from "../crypto";
import { revokeAllSessions } from "../auth/sessions";
import { acceptTotp } from "../auth/mfa";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret } from "../auth/totp";
import { todayInMassachusetts } from "../dates/calendar";
import { AppError } from "../errors";

/** "Sign out everywhere": every session of this user ends now (issue 4 §1). */
export async function signOutEverywhere(db: Db, actor: AuditActor & { id: string }) {
  await db.$transaction(async (tx) => {
    await revokeAllSessions(tx, actor.id);
    await recordAudit(tx, actor, { action: "auth.sign-out", details: { everywhere: true } });
  });
}

export async function signOutSession(db: Db, actor: AuditActor & { id: string }, sessionId: string) {
  await db.$transaction(async (tx) => {
    await tx.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date(), endReason: "signed-out" } });
    await recordAudit(tx, actor, { action: "auth.sign-out", details: { everywhere: false } });
  });
}

/** SEC-13: the yearly confidentiality and training acknowledgement. */
export async function acknowledgeTraining(db: Db, actor: AuditActor & { id: string }, now = new Date()) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { trainingAcknowledgedOn: todayInMassachusetts(now) } });
    await recordAudit(tx, actor, { action: "account.training-acknowledged", details: {} });
  });
}

/** Start TOTP enrolment: a new secret, stored encrypted, not yet in force. */
export async function startMfaEnrolment(db: Db, actor: AuditActor & { id: string }): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { mfaEnabledAt: true } });
  if (user.mfaEnabledAt) throw new AppError("MFA_ALREADY_ON", "AppErrors.mfaAlreadyOn");
  const secret = newTotpSecret();
  const sealed = await fieldCipher(db).seal("mfa-secret", secret);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { mfaSecretEnc: sealed, mfaLastStep: null } });
    await recordAudit(tx, actor, { action: "auth.mfa-enrolment-started", details: {} });
  });
  return secret;
}

/** The pending secret, for the QR code on the user's own enrolment page. */
export async function pendingMfaSecret(db: Db, userId: string): Promise<string | null> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaSecretEnc: true, mfaEnabledAt: true } });
  if (u.mfaEnabledAt || !u.mfaSecretEnc) return null;
  return fieldCipher(db).openText("mfa-secret", u.mfaSecretEnc);
}

/** Confirm enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmMfaEnrolment(db: Db, actor: AuditActor & { id: string }, sessionId: string, code: string, now = new Date()): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, mfaSecretEnc: true, mfaEnabledAt: true } });
  if (user.mfaEnabledAt || !user.mfaSecretEnc) throw new AppError("MFA_NOT_STARTED", "AppErrors.mfaNotStarted");
  if (!(await acceptTotp(db, user, code, now.getTime()))) throw new AppError("MFA_CODE_WRONG", "AppErrors.mfaCodeWrong", "code");
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { mfaEnabledAt: now } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.mfaRecoveryCode.createMany({ data: codes.map((c) => ({ userId: actor.id, codeHash: hashRecoveryCode(c) })) });
    await tx.session.update({ where: { id: sessionId }, data: { mfaVerifiedAt: now } });
    // Sessions opened with the password alone end: from now on this account needs both factors.
    await tx.session.updateMany({ where: { userId: actor.id, endedAt: null, id: { not: sessionId } }, data: { endedAt: now, endReason: "revoked" } });
    await recordAudit(tx, actor, { action: "auth.mfa-enrolled", details: {} });
  });
  return codes;
}
