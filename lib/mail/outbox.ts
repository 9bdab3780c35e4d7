import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { env } from "../env";
import { renderMail, type MailTemplate } from "./templates";

/**
 * The client of a transaction (`db.$transaction(async (tx) => …)`) or the client itself: all
 * enqueueMail needs. Pass the transaction's own client: another client inside it would wait on the
 * transaction's lock (and deadlocks the embedded database, which has one connection).
 */
export type OutboxWriter = Pick<Db, "outboxMessage">;

export interface MailRequest {
  recipient: string;
  template: MailTemplate;
  /** The single-use link for invite, password-reset and email-verification; none for new-message. */
  link?: string;
  /**
   * Names the reason for this mail (e.g. `password-reset:<token id>`), so a retried request does not
   * send it twice. Must not hold personal data: it is stored and may be logged.
   */
  idempotencyKey: string;
}

/** `<uuid@host of ACP_APP_URL>`: unique, and no more revealing than the link in the mail (SEC-29). */
export function newMessageId(appUrl: string = env().ACP_APP_URL): string {
  return `<${randomUUID()}@${new URL(appUrl).hostname}>`;
}

/**
 * Queue one content-free e-mail (SEC-29) as part of the caller's transaction: it is sent after commit
 * by the outbox runner (lib/mail/runner.ts), and never if the transaction rolls back (STYLE.md §9).
 * A second call with the same idempotencyKey does nothing and returns `{ enqueued: false }`.
 */
export async function enqueueMail(tx: OutboxWriter, request: MailRequest): Promise<{ enqueued: boolean }> {
  const { recipient, template, link, idempotencyKey } = request;
  // A CR or LF in an address would let a caller write mail headers of its own.
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(recipient)) throw new Error("enqueueMail: recipient is not an e-mail address");
  if (!idempotencyKey || idempotencyKey.length > 200) throw new Error("enqueueMail: idempotencyKey must be 1 to 200 characters");
  const appUrl = env().ACP_APP_URL;
  // Render now so a bad template or link fails the caller's transaction instead of failing 8 sends later.
  renderMail(template, { link, appUrl });
  // ON CONFLICT DO NOTHING: a caught unique violation would abort a PostgreSQL transaction.
  const { count } = await tx.outboxMessage.createMany({
    data: [{ idempotencyKey, messageId: newMessageId(appUrl), recipient, template, link: link ?? null }],
    skipDuplicates: true,
  });
  return { enqueued: count === 1 };
}
