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
