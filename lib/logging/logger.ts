import pino from "pino";

/**
 * The one structured logger. Fields that could hold personal data are redacted wherever they
 * appear, as a second line of defence: code must not log them in the first place (SEC-11, SEC-28).
 */
export const REDACTED_FIELDS = [
  "password",
  "newPassword",
  "passwordHash",
  "token",
  "secret",
  "totp",
  "code",
  "address",
  "street",
  "actualAddress",
  "phone",
  "dateOfBirth",
  "dob",
  "email",
  "firstName",
  "lastName",
  "name",
  "query",
  "body",
  "cookie",
  "authorization",
];

const paths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.ACP_ENV === "test" ? "info" : "info"),
  base: { app: "acp-case-manager" },
  redact: { paths, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
