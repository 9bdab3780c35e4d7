import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { countAttempt } from "../auth/throttle";
import { env } from "../env";
import { AppError } from "../errors";
import { truncateIp } from "../logging/client-ip";
import { enqueueMail } from "../mail/outbox";
import { hashToken } from "./manage-users";

/** The verification link works for a day. */
export const VERIFY_VALID_MS = 24 * 3600_000;
/** Sign-ups from one client address per 15 minutes (a flood of accounts is refused). */
export const SIGN_UP_LIMIT = 10;

export const signUpSchema = z.object({
  displayName: z.string().trim().min(1, "Validation.nameRequired").max(120, "Validation.max120"),
  email: z.string().trim().min(1, "Validation.emailRequired").pipe(z.email("Validation.emailFormat")).pipe(z.string().max(200, "Validation.max120")),
  healthCareWorker: z.literal("yes", { error: "Validation.tickToConfirm" }),
});

/**
 * §2(1)(b), 950 CMR 131.00: a health-care worker applies without an assistant and so creates their
 * own account. No password is taken here: the e-mailed link (single-use) is where they choose one,
 * so an account can only be used by whoever reads that mailbox. The answer is the same whether or
 * not the address already has an account (no one learns who uses the program). Assistants and
 * agency users are never self-created.
 */
export async function signUpHealthCareWorker(db: Db, input: z.infer<typeof signUpSchema>, ip: string, now = new Date()): Promise<void> {
  if (!env().ACP_SELF_SIGN_UP) throw new AppError("SIGN_UP_OFF", "AppErrors.signUpOff");
  if (await countAttempt(db, `signup:${truncateIp(ip)}`, SIGN_UP_LIMIT, now)) throw new AppError("THROTTLED", "AppErrors.throttled");
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true, status: true } });
  // A sign-up that never finished (the link expired or was lost) gets a fresh link; any other
  // account gets nothing new, and the answer on screen is the same either way.
  if (existing && !(existing.role === "HEALTH_CARE_APPLICANT" && !existing.passwordHash && existing.status === "ACTIVE")) return;
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    const user = existing ?? (await tx.user.create({ data: { email, displayName: input.displayName.trim(), role: "HEALTH_CARE_APPLICANT" } }));
    if (existing) await tx.accountToken.updateMany({ where: { userId: user.id, purpose: "EMAIL_VERIFICATION", usedAt: null }, data: { usedAt: now } });
    const t = await tx.accountToken.create({ data: { userId: user.id, purpose: "EMAIL_VERIFICATION", tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + VERIFY_VALID_MS) } });
    // Content-free (SEC-29): the mail says "confirm your address", nothing about the program.
    await enqueueMail(tx, { recipient: email, template: "email-verification", link: `${env().ACP_APP_URL}/set-password?token=${token}`, idempotencyKey: `verify:${t.id}` });
    await recordAudit(tx, { id: user.id, role: "HEALTH_CARE_APPLICANT", ip: truncateIp(ip) }, { action: "account.self-registered", details: { role: "HEALTH_CARE_APPLICANT" }, target: { type: "User", id: user.id } });
  });
}
