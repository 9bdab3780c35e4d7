import { z } from "zod";
import { resolveDatabaseConfig, type DatabaseConfig } from "./db/config";

/**
 * Every environment variable the app and its scripts read, checked once. A missing or bad value
 * becomes one plain line naming the variable (STYLE.md §13).
 */
const flag = z.enum(["0", "1"]).default("0").transform((v) => v === "1");

const schema = z.object({
  ACP_ENV: z.enum(["development", "test", "production"]).default("development"),
  ACP_AUTO_MIGRATE: flag,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where "Leave this site" goes: a neutral site that says nothing about the program. */
  ACP_QUICK_EXIT_URL: z
    .url({ protocol: /^https?$/ })
    .default("https://www.weather.gov/"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where the app is reached, for links in e-mail. */
  ACP_APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Master keys that wrap the data keys of protected fields: "id:base64(32 bytes)", comma-separated,
   * the first one current (lib/crypto). Required when ACP_ENV=production; elsewhere a key file in the
   * data folder is made on first use.
   */
  ACP_MASTER_KEYS: z.string().regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{40,}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{40,})*$/, "expected id:base64key[,id:base64key…]").optional(),
  /** Signs session tokens (next-auth). Required when ACP_ENV=production; elsewhere a file in the data folder. */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** Staff sessions end after this long without a request (SEC-04; default 15 minutes). */
  ACP_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  // Optional: a state identity provider (OpenID Connect). Off unless all three are set.
  ACP_OIDC_ISSUER: z.url({ protocol: /^https$/ }).optional(),
  ACP_OIDC_CLIENT_ID: z.string().min(1).optional(),
  ACP_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * Refuse an authenticator code already used (RFC 6238 §5.2). On by default; only the browser tests
   * turn it off, because they sign the same demo accounts in many times within one 30-second step.
   */
  ACP_TOTP_REPLAY_GUARD: z.enum(["0", "1"]).default("1").transform((v) => v === "1"),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (lib/logging/client-ip.ts). */
  ACP_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Outgoing mail (SEC-29: content-free). Without a host, messages wait in the outbox.
  ACP_SMTP_HOST: z.string().min(1).optional(),
  ACP_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  ACP_SMTP_SECURE: flag,
  ACP_SMTP_USER: z.string().optional(),
  ACP_SMTP_PASSWORD: z.string().optional(),
  /** A neutral sender: no program name (SEC-29). */
  ACP_MAIL_FROM: z.string().min(3).default("Notifications <no-reply@localhost>"),
  // Program facts (rules section 9: configuration only, never hard-coded in templates).
  ACP_PROGRAM_PHONE: z.string().min(7).default("617-727-3261"),
  ACP_PROGRAM_TOLL_FREE: z.string().min(7).default("1-866-723-3233 (1-866-SAFE-ADD)"),
  ACP_HOTLINE: z.string().min(7).default("1-877-785-2020"),
  ACP_PROGRAM_MAILING_ADDRESS: z.string().min(10).default("Address Confidentiality Program, P.O. Box 9120, Chelsea, MA 02150-9120"),
  /**
   * U-11: the substitute address printed on cards and given to agencies, as lines separated by "|".
   * {unit} is the household's unit number; it must never encode a name or a town.
   */
  ACP_SUBSTITUTE_ADDRESS: z
    .string()
    .min(10)
    .refine((s) => s.includes("{unit}"), "must contain {unit}")
    .default("P.O. Box 000, Unit {unit}|Chelsea, MA 02150"),
  /** Where sealed evidence files are kept (lib/evidence); default <data folder>/evidence. */
  ACP_EVIDENCE_DIR: z.string().min(1).optional(),
  /** SEC-12: ClamAV's daemon, by socket or by host and port. Without one, uploads are marked not scanned. */
  ACP_CLAMD_SOCKET: z.string().min(1).optional(),
  ACP_CLAMD_HOST: z.string().min(1).optional(),
  ACP_CLAMD_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  /** 130.06(3): agency users may verify participants online ("0": the phone route only; counsel decides). */
  ACP_SELF_SERVICE_VERIFY: z.enum(["0", "1"]).default("1").transform((v) => v === "1"),
  /** Verification quotas per minute: per agency user, and per API key (agency systems). */
  ACP_VERIFY_USER_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  ACP_VERIFY_KEY_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  /** A sweep alert to staff: this many distinct participant numbers from one user or key within 10 minutes. */
  ACP_VERIFY_SWEEP_DISTINCT: z.coerce.number().int().min(2).max(10_000).default(20),
  /** A lean listener for the verification API on this port (loopback), beside the app; unset: the app's route only. */
  ACP_VERIFY_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** U-16: participants named under a granted exemption are told ("0" turns it off). */
  ACP_EXEMPTION_PARTICIPANT_NOTICE: z.enum(["0", "1"]).default("1").transform((v) => v === "1"),
  /** U-9: who decides an appeal (reconsideration) of an exemption decision. */
  ACP_EXEMPTION_APPEAL_REVIEWER: z.enum(["GENERAL_COUNSEL", "PROGRAM_MANAGER"]).default("GENERAL_COUNSEL"),
  /** U-9: the default term of a granted exemption, in days. */
  ACP_EXEMPTION_TERM_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** §5: how long a release view stays open for its recipient, in minutes. */
  ACP_DISCLOSURE_VIEW_MINUTES: z.coerce.number().int().min(5).max(10_080).default(1440),
  /** Health-care workers may create their own account (§2(1)(b)); "0" turns self sign-up off. */
  ACP_SELF_SIGN_UP: z.enum(["0", "1"]).default("1").transform((v) => v === "1"),
});

export type Env = Omit<z.infer<typeof schema>, "ACP_APP_URL"> & { ACP_APP_URL: string; database: DatabaseConfig };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, source[k] === "" ? undefined : source[k]]),
  );
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0]);
    // Never echo a secret's value into a terminal or a log.
    const secret = /KEY|SECRET|PASSWORD/.test(name);
    const got = source[name];
    throw new EnvError(`${name} is not valid: ${issue.message}${got !== undefined && !secret ? ` (got "${got}")` : ""}.`);
  }
  try {
    const appUrl = result.data.ACP_APP_URL ?? `http://localhost:${result.data.PORT}`;
    return { ...result.data, ACP_APP_URL: appUrl, database: resolveDatabaseConfig(source) };
  } catch (e) {
    throw new EnvError((e as Error).message);
  }
}

let cached: Env | undefined;
/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
