import { createHash, randomInt } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { fieldCipher } from "../crypto";
import { isoDate, todayInMassachusetts } from "../dates/calendar";
import { LEGAL_ROUTES } from "../dissemination/record-dissemination";
import { env } from "../env";
import { AppError } from "../errors";
import { nameKey } from "../participants/name-key";
import { isValidParticipantNumber, normalizeParticipantNumber } from "../participants/participant-number";

/**
 * Confirm-only verification (130.06(3), rules 3.J): an agency gives the card number and last name
 * (and may give the date of birth). The only answers are "active, valid until <date>" or "no active
 * participant matches": never the address, the reason for participation, the household, or which
 * detail failed (130.06(5)). Every check is a disclosure and goes into the dissemination log
 * (SEC-10) in the same statement as the lookup.
 */

export const verifySchema = z.object({
  participantNumber: z.string().trim().min(1, "Validation.participantNumber").max(20, "Validation.participantNumber"),
  lastName: z.string().trim().min(1, "Validation.lastName").max(60, "Validation.max60"),
  dateOfBirth: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Validation.dateFormat")
    .optional(),
});
export type VerifyInput = z.infer<typeof verifySchema>;

/** The whole answer: nothing else is ever returned (the API's JSON is exactly this shape). */
export type VerifyAnswer = { active: true; validUntil: string } | { active: false };

export type VerifyCaller =
  | { kind: "user"; userId: string; organisationId: string | null; recipientName: string; organisation: string | null; role: "AGENCY_USER"; ip: string }
  | { kind: "key"; apiKeyId: string; organisationId: string; recipientName: string; organisation: string }
  /** The phone route (130.06(3)): program staff check for an agency caller and read the answer out. */
  | { kind: "phone"; staffId: string; staffName: string; staffRole: "PROGRAM_STAFF" | "PROGRAM_MANAGER"; organisationId: string; recipientName: string; organisation: string; ip: string };


const SWEEP_WINDOW_MS = 10 * 60_000;
const KEY_SHARDS = 16;

function minuteWindow(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

/**
 * One round trip for the common case: count the caller's quota, look the participant up, and write
 * the dissemination-log row, in one statement (a typed raw query: the speed target needs it,
 * and the shape is checked by the tests against the Prisma models).
 */
export async function verifyParticipant(db: Db, caller: VerifyCaller, input: VerifyInput, now = new Date()): Promise<VerifyAnswer> {
  const e = env();
  // An agency system sends many requests at once: one counter row would make them queue behind each
  // other's row lock, so its quota is spread over KEY_SHARDS rows (each holding an equal share).
  const shard = caller.kind === "key" ? randomInt(0, KEY_SHARDS) : 0;
  const limit = caller.kind === "key" ? Math.ceil(e.ACP_VERIFY_KEY_PER_MINUTE / KEY_SHARDS) : e.ACP_VERIFY_USER_PER_MINUTE;
  const callerKey = caller.kind === "user" ? `verify:user:${caller.userId}` : caller.kind === "phone" ? `verify:staff:${caller.staffId}` : `verify:key:${caller.apiKeyId}:${shard}`;
  const reason = caller.kind === "phone" ? `By phone; checked by ${caller.staffName}` : null;
  const number = normalizeParticipantNumber(input.participantNumber);
  // A mistyped number (bad check digit) can match no one; it is still counted and logged.
  const lookupNumber = isValidParticipantNumber(number) ? number : "";
  const key = nameKey(input.lastName);
  const today = todayInMassachusetts(now);
  const cipher = fieldCipher(db);
  const subjectKey = await cipher.blindIndex(`verify|${number}`);
  const withDob = !!input.dateOfBirth;

  const params = [
    callerKey,
    minuteWindow(now).toISOString(),
    lookupNumber,
    key,
    isoDate(today),
    caller.recipientName,
    caller.organisation,
    caller.organisationId,
    caller.kind === "user" ? caller.userId : null,
    caller.kind === "key" ? caller.apiKeyId : null,
    LEGAL_ROUTES.VERIFICATION,
    subjectKey,
    now.toISOString(),
    limit,
    withDob,
    reason,
  ];
  const rows = await runStatement(db, params);
  const r = rows[0];
  if (r.count > limit) {
    if (r.count === limit + 1) await alertOnce(db, caller, "verification-throttled", now);
    throw new AppError("THROTTLED", "AppErrors.verifyThrottled");
  }
  let active = !!r.id && !!r.expiresOn;
  const validUntil = r.expiresOn ?? "";
  if (withDob) {
    // A date of birth, when given, must match too; it is sealed, so it is compared here.
    if (active && r.dateOfBirthEnc) active = (await cipher.openText("date-of-birth", r.dateOfBirthEnc)) === input.dateOfBirth;
    else if (active) active = false;
    await db.disseminationLog.create({
      data: {
        kind: "VERIFICATION",
        participantId: active ? r.id : null,
        disclosed: active ? `Verification: active, valid until ${validUntil}` : "Verification: no active participant matches",
        recipientName: caller.recipientName,
        recipientOrganisation: caller.organisation,
        organisationId: caller.organisationId,
        userId: caller.kind === "user" ? caller.userId : null,
        apiKeyId: caller.kind === "key" ? caller.apiKeyId : null,
        legalRoute: LEGAL_ROUTES.VERIFICATION,
        subjectKey,
        reason,
        at: now,
      },
    });
  }
  // A sweep (many distinct numbers from one person) is checked on every request of an agency user
  // (30 a minute at most, so the count is small). An agency system checks many people by design:
  // its key has a quota, and no sweep alert.
  if (caller.kind === "user") await checkSweep(db, caller, now);
  return active ? { active: true, validUntil } : { active: false };
}

/**
 * The statement of every check: count the caller's quota, look the participant up, and log, in one
 * round trip. Times are UTC (the columns are timestamps without zone, as Prisma writes them).
 */
const VERIFY_SQL = `
  WITH q AS (
    INSERT INTO "RateCounter" (key, "windowStart", count) VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC'), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateCounter"."windowStart" = EXCLUDED."windowStart" THEN "RateCounter".count + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING count
  ),
  m AS (
    SELECT id, "expiresOn", "dateOfBirthEnc" FROM "Participant"
    WHERE "participantNumber" = $3 AND "lastNameKey" = $4
      AND status IN ('ACTIVE', 'CANCELLATION_PENDING') AND "expiresOn" >= $5::date
    LIMIT 1
  ),
  l AS (
    INSERT INTO "DisseminationLog" (kind, "participantId", disclosed, "recipientName", "recipientOrganisation", "organisationId", "userId", "apiKeyId", "legalRoute", "subjectKey", at, reason)
    SELECT 'VERIFICATION', (SELECT id FROM m),
      CASE WHEN (SELECT id FROM m) IS NULL THEN 'Verification: no active participant matches' ELSE 'Verification: active, valid until ' || to_char((SELECT "expiresOn" FROM m), 'YYYY-MM-DD') END,
      $6, $7, $8, $9, $10, $11, $12, ($13::timestamptz AT TIME ZONE 'UTC'), $16
    WHERE (SELECT count FROM q) <= $14::int AND NOT $15::boolean
    RETURNING id
  )
  SELECT (SELECT count FROM q)::int AS count, (SELECT id FROM m) AS id, to_char((SELECT "expiresOn" FROM m), 'YYYY-MM-DD') AS "expiresOn",
    (SELECT "dateOfBirthEnc" FROM m) AS "dateOfBirthEnc", (SELECT count(*) FROM l)::int AS logged`;

type VerifyRow = { count: number; id: string | null; expiresOn: string | null; dateOfBirthEnc: string | null };

// On PostgreSQL the statement goes straight to a small pg pool of its own: through Prisma a raw
// statement costs several times what the driver does (issue 6's speed target). On the embedded
// database (one connection, development and tests) it goes through Prisma. The pool belongs to one
// client: the app's (found here) or one a caller attaches (the PostgreSQL integration tests).
const pools = new WeakMap<Db, pg.Pool>();

/** Run the verification statement for `db` through the driver, on PostgreSQL at `connectionString`. */
export function attachVerifyPool(db: Db, connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pools.set(db, pool);
  return pool;
}

async function runStatement(db: Db, params: unknown[]): Promise<VerifyRow[]> {
  let pool = pools.get(db);
  if (!pool) {
    const app = (globalThis as unknown as { __acpDb?: { db: Db; kind: string } }).__acpDb;
    const database = env().database;
    if (app?.db === db && app.kind === "postgres" && database.kind === "postgres") pool = attachVerifyPool(db, database.url);
  }
  if (pool) return (await pool.query<VerifyRow>(VERIFY_SQL, params)).rows;
  return db.$queryRawUnsafe<VerifyRow[]>(VERIFY_SQL, ...params);
}

async function checkSweep(db: Db, caller: VerifyCaller & { kind: "user" }, now: Date) {
  const since = new Date(now.getTime() - SWEEP_WINDOW_MS);
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT "subjectKey")::int AS n FROM "DisseminationLog"
    WHERE "userId" = ${caller.userId} AND kind = 'VERIFICATION' AND at >= ${since}`;
  if (n >= env().ACP_VERIFY_SWEEP_DISTINCT) await alertOnce(db, caller, "verification-sweep", now);
}

/** One open alert per caller and kind per hour: staff see it on the dissemination log page. */
async function alertOnce(db: Db, caller: VerifyCaller, kind: "verification-sweep" | "verification-throttled", now: Date) {
  const who = caller.kind === "user" ? { userId: caller.userId } : caller.kind === "phone" ? { userId: caller.staffId } : { apiKeyId: caller.apiKeyId };
  const recent = await db.staffAlert.findFirst({ where: { kind, ...who, createdAt: { gte: new Date(now.getTime() - 3600_000) } }, select: { id: true } });
  if (recent) return;
  await db.$transaction(async (tx) => {
    const a = await tx.staffAlert.create({ data: { kind, organisationId: caller.organisationId, ...who, details: { window: "10 minutes" } } });
    const actor = caller.kind === "user" ? { id: caller.userId, role: "AGENCY_USER" as const, ip: caller.ip } : caller.kind === "phone" ? { id: caller.staffId, role: caller.staffRole, ip: caller.ip } : { id: null, role: null, ip: null };
    await recordAudit(tx, actor, { action: "verification.alert", outcome: "DENIED", details: { kind }, target: { type: "StaffAlert", id: a.id } });
  });
}

/** API keys: `acp_` + 40 random base64url characters; only the SHA-256 is stored. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
