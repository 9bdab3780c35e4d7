import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env, type Env } from "../env";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID stored at enqueue time, so a repeated send is recognisably the same message. */
  messageId: string;
}

/** Sends one message; rejects with an error whose `code` says why (nodemailer's codes, e.g. ECONNECTION). */
export interface MailTransport {
  send(msg: OutgoingMail): Promise<void>;
}

/**
 * Timeouts kept well under the runner's lease (5 minutes), so a slow server cannot hold a message past
 * its lease while another runner takes it over and sends it a second time.
 */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const;

/** A MailTransport over a nodemailer SMTP transporter. */
export function nodemailerTransport(transporter: Transporter<SMTPTransport.SentMessageInfo>): MailTransport {
  return {
    async send(msg) {
      await transporter.sendMail({
        from: msg.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        html: msg.html,
        messageId: msg.messageId,
      });
    },
  };
}

/** SMTP options for nodemailer.createTransport. */
export function smtpOptions(host: string, port: number, opts: { secure?: boolean; user?: string; password?: string } = {}): SMTPTransport.Options {
  return {
    host,
    port,
    secure: opts.secure ?? false,
    auth: opts.user ? { user: opts.user, pass: opts.password ?? "" } : undefined,
    ...TIMEOUTS,
  };
}

/** The SMTP transport the environment names (ACP_SMTP_*), or null when ACP_SMTP_HOST is unset. */
export function smtpTransportFromEnv(e: Env = env()): MailTransport | null {
  if (!e.ACP_SMTP_HOST) return null;
  const options = smtpOptions(e.ACP_SMTP_HOST, e.ACP_SMTP_PORT, {
    secure: e.ACP_SMTP_SECURE,
    user: e.ACP_SMTP_USER,
    password: e.ACP_SMTP_PASSWORD,
  });
  return nodemailerTransport(nodemailer.createTransport(options));
}
