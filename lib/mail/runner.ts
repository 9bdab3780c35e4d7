import type { Db } from "../db/client";
import { env } from "../env";
import { logger } from "../logging/logger";
import { isMailTemplate, renderMail } from "./templates";
import type { MailTransport } from "./transport";

export interface ProcessOutboxOptions {
  /** How many messages one run claims. */
  batchSize?: number;
  /** After this long a SENDING message is taken to belong to a runner that crashed, and is sent again. */
  leaseMs?: number;
  /** The current time; tests move it past a backoff. */
  now?: Date;
}

export const MAX_ATTEMPTS = 8;
const DEFAULT_BATCH = 20;
const DEFAULT_LEASE_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

/** Wait before the next try after `attempts` failed ones: 30 s, 1 min, 2 min, … at most 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

/**
 * Errors that say the mail server, not this message, is the problem: the rest of the batch is put
 * back untried (no attempt counted) instead of each waiting out its own timeout against a dead server.
 */
const TRANSPORT_DOWN = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EAUTH", "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENOTFOUND"]);

/**
 * Only a code is kept: an SMTP error's message can quote the recipient or the rejected text (SEC-28).
 * Nodemailer's code (EENVELOPE, ECONNECTION, …) and, when there is one, the SMTP reply code.
 */
export function mailErrorCode(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === "string" && /^E[A-Z]{2,20}$/.test(e.code) ? e.code : "EUNKNOWN";
  const reply = typeof e.responseCode === "number" && e.responseCode >= 200 && e.responseCode < 600 ? `:${e.responseCode}` : "";
  return code + reply;
}

function transportDown(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return (typeof e.code === "string" && TRANSPORT_DOWN.has(e.code)) || e.responseCode === 421;
}

interface ClaimedRow {
  id: string;
  messageId: string;
  recipient: string;
  template: string;
  link: string | null;
  attempts: number;
  createdAt: Date;
}

/**
 * A timestamp parameter as the column stores it: Prisma writes DateTime to `timestamp(3)` as UTC, so
 * compare in UTC whatever the session's time zone is.
 */
const utc = (d: Date) => d.toISOString();

/**
 * Send what is due in the outbox. Claiming is one statement with FOR UPDATE SKIP LOCKED, so several
 * server processes can share one outbox without sending a message twice. Messages then go one at a
 * time and each is marked SENT right after its own send: a crash repeats at most the one in flight,
 * with the same Message-ID, so the receiving side can recognise the repeat.
 */
export async function processOutbox(db: Db, transport: MailTransport, opts: ProcessOutboxOptions = {}): Promise<{ sent: number; failed: number }> {
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH));
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const clock = () => opts.now ?? new Date();
  const claimedAt = clock();
  const staleBefore = new Date(claimedAt.getTime() - leaseMs);

  const claimed = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage"
    SET status = 'SENDING', "lockedAt" = (${utc(claimedAt)}::timestamptz AT TIME ZONE 'UTC')
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE (status = 'PENDING' AND "nextAttemptAt" <= (${utc(claimedAt)}::timestamptz AT TIME ZONE 'UTC'))
         OR (status = 'SENDING' AND "lockedAt" < (${utc(staleBefore)}::timestamptz AT TIME ZONE 'UTC'))
      ORDER BY "createdAt"
      LIMIT ${batchSize}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "messageId", recipient, template, link, attempts, "createdAt"`;
  // UPDATE … RETURNING does not keep the subquery's order: oldest first, as claimed.
  const rows = [...claimed].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || (a.id < b.id ? -1 : 1));

  const { ACP_MAIL_FROM: from, ACP_APP_URL: appUrl } = env();
  let sent = 0;
  let failed = 0;

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    // Renew the lease just before sending, and only if it is still ours: when an earlier send in this
    // batch was slow enough for the lease to lapse, another runner may have taken this message over.
    const renewed = await db.outboxMessage.updateMany({
      where: { id: row.id, status: "SENDING", lockedAt: claimedAt },
      data: { lockedAt: clock() },
    });
    if (renewed.count !== 1) continue;

    let content;
    try {
      if (!isMailTemplate(row.template)) throw new Error("unknown template");
      content = renderMail(row.template, { link: row.link ?? undefined, appUrl });
    } catch {
      // A row no template can render will never send: stop now rather than retry it 8 times.
      await db.outboxMessage.update({ where: { id: row.id }, data: { status: "FAILED", lockedAt: null, lastErrorCode: "ETEMPLATE", link: null } });
      logger.error({ messageId: row.messageId, errorCode: "ETEMPLATE" }, "mail could not be rendered");
      failed++;
      continue;
    }

    try {
      await transport.send({ from, to: row.recipient, ...content, messageId: row.messageId });
    } catch (error) {
      failed++;
      const errorCode = mailErrorCode(error);
      const attempts = row.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      const retryAt = new Date(clock().getTime() + backoffMs(attempts));
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { status: giveUp ? "FAILED" : "PENDING", attempts, nextAttemptAt: retryAt, lockedAt: null, lastErrorCode: errorCode, ...(giveUp ? { link: null } : {}) },
      });
      // SEC-28: the log names the message by its Message-ID only, never the recipient or the text.
      if (giveUp) logger.error({ messageId: row.messageId, errorCode, attempts }, "mail failed for good");
      else logger.warn({ messageId: row.messageId, errorCode, attempts }, "mail send failed; will retry");
      if (transportDown(error)) {
        const rest = rows.slice(i + 1).map((r) => r.id);
        if (rest.length) {
          await db.outboxMessage.updateMany({
            where: { id: { in: rest }, status: "SENDING", lockedAt: claimedAt },
            data: { status: "PENDING", lockedAt: null, nextAttemptAt: retryAt },
          });
        }
        break;
      }
      continue;
    }

    await db.outboxMessage.update({
      where: { id: row.id },
      // A sent or abandoned message no longer needs its link: it may hold a single-use token, so it
      // is not kept (the token's hash stays in AccountToken).
      data: { status: "SENT", sentAt: clock(), lockedAt: null, lastErrorCode: null, link: null },
    });
    logger.info({ messageId: row.messageId }, "mail sent");
    sent++;
  }
  return { sent, failed };
}
