import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** Where the test SMTP server drops each message it receives, one .eml file each. */
export const MAIL_DIR = path.resolve("test-results/mail");
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

/** A real SMTP server on loopback for the e2e run (started from the Playwright global setup). */
export async function startSmtpSink(): Promise<() => Promise<void>> {
  mkdirSync(MAIL_DIR, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        writeFileSync(path.join(MAIL_DIR, `${Date.now()}-${++n}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, "127.0.0.1", resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

export interface ReceivedMail {
  to: string;
  subject: string;
  body: string;
  raw: string;
}

function parse(raw: string): ReceivedMail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const header = (name: string) => unfolded.match(new RegExp(`^${name}:\\s*(.*)$`, "im"))?.[1]?.trim() ?? "";
  const body = rest.join("\n\n").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16)));
  return { to: header("To"), subject: header("Subject"), body, raw };
}

/** Wait for a message to this address; the outbox runner sends within seconds. */
export async function waitForMail(to: string, timeoutMs = 30_000): Promise<ReceivedMail> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const f of readdirSync(MAIL_DIR).sort()) {
      const m = parse(readFileSync(path.join(MAIL_DIR, f), "utf8"));
      if (m.to.toLowerCase().includes(to.toLowerCase())) return m;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}
