import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

// SEC-02: time-based one-time passwords (RFC 6238), the kind every authenticator app reads.
// The issuer is neutral: the app on someone's phone should not name the program.
const ISSUER = "Case Manager";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "account") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/**
 * The 30-second time step `code` belongs to when it is right now or one step either side (clock
 * drift), else null. Callers accept a step only once per user (acceptTotpStep): no replay.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const clean = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(secret).validate({ token: clean, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}

/** True when `code` is valid now (no replay check: use acceptTotpStep where a user signs in). */
export function verifyTotp(secret: string, code: string, now = Date.now()): boolean {
  return totpStep(secret, code, now) !== null;
}

export function currentTotp(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}

/** The enrolment QR code as inline SVG: made on our server, never by an outside service. */
export async function totpQrSvg(secret: string, label: string): Promise<string> {
  return QRCode.toString(totp(secret, label).toString(), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** Ten single-use recovery codes, shown once; only their hashes are kept. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomBytes(6).toString("hex").toUpperCase();
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.replace(/[\s-]/g, "").toUpperCase()).digest("hex");
}
