import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { applicationScope } from "../auth/scopes";
import { fieldCipher } from "../crypto";
import { AppError } from "../errors";
import { passRevealGate, type RevealContext, type RevealPurpose } from "../participants/reveal-protected-field";
import type { FormValues } from "./form-schema";

/**
 * SEC-05, SEC-11: staff read an application's answers (addresses, phones, dates of birth) only
 * through the reveal gate; the audit row is committed before anything is decrypted. Passing the gate
 * also refreshes the second factor, which the evidence viewer then relies on for five minutes.
 */
export async function revealApplicationAnswers(db: Db, ctx: RevealContext, req: { applicationId: string; purpose: RevealPurpose; reason: string; code?: string }, now = new Date()): Promise<FormValues> {
  const target = { type: "Application", id: req.applicationId };
  await passRevealGate(db, ctx, { field: "application-answers", target, purpose: req.purpose, code: req.code }, now);
  const app = await db.application.findFirst({ where: { AND: [applicationScope(ctx.actor), { id: req.applicationId }] }, select: { formEnc: true } });
  if (!app) throw new AppError("NOT_FOUND", "AppErrors.applicationMissing");
  try {
    await recordAudit(db, ctx.actor, { action: "protected.revealed", details: { field: "application-answers" }, target, purpose: req.purpose, reason: req.reason });
  } catch {
    throw new AppError("AUDIT_FAILED", "AppErrors.auditFailed");
  }
  return app.formEnc ? JSON.parse(await fieldCipher(db).openText("contact", app.formEnc)) : {};
}
