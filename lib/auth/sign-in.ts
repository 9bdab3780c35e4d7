import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { recordAudit } from "../audit/record-audit";
import { truncateIp } from "../logging/client-ip";
import { verifyPassword } from "./password";
import { keepsFullIp } from "./roles";
import { newSessionId } from "./sessions";
import { acceptTotp } from "./mfa";
import { accountKey, ACCOUNT_FAILURE_LIMIT, clearFailures, countAttempt, ipKey, IP_FAILURE_LIMIT, isLocked, recordFailure } from "./throttle";
import { hashRecoveryCode } from "./totp";

export type SignInError = "INVALID" | "LOCKED" | "MFA_REQUIRED" | "MFA_INVALID";
export type SignInResult = { ok: true; userId: string; sessionId: string; sessionVersion: number; role: Role } | { ok: false; error: SignInError };

export interface SignInInput {
  email: string;
  password: string;
  /** A 6-digit authenticator code, or a recovery code. */
  code?: string;
}

const ipFor = (ip: string, role: Role | null) => (keepsFullIp(role) ? ip : truncateIp(ip));

/**
 * Password sign-in with the second factor (SEC-02, SEC-03). An unknown address and a wrong password
 * give the same answer, take about the same time and count towards the same lockout.
 */
export async function signInWithPassword(db: Db, input: SignInInput, clientIp: string, now = new Date()): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [accountKey(email), ipKey(truncateIp(clientIp))];
  const user = await db.user.findUnique({ where: { email } });
  const actor = { id: user?.id ?? null, role: user?.role ?? null, ip: ipFor(clientIp, user?.role ?? null) };

  // The account's attempt is counted before the password is checked (a burst of parallel guesses
  // cannot pass the lockout); the client address counts failures only.
  const accountLocked = await countAttempt(db, keys[0], ACCOUNT_FAILURE_LIMIT, now);
  if (accountLocked || (await isLocked(db, [keys[1]], now))) {
    await recordAudit(db, actor, { action: "auth.sign-in-failed", outcome: "DENIED", details: { reason: "locked" } });
    return { ok: false, error: "LOCKED" };
  }
  const passwordOk = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !passwordOk || user.status !== "ACTIVE") {
    await db.$transaction(async (tx) => {
      await recordFailure(tx, keys[1], IP_FAILURE_LIMIT, now);
      await recordAudit(tx, actor, { action: "auth.sign-in-failed", outcome: "DENIED", details: { reason: user && passwordOk ? "inactive" : "bad-credentials" } });
    });
    return { ok: false, error: "INVALID" };
  }

  let method: "password" | "password+totp" | "password+recovery-code" = "password";
  if (user.mfaEnabledAt && user.mfaSecretEnc) {
    const code = input.code?.trim();
    if (!code) return { ok: false, error: "MFA_REQUIRED" };
    if (/^\d{3}\s?\d{3}$/.test(code)) {
      if (await acceptTotp(db, user, code, now.getTime())) method = "password+totp";
    } else {
      // Used up in the same statement that finds it: two sign-ins cannot share one recovery code.
      const used = await db.mfaRecoveryCode.updateMany({ where: { userId: user.id, usedAt: null, codeHash: hashRecoveryCode(code) }, data: { usedAt: now } });
      if (used.count > 0) method = "password+recovery-code";
    }
    if (method === "password") {
      await db.$transaction(async (tx) => {
        await recordFailure(tx, keys[1], IP_FAILURE_LIMIT, now);
        await recordAudit(tx, actor, { action: "auth.sign-in-failed", outcome: "DENIED", details: { reason: "mfa-invalid" } });
      });
      return { ok: false, error: "MFA_INVALID" };
    }
  }

  const sessionId = newSessionId();
  await db.$transaction(async (tx) => {
    await clearFailures(tx, keys[0]);
    await tx.session.create({
      data: { id: sessionId, userId: user.id, userVersion: user.sessionVersion, createdAt: now, lastSeenAt: now, mfaVerifiedAt: method === "password" ? null : now },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now, lastActiveAt: now, failedSignIns: 0 } });
    await recordAudit(tx, actor, { action: "auth.sign-in", details: { method }, target: { type: "Session", id: sessionId.slice(0, 8) } });
  });
  return { ok: true, userId: user.id, sessionId, sessionVersion: user.sessionVersion, role: user.role };
}

/**
 * Sign-in through the state identity provider: it has already checked the password and second
 * factor. The account must exist and be active here (accounts are created only by invitation).
 */
export async function signInWithIdentityProvider(db: Db, email: string, providerMfa: boolean, now = new Date()): Promise<SignInResult> {
  const user = email ? await db.user.findUnique({ where: { email: email.trim().toLowerCase() } }) : null;
  if (!user || user.status !== "ACTIVE") {
    await recordAudit(db, { id: user?.id ?? null, role: user?.role ?? null, ip: null }, { action: "auth.sign-in-failed", outcome: "DENIED", details: { reason: user ? "inactive" : "bad-credentials" } });
    return { ok: false, error: "INVALID" };
  }
  const sessionId = newSessionId();
  await db.$transaction(async (tx) => {
    await tx.session.create({ data: { id: sessionId, userId: user.id, userVersion: user.sessionVersion, createdAt: now, lastSeenAt: now, mfaVerifiedAt: providerMfa ? now : null } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now, lastActiveAt: now } });
    await recordAudit(tx, { id: user.id, role: user.role, ip: null }, { action: "auth.sign-in", details: { method: "oidc" }, target: { type: "Session", id: sessionId.slice(0, 8) } });
  });
  return { ok: true, userId: user.id, sessionId, sessionVersion: user.sessionVersion, role: user.role };
}
