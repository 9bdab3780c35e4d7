import type { Db } from "../db/client";
import type { ContactKind } from "../db/generated/enums";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PROTECTED_FIELDS, REVEAL_PURPOSES } from "../audit/events";
import { can, type Actor } from "../auth/policy";
import { trainingCurrent } from "../auth/training";
import { acceptTotp } from "../auth/mfa";
import { participantScope } from "../auth/scopes";
import { revokeAllSessions } from "../auth/sessions";
import { accountKey, ACCOUNT_FAILURE_LIMIT, clearFailures, countAttempt } from "../auth/throttle";
import { fieldCipher } from "../crypto";
import { AppError } from "../errors";

export type ProtectedField = (typeof PROTECTED_FIELDS)[number];
export type RevealPurpose = (typeof REVEAL_PURPOSES)[number];

/** A reveal needs a second-factor confirmation no older than this (issue 4 §6). */
export const REVEAL_MFA_MAX_AGE_MS = 5 * 60_000;

const CONTACT_KIND: Partial<Record<ProtectedField, ContactKind>> = { residence: "RESIDENCE", school: "SCHOOL", work: "WORK", mailing: "MAILING", phone: "PHONE" };

export interface RevealRequest {
  participantId: string;
  field: ProtectedField;
  purpose: RevealPurpose;
  reason: string;
  /** Needed when the session's last second-factor check is over 5 minutes old. */
  code?: string;
}

export interface RevealContext {
  actor: Actor & AuditActor & { id: string; trainingAcknowledgedOn: Date | null };
  sessionId: string;
  mfaVerifiedAt: Date | null;
}

/**
 * The checks before any protected read (participants' fields, application answers, evidence): the
 * policy, the yearly training, a fresh second factor (a code is accepted here when the last one is
 * older than 5 minutes). A refusal is audited and thrown as an AppError.
 */
export async function passRevealGate(
  db: Db,
  ctx: RevealContext,
  req: { field: ProtectedField; target: { type: string; id: string }; purpose: RevealPurpose; code?: string },
  now = new Date(),
): Promise<void> {
  const target = req.target;
  const refuse = async (why: "not-permitted" | "mfa-stale" | "training-due", error: AppError) => {
    await recordAudit(db, ctx.actor, { action: "protected.reveal-refused", outcome: "DENIED", details: { field: req.field, why }, target, purpose: req.purpose });
    throw error;
  };
  if (!can(ctx.actor, "protected:reveal")) await refuse("not-permitted", new AppError("FORBIDDEN", "AppErrors.forbidden"));
  if (!trainingCurrent(ctx.actor.trainingAcknowledgedOn, now)) {
    await refuse("training-due", new AppError("TRAINING_DUE", "AppErrors.trainingDue"));
  }
  const fresh = ctx.mfaVerifiedAt && now.getTime() - ctx.mfaVerifiedAt.getTime() <= REVEAL_MFA_MAX_AGE_MS;
  if (!fresh) {
    if (!req.code) await refuse("mfa-stale", new AppError("MFA_STALE", "AppErrors.mfaStale", "code"));
    const u = await db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { id: true, email: true, mfaSecretEnc: true } });
    // The same lockout as sign-in: a session left open must not be a way to guess codes (SEC-03).
    const key = accountKey(u.email);
    if (await countAttempt(db, key, ACCOUNT_FAILURE_LIMIT, now)) {
      await db.$transaction(async (tx) => {
        await revokeAllSessions(tx, u.id);
        await recordAudit(tx, ctx.actor, { action: "auth.mfa-failed", outcome: "DENIED", details: {} });
      });
      throw new AppError("LOCKED", "AppErrors.locked");
    }
    if (!(await acceptTotp(db, u, req.code!, now.getTime()))) {
      await recordAudit(db, ctx.actor, { action: "auth.mfa-failed", outcome: "DENIED", details: {} });
      throw new AppError("MFA_WRONG", "AppErrors.mfaWrong", "code");
    }
    await db.$transaction(async (tx) => {
      await clearFailures(tx, key);
      await tx.session.update({ where: { id: ctx.sessionId }, data: { mfaVerifiedAt: now } });
      await recordAudit(tx, ctx.actor, { action: "auth.mfa-confirmed", details: { method: "totp" } });
    });
  }
}

/**
 * "Reveal, not show" (SEC-05, SEC-11): the only reader of a protected field. In order: the policy,
 * the yearly training, a fresh second factor, then the audit record is committed, and only then is
 * the value decrypted and returned. If the audit write fails, nothing is revealed.
 */
export async function revealProtectedField(db: Db, ctx: RevealContext, req: RevealRequest, now = new Date()): Promise<string[]> {
  const target = { type: "Participant", id: req.participantId };
  await passRevealGate(db, ctx, { field: req.field, target, purpose: req.purpose, code: req.code }, now);

  const participant = await db.participant.findFirst({ where: { AND: [participantScope(ctx.actor), { id: req.participantId }] }, select: { id: true, dateOfBirthEnc: true } });
  if (!participant) throw new AppError("NOT_FOUND", "AppErrors.notFound");
  const kind = CONTACT_KIND[req.field];
  const sealed =
    req.field === "date-of-birth"
      ? participant.dateOfBirthEnc
        ? [participant.dateOfBirthEnc]
        : []
      : kind
        ? (await db.protectedContact.findMany({ where: { participantId: participant.id, kind, supersededAt: null }, select: { valueEnc: true }, orderBy: { createdAt: "asc" } })).map((c) => c.valueEnc)
        : [];
  // The audit record first, committed on its own: no record, no reveal.
  try {
    await recordAudit(db, ctx.actor, { action: "protected.revealed", details: { field: req.field }, target, purpose: req.purpose, reason: req.reason });
  } catch {
    throw new AppError("AUDIT_FAILED", "AppErrors.auditFailed");
  }
  const cipher = fieldCipher(db);
  return Promise.all(sealed.map((s) => cipher.openText(req.field === "date-of-birth" ? "date-of-birth" : "contact", s)));
}
