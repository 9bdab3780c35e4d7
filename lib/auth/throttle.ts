import { createHash } from "node:crypto";
import type { DbClient } from "../db/client";

// SEC-03: lock after repeated failures, per account (default 5) and per client address (default 20),
// for 15 minutes. The account key is a hash of the typed e-mail address, so an address with no
// account locks the same way as a real one and the answer never tells which is which.
export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;

export function accountKey(email: string): string {
  return `acct:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}
export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/**
 * One atomic step of a counter: add one in a single upsert (parallel requests cannot lose a count)
 * and lock the key for LOCKOUT_MS once the count reaches `lockAt` within the window.
 * Returns whether the key is locked now.
 */
async function bump(db: DbClient, key: string, lockAt: number, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  const [row] = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" (key, failures, "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} AND ("SignInThrottle"."lockedUntil" IS NULL OR "SignInThrottle"."lockedUntil" < ${now}) THEN 1 ELSE "SignInThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} AND ("SignInThrottle"."lockedUntil" IS NULL OR "SignInThrottle"."lockedUntil" < ${now}) THEN ${now} ELSE "SignInThrottle"."windowStart" END,
      "lockedUntil" = CASE
        WHEN "SignInThrottle"."lockedUntil" > ${now} THEN "SignInThrottle"."lockedUntil"
        WHEN "SignInThrottle"."windowStart" >= ${windowStart} AND "SignInThrottle".failures + 1 >= ${lockAt} THEN ${lockUntil}
        ELSE NULL END
    RETURNING failures, "lockedUntil"`;
  return !!row.lockedUntil && row.lockedUntil > now;
}

/**
 * Count an attempt before checking it, and say whether the key is now over its limit. Counting
 * first means a burst of parallel guesses cannot slip past the lockout; a success clears the count
 * again (clearFailures).
 */
export async function countAttempt(db: DbClient, key: string, limit: number, now = new Date()): Promise<boolean> {
  return bump(db, key, limit + 1, now);
}

export async function isLocked(db: DbClient, keys: string[], now = new Date()): Promise<boolean> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  return rows.some((r) => r.lockedUntil && r.lockedUntil > now);
}

/** Count a failure (the client-address counter); the key locks when failures reach the limit. */
export async function recordFailure(db: DbClient, key: string, limit: number, now = new Date()): Promise<void> {
  await bump(db, key, limit, now);
}

export async function clearFailures(db: DbClient, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
