import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { enqueueMail } from "../../lib/mail/outbox";
import { processOutbox } from "../../lib/mail/runner";
import type { MailTemplate } from "../../lib/mail/templates";
import { nodemailerTransport, type MailTransport } from "../../lib/mail/transport";
import { openTestDatabase, type TestDatabase } from "../support/database";

interface Received {
  raw: string;
  headerBlock: string;
  messageId: string;
  subject: string;
  to: string;
  text: string;
  html: string;
}

function unfoldHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "quoted-printable":
      return Buffer.from(
        body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        "latin1",
      ).toString("utf8");
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    default:
      return body;
  }
}

/** Just enough MIME for nodemailer's text + html output (mailparser is not installed). */
function parseMessage(raw: string): Received {
  const split = raw.indexOf("\r\n\r\n");
  const headerBlock = raw.slice(0, split);
  const headers = unfoldHeaders(headerBlock);
  const body = raw.slice(split + 4);
  const parts: { type: string; content: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get("content-type") ?? "")?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      const s = chunk.indexOf("\r\n\r\n");
      const h = unfoldHeaders(chunk.slice(0, s).replace(/^\r\n/, ""));
      parts.push({ type: h.get("content-type") ?? "", content: decode(chunk.slice(s + 4).replace(/\r\n$/, ""), h.get("content-transfer-encoding")) });
    }
  } else {
    parts.push({ type: headers.get("content-type") ?? "text/plain", content: decode(body, headers.get("content-transfer-encoding")) });
  }
  return {
    raw,
    headerBlock,
    messageId: headers.get("message-id") ?? "",
    subject: headers.get("subject") ?? "",
    to: headers.get("to") ?? "",
    text: parts.find((p) => p.type.startsWith("text/plain"))?.content ?? "",
    html: parts.find((p) => p.type.startsWith("text/html"))?.content ?? "",
  };
}

interface TestSmtp {
  received: Received[];
  transport: MailTransport;
  stop(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1; with `dieAfter`, it stops listening once it has accepted that many. */
async function startSmtp(opts: { dieAfter?: number } = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  let closed = false;
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(parseMessage(Buffer.concat(chunks).toString("utf8")));
        if (opts.dieAfter !== undefined && received.length >= opts.dieAfter && !closed) {
          // Stop listening before acknowledging: the next connection is refused, as with a crashed server.
          closed = true;
          server.close();
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const transporter = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 5_000, socketTimeout: 5_000 });
  return {
    received,
    transport: nodemailerTransport(transporter),
    async stop() {
      transporter.close();
      if (!closed) {
        closed = true;
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

const RECIPIENT_LOCAL = "marisol.quintana";
const recipient = (n: number) => `${RECIPIENT_LOCAL}${n}@example.org`;
const appUrl = env().ACP_APP_URL;
const link = (n: number) => new URL(`/account/setup?token=tok${n}`, appUrl).href;
// SEC-29: what no message may say.
const FORBIDDEN = [/Address Confidentiality/i, /\bACP\b/i, /survivor/i, /violence/i, /participant/i, /Secretary/i, /Quintana/i, /Marisol/i];

let t: TestDatabase;
const servers: TestSmtp[] = [];
let seq = 0;
const key = () => `test:${process.pid}:${Date.now()}:${seq++}`;

async function enqueue(templates: MailTemplate[]) {
  const keys = templates.map(() => key());
  await t.db.$transaction(async (tx) => {
    for (const [i, template] of templates.entries()) {
      const r = await enqueueMail(tx, { recipient: recipient(i), template, link: template === "new-message" ? undefined : link(i), idempotencyKey: keys[i] });
      expect(r).toEqual({ enqueued: true });
    }
  });
  return t.db.outboxMessage.findMany({ where: { idempotencyKey: { in: keys } }, orderBy: { idempotencyKey: "asc" } });
}

async function smtp(opts?: { dieAfter?: number }) {
  const s = await startSmtp(opts);
  servers.push(s);
  return s;
}

beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  // processOutbox takes every due row of the table; this file owns the outbox while it runs (files run one at a time).
  await t.db.$executeRaw`DELETE FROM "OutboxMessage"`;
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

describe("the mail outbox over real SMTP", () => {
  it("sends what a transaction enqueued, with the stored Message-IDs and no personal data (SEC-29)", async () => {
    const rows = await enqueue(["new-message", "invite", "password-reset"]);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.messageId).toMatch(/^<[0-9a-f-]{36}@/);
    for (const r of rows) expect(r.messageId).toBe(`<${r.messageId.slice(1, 37)}@${new URL(appUrl).hostname}>`);

    const s = await smtp();
    expect(await processOutbox(t.db, s.transport)).toEqual({ sent: 3, failed: 0 });
    expect(s.received).toHaveLength(3);
    expect(s.received.map((m) => m.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());

    const subjects = new Map([
      ["new-message", "You have a new message"],
      ["invite", "Your account is ready to set up"],
      ["password-reset", "Reset your password"],
    ]);
    for (const row of rows) {
      const m = s.received.find((x) => x.messageId === row.messageId)!;
      expect(m.subject).toBe(subjects.get(row.template));
      expect(m.to).toBe(row.recipient);
      expect(m.text.length).toBeGreaterThan(20);
      expect(m.html).toContain("<p>");
      if (row.template === "new-message") expect(m.text).toContain(`Sign in at ${appUrl} or contact your advocate.`);
      else expect(m.text).toContain(row.link);
      // Beyond the To: header, the recipient appears nowhere: not in the subject, the text or the HTML.
      const withoutTo = m.raw.replace(/^To: .*$/im, "");
      expect(withoutTo.toLowerCase()).not.toContain(RECIPIENT_LOCAL);
      for (const part of [m.subject, m.text, m.html, withoutTo]) for (const w of FORBIDDEN) expect(part).not.toMatch(w);
    }

    const after = await t.db.outboxMessage.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(after.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
    for (const r of after) {
      expect(r.sentAt).toBeInstanceOf(Date);
      expect(r.link).toBeNull(); // a sent link (it may carry a single-use token) is not kept
      expect(r.lockedAt).toBeNull();
    }
    // Nothing is sent twice.
    expect(await processOutbox(t.db, s.transport)).toEqual({ sent: 0, failed: 0 });
    expect(s.received).toHaveLength(3);
  });

  it("enqueues once per idempotency key", async () => {
    const idempotencyKey = key();
    const first = await t.db.$transaction((tx) => enqueueMail(tx, { recipient: recipient(1), template: "email-verification", link: link(1), idempotencyKey }));
    const second = await t.db.$transaction((tx) => enqueueMail(tx, { recipient: recipient(1), template: "email-verification", link: link(1), idempotencyKey }));
    expect(first).toEqual({ enqueued: true });
    expect(second).toEqual({ enqueued: false });
    expect(await t.db.outboxMessage.count({ where: { idempotencyKey } })).toBe(1);

    const s = await smtp();
    expect(await processOutbox(t.db, s.transport)).toEqual({ sent: 1, failed: 0 });
    expect(s.received).toHaveLength(1);
  });

  it("keeps what a dying server did not take, and delivers each message exactly once after a restart", async () => {
    const rows = await enqueue(["invite", "invite", "invite", "invite", "invite"]);
    const ids = rows.map((r) => r.id);
    const first = await smtp({ dieAfter: 2 });
    const start = new Date();

    expect(await processOutbox(t.db, first.transport, { batchSize: 5, now: start })).toEqual({ sent: 2, failed: 1 });
    expect(first.received).toHaveLength(2);
    let state = await t.db.outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(state.filter((r) => r.status === "SENT")).toHaveLength(2);
    const waiting = state.filter((r) => r.status === "PENDING");
    expect(waiting).toHaveLength(3);
    // The one that hit the dead server counts an attempt; the two behind it were never tried.
    expect(waiting.map((r) => r.attempts).sort()).toEqual([0, 0, 1]);
    for (const r of waiting) {
      expect(r.lockedAt).toBeNull();
      expect(r.nextAttemptAt.getTime()).toBe(start.getTime() + 30_000);
    }
    const failedRow = waiting.find((r) => r.attempts === 1)!;
    expect(failedRow.lastErrorCode).toMatch(/^E[A-Z]+(:\d{3})?$/);

    // Before the backoff has passed, nothing is due.
    const second = await smtp();
    expect(await processOutbox(t.db, second.transport, { now: new Date(start.getTime() + 29_000) })).toEqual({ sent: 0, failed: 0 });
    expect(second.received).toHaveLength(0);

    expect(await processOutbox(t.db, second.transport, { now: new Date(start.getTime() + 31_000) })).toEqual({ sent: 3, failed: 0 });
    state = await t.db.outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(state.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT", "SENT", "SENT"]);
    const all = [...first.received, ...second.received].map((m) => m.messageId).sort();
    expect(all).toEqual(rows.map((r) => r.messageId).sort());
  });

  it("re-sends a message a crashed runner left in flight, with the same Message-ID, and leaves a live lease alone", async () => {
    const [crashed, live] = await enqueue(["password-reset", "password-reset"]);
    const s = await smtp();
    // The crashed runner had sent it but died before recording SENT.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await t.db.outboxMessage.update({ where: { id: crashed.id }, data: { status: "SENDING", lockedAt: tenMinutesAgo } });
    await s.transport.send({ from: env().ACP_MAIL_FROM, to: crashed.recipient, subject: "Reset your password", text: "x", html: "<p>x</p>", messageId: crashed.messageId });
    // Another runner is sending this one right now.
    const freshLock = new Date();
    await t.db.outboxMessage.update({ where: { id: live.id }, data: { status: "SENDING", lockedAt: freshLock } });

    expect(await processOutbox(t.db, s.transport)).toEqual({ sent: 1, failed: 0 });
    expect(s.received.map((m) => m.messageId)).toEqual([crashed.messageId, crashed.messageId]);
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { id: crashed.id } })).toMatchObject({ status: "SENT", attempts: 0 });
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: "SENDING", lockedAt: freshLock });
  });

  it("leaves no outbox row when the transaction rolls back", async () => {
    const idempotencyKey = key();
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueMail(tx, { recipient: recipient(1), template: "invite", link: link(1), idempotencyKey });
        expect(await tx.outboxMessage.count({ where: { idempotencyKey } })).toBe(1);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.outboxMessage.count({ where: { idempotencyKey } })).toBe(0);

    const s = await smtp();
    expect(await processOutbox(t.db, s.transport)).toEqual({ sent: 0, failed: 0 });
    expect(s.received).toHaveLength(0);
  });

  it("refuses a recipient that could inject headers, and a foreign link, inside the caller's transaction", async () => {
    await expect(
      t.db.$transaction((tx) => enqueueMail(tx, { recipient: "a@example.org\r\nBcc: b@example.org", template: "new-message", idempotencyKey: key() })),
    ).rejects.toThrow(/not an e-mail address/);
    await expect(
      t.db.$transaction((tx) => enqueueMail(tx, { recipient: recipient(1), template: "invite", link: "https://elsewhere.example.com/x", idempotencyKey: key() })),
    ).rejects.toThrow(/point to the app/);
    expect(await t.db.outboxMessage.count()).toBe(0);
  });
});
