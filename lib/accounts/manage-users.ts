import { createHash, randomBytes } from "node:crypto";
import type { Db, DbClient } from "../db/client";
import type { Role } from "../db/generated/enums";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { revokeAllSessions } from "../auth/sessions";
import { subjectToIdleDisable } from "../auth/roles";
import { env } from "../env";
import { AppError } from "../errors";
import { enqueueMail } from "../mail/outbox";

export const INVITE_VALID_MS = 7 * 24 * 3600_000;
export const RESET_VALID_MS = 60 * 60_000;
/** SEC-04: accounts idle this long are disabled (a setting; the rule's default). */
export const IDLE_DISABLE_DAYS = 45;

export const hashToken = (t: string) => createHash("sha256").update(t).digest("hex");

/**
 * Roles that can always reveal protected fields (SEC-05). Only the Program Manager may give them or
 * take them away: the system administrator, who can never reveal, must not be able to make someone
 * who can (SEC-01 separation).
 */
const REVEALING_ROLES: Role[] = ["PROGRAM_MANAGER", "GENERAL_COUNSEL"];
function assertMayGrant(actor: { role: Role | null }, roles: Role[]) {
  if (roles.some((r) => REVEALING_ROLES.includes(r)) && actor.role !== "PROGRAM_MANAGER") {
    throw new AppError("REVEALING_ROLE", "AppErrors.revealingRole", "role");
  }
}

type Actor = AuditActor & { id: string };

/**
 * Invite a user (issue 4 §7): the account exists without a password until the person follows the
 * single-use link mailed to them. AA and agency accounts are never self-created.
 */
export async function inviteUser(db: Db, actor: Actor, input: InviteInput) {
  if (await db.user.findUnique({ where: { email: input.email.trim().toLowerCase() }, select: { id: true } })) {
    throw new AppError("EMAIL_TAKEN", "AppErrors.emailTaken", "email");
  }
  return db.$transaction((tx) => inviteUserTx(tx, actor, input));
}

export interface InviteInput {
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
}

/** The invitation inside a caller's transaction (registering an assistant sends one: issue 4 §7). */
export async function inviteUserTx(tx: DbClient, actor: Actor, input: InviteInput) {
  assertMayGrant(actor, [input.role]);
  const email = input.email.trim().toLowerCase();
  if ((input.role === "AGENCY_USER" || input.role === "APPLICATION_ASSISTANT") && !input.organisationId) {
    throw new AppError("ORG_REQUIRED", "AppErrors.orgRequired", "organisationId");
  }
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("EMAIL_TAKEN", "AppErrors.emailTaken", "email");
  const token = randomBytes(32).toString("base64url");
  const user = await tx.user.create({ data: { email, displayName: input.displayName.trim(), role: input.role, organisationId: input.organisationId } });
  const t = await tx.accountToken.create({ data: { userId: user.id, purpose: "INVITE", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITE_VALID_MS) } });
  await enqueueMail(tx, { recipient: email, template: "invite", link: `${env().ACP_APP_URL}/set-password?token=${token}`, idempotencyKey: `invite:${t.id}` });
  await recordAudit(tx, actor, { action: "account.invited", details: { role: input.role }, target: { type: "User", id: user.id } });
  return user;
}

/** Set a password from an invite or reset link. The link works once; every other session ends. */
export async function setPasswordWithToken(db: Db, token: string, password: string, ip: string | null) {
  const row = await db.accountToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { id: true, role: true, status: true } } } });
  if (!row || row.usedAt || row.expiresAt < new Date() || row.user.status !== "ACTIVE") {
    throw new AppError("TOKEN_INVALID", "AppErrors.tokenInvalid");
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const used = await tx.accountToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) throw new AppError("TOKEN_INVALID", "AppErrors.tokenInvalid");
    // Opening the link proves the address: invitations and self sign-up both verify it here.
    const verified = row.purpose === "EMAIL_VERIFICATION" || row.purpose === "INVITE" ? { emailVerifiedAt: new Date() } : {};
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, passwordChangedAt: new Date(), ...verified } });
    await revokeAllSessions(tx, row.userId);
    if (row.purpose === "EMAIL_VERIFICATION") await recordAudit(tx, { id: row.userId, role: row.user.role, ip }, { action: "account.email-verified", details: {} });
    await recordAudit(tx, { id: row.userId, role: row.user.role, ip }, { action: "auth.password-set", details: { via: row.purpose === "PASSWORD_RESET" ? "reset" : "invite" } });
  });
}

/**
 * Deactivation ends every session, spends every unused invite or reset link, and removes the PM's
 * reveal designation, so reactivation by an administrator cannot hand back what only the PM gives.
 */
export async function deactivate(tx: DbClient, userId: string, now = new Date()) {
  await tx.user.update({ where: { id: userId }, data: { status: "DEACTIVATED", deactivatedAt: now, revealDesignated: false } });
  await revokeAllSessions(tx, userId);
  await tx.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}

export type UserChange = { op: "deactivate" } | { op: "reactivate" } | { op: "change-role"; role: Role } | { op: "reset-mfa" } | { op: "send-reset" };

/** Deactivation, role change and MFA reset take effect at once: the user's sessions end (issue 4 §2). */
export async function updateUser(db: Db, actor: Actor, userId: string, change: UserChange) {
  if (userId === actor.id && change.op !== "reactivate" && change.op !== "send-reset") throw new AppError("SELF_CHANGE", "AppErrors.selfChange");
  const user = await db.user.findUnique({ where: { id: userId }, include: { assistant: { select: { id: true } } } });
  if (!user) throw new AppError("NOT_FOUND", "AppErrors.notFound4");
  await db.$transaction(async (tx) => {
    const target = { type: "User", id: userId };
    switch (change.op) {
      case "deactivate":
        if (user.status === "DEACTIVATED") throw new AppError("ALREADY", "AppErrors.already2");
        await deactivate(tx, userId);
        await recordAudit(tx, actor, { action: "account.deactivated", details: { reason: "admin" }, target });
        break;
      case "reactivate":
        if (user.status === "ACTIVE") throw new AppError("ALREADY", "AppErrors.already3");
        await tx.user.update({ where: { id: userId }, data: { status: "ACTIVE", deactivatedAt: null, lastActiveAt: new Date() } });
        await recordAudit(tx, actor, { action: "account.reactivated", details: {}, target });
        break;
      case "change-role":
        assertMayGrant(actor, [change.role, user.role]);
        if (change.role === user.role) throw new AppError("SAME_ROLE", "AppErrors.sameRole", "role");
        if (user.assistant && change.role !== "APPLICATION_ASSISTANT") throw new AppError("AA_LINKED", "AppErrors.aaLinked", "role");
        await tx.user.update({ where: { id: userId }, data: { role: change.role, revealDesignated: false } });
        await revokeAllSessions(tx, userId);
        await recordAudit(tx, actor, { action: "account.role-changed", details: { from: user.role, to: change.role }, target });
        break;
      case "send-reset": {
        // A reset link by e-mail, valid for an hour; asked for by an administrator (after checking who
        // is calling), never by a public form that anyone knowing an address could use.
        if (user.status !== "ACTIVE") throw new AppError("INACTIVE", "AppErrors.inactive");
        const token = randomBytes(32).toString("base64url");
        const t = await tx.accountToken.create({ data: { userId, purpose: "PASSWORD_RESET", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_VALID_MS) } });
        await enqueueMail(tx, { recipient: user.email, template: "password-reset", link: `${env().ACP_APP_URL}/set-password?token=${token}`, idempotencyKey: `password-reset:${t.id}` });
        await recordAudit(tx, actor, { action: "auth.password-reset-requested", details: {}, target });
        break;
      }
      case "reset-mfa":
        await tx.user.update({ where: { id: userId }, data: { mfaSecretEnc: null, mfaEnabledAt: null } });
        await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
        await revokeAllSessions(tx, userId);
        await recordAudit(tx, actor, { action: "account.mfa-reset", details: {}, target });
        break;
    }
  });
}

/** SEC-05: the Program Manager designates which program staff may reveal protected fields. */
export async function setRevealDesignation(db: Db, actor: Actor, userId: string, designated: boolean) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user || user.role !== "PROGRAM_STAFF") throw new AppError("NOT_STAFF", "AppErrors.notStaff");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { revealDesignated: designated } });
    await revokeAllSessions(tx, userId);
    await recordAudit(tx, actor, { action: "account.reveal-designation-changed", details: { designated }, target: { type: "User", id: userId } });
  });
}

/** SEC-04: disable staff, AA and agency accounts idle for 45 days. Run daily by the job runner. */
export async function disableIdleAccounts(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDLE_DISABLE_DAYS * 24 * 3600_000);
  const idle = await db.user.findMany({
    where: { status: "ACTIVE", OR: [{ lastActiveAt: { lt: cutoff } }, { lastActiveAt: null, createdAt: { lt: cutoff } }] },
    select: { id: true, role: true },
  });
  let n = 0;
  for (const u of idle.filter((x) => subjectToIdleDisable(x.role))) {
    await db.$transaction(async (tx) => {
      await deactivate(tx, u.id, now);
      await recordAudit(tx, { id: null, role: null, ip: null }, { action: "account.deactivated", details: { reason: "idle-45-days" }, target: { type: "User", id: u.id } });
    });
    n++;
  }
  return n;
}
