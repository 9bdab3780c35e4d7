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
 * Count an attempt before checking it, in one statement, and say whether the key is now over its
 * limit. Counting first means a burst of parallel guesses cannot slip past the lockout; a success
 * clears the count again (clearFailures).
 */
export async function countAttempt(db: DbClient, key: string, limit: number, now = new Date()): Promise<boolean> {
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
        WHEN "SignInThrottle"."windowStart" >= ${windowStart} AND "SignInThrottle".failures + 1 > ${limit} THEN ${lockUntil}
        ELSE NULL END
    RETURNING failures, "lockedUntil"`;
  return !!row.lockedUntil && row.lockedUntil > now;
}

export async function isLocked(db: DbClient, keys: string[], now = new Date()): Promise<boolean> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  return rows.some((r) => r.lockedUntil && r.lockedUntil > now);
}

export async function recordFailure(db: DbClient, key: string, limit: number, now = new Date()): Promise<void> {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  const fresh = !row || now.getTime() - row.windowStart.getTime() > FAILURE_WINDOW_MS;
  const failures = fresh ? 1 : row.failures + 1;
  const lockedUntil = failures >= limit ? new Date(now.getTime() + LOCKOUT_MS) : (row?.lockedUntil ?? null);
  await db.signInThrottle.upsert({
    where: { key },
    create: { key, failures, windowStart: now, lockedUntil },
    update: { failures, windowStart: fresh ? now : row!.windowStart, lockedUntil },
  });
}

export async function clearFailures(db: DbClient, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
