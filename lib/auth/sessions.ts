import { randomBytes } from "node:crypto";
import type { Db, DbClient } from "../db/client";
import type { Role, UserStatus } from "../db/generated/enums";
import { env } from "../env";
import { recordAudit } from "../audit/record-audit";
import { hasStaffIdleTimeout } from "./roles";

/** Absolute session limit (issue 4: 12 hours), whatever the activity. */
export const ABSOLUTE_SESSION_MS = 12 * 3600_000;
const TOUCH_EVERY_MS = 30_000;

export function idleTimeoutMs(): number {
  return env().ACP_IDLE_TIMEOUT_SECONDS * 1000;
}

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export interface LiveSession {
  sessionId: string;
  mfaVerifiedAt: Date | null;
  createdAt: Date;
  lastSeenAt: Date;
  user: {
    id: string;
    role: Role;
    status: UserStatus;
    displayName: string;
    email: string;
    organisationId: string | null;
    revealDesignated: boolean;
    mfaEnabledAt: Date | null;
    trainingAcknowledgedOn: Date | null;
  };
}

export type SessionCheck = { live: LiveSession } | { ended: "idle" | "absolute" | "revoked" | "user-inactive" | "unknown" };

/**
 * Every request re-checks its session against the database (issue 4 §2): a deactivated user, a role
 * change or "sign out everywhere" (all bump the user's sessionVersion) ends it at once; staff
 * sessions also end after the idle timeout, and every session after 12 hours.
 */
export async function checkSession(db: Db, sid: string, uid: string, now = new Date()): Promise<SessionCheck> {
  const s = await db.session.findUnique({
    where: { id: sid },
    include: {
      user: {
        select: { id: true, role: true, status: true, displayName: true, email: true, organisationId: true, revealDesignated: true, mfaEnabledAt: true, trainingAcknowledgedOn: true, sessionVersion: true },
      },
    },
  });
  if (!s || s.userId !== uid) return { ended: "unknown" };
  if (s.endedAt) return { ended: (s.endReason as "idle") ?? "revoked" };
  let reason: "idle" | "absolute" | "revoked" | "user-inactive" | null = null;
  if (s.user.status !== "ACTIVE") reason = "user-inactive";
  else if (s.user.sessionVersion !== s.userVersion) reason = "revoked";
  else if (now.getTime() - s.createdAt.getTime() > ABSOLUTE_SESSION_MS) reason = "absolute";
  else if (hasStaffIdleTimeout(s.user.role) && now.getTime() - s.lastSeenAt.getTime() > idleTimeoutMs()) reason = "idle";
  if (reason) {
    await endSession(db, sid, reason, { id: s.user.id, role: s.user.role, ip: null });
    return { ended: reason };
  }
  // Renew the idle clock, but write at most every 30 s (sooner when the timeout itself is short).
  if (now.getTime() - s.lastSeenAt.getTime() > Math.min(TOUCH_EVERY_MS, idleTimeoutMs() / 4)) {
    await db.$transaction([
      db.session.update({ where: { id: sid }, data: { lastSeenAt: now } }),
      db.user.update({ where: { id: s.userId }, data: { lastActiveAt: now } }),
    ]);
  }
  const { sessionVersion, ...user } = s.user;
  void sessionVersion;
  return { live: { sessionId: s.id, mfaVerifiedAt: s.mfaVerifiedAt, createdAt: s.createdAt, lastSeenAt: now, user } };
}

export async function endSession(db: Db, sid: string, reason: "idle" | "absolute" | "revoked" | "user-inactive" | "signed-out", actor: { id: string; role: Role; ip: string | null }) {
  await db.$transaction(async (tx) => {
    const r = await tx.session.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
    if (r.count && reason !== "signed-out") {
      await recordAudit(tx, actor, { action: "auth.session-ended", details: { reason }, target: { type: "Session", id: sid.slice(0, 8) } });
    }
  });
}

/** Ends every session of the user, now and on their next request (sign out everywhere, deactivation, role change). */
export async function revokeAllSessions(tx: DbClient, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date(), endReason: "revoked" } });
}
