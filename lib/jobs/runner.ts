import type { Db } from "../db/client";
import { logger } from "../logging/logger";
import { processOutbox } from "../mail/runner";
import { smtpTransportFromEnv, type MailTransport } from "../mail/transport";

/** Stops a background job: no further run starts; resolves when a run in progress has finished. */
export type StopJob = () => Promise<void>;

/**
 * Run `fn` every `intervalMs` inside this process. The next run is scheduled only after the previous
 * one finished, so runs never overlap; an error is logged (its name only: messages can quote data,
 * SEC-28) and the job keeps going. The timer is unref'd so it never keeps the process alive.
 */
export function startBackgroundJob(name: string, intervalMs: number, fn: () => Promise<unknown>): StopJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    running = (async () => {
      try {
        await fn();
      } catch (error) {
        const e = error as { name?: unknown; code?: unknown };
        logger.error({ job: name, error: typeof e?.name === "string" ? e.name : "Error", errorCode: typeof e?.code === "string" ? e.code : undefined }, "background job failed");
      }
    })().finally(() => {
      running = undefined;
      schedule();
    });
  };

  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = undefined;
    await running;
  };
}

const DEFAULT_OUTBOX_INTERVAL_MS = 5_000;

function outboxInterval(): number {
  // Read directly: a tuning knob for tests and operations, not part of the validated app settings.
  const raw = process.env.ACP_OUTBOX_INTERVAL_MS;
  if (!raw) return DEFAULT_OUTBOX_INTERVAL_MS;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 100) return n;
  logger.warn({ setting: "ACP_OUTBOX_INTERVAL_MS" }, "ignoring a bad ACP_OUTBOX_INTERVAL_MS; using 5000");
  return DEFAULT_OUTBOX_INTERVAL_MS;
}

/**
 * Deliver the outbox (lib/mail/runner.ts) from this server process. Without ACP_SMTP_HOST nothing is
 * sent: the messages wait in the outbox until mail is configured. `transport` is for tests.
 */
export function startOutboxRunner(getDb: () => Db, transport: MailTransport | null = smtpTransportFromEnv()): StopJob {
  if (!transport) {
    logger.warn("mail is not configured: messages wait in the outbox");
    return async () => {};
  }
  return startBackgroundJob("outbox", outboxInterval(), () => processOutbox(getDb(), transport));
}
