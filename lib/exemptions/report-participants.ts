import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { isoDate } from "../dates/calendar";
import { LEGAL_ROUTES, recordDissemination } from "../dissemination/record-dissemination";
import { AppError } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { exemptionSettings, type ExemptionSettings } from "./settings";
import { scopedRequest, type ExemptionActor } from "./transition";

/** Participants still in the program: the ones an exemption can touch. */
const IN_PROGRAM = ["ACTIVE", "CANCELLATION_PENDING"] as const;

/**
 * U-16: a grant covers a record series, so the agency reports which participants' records it holds
 * under it (by participant number), when it asks or later. Only matches are recorded; the answer is
 * the same whatever matched, so the form never tells an agency whether a number belongs to someone
 * (130.06(3) verification is the only confirm route, and it is logged on its own).
 *
 * For each new match: a dissemination-log entry (SEC-10: the agency may now keep that person's actual
 * address in the series) and, when the notice setting is on (U-16, default on), an
 * ExemptionParticipant row that puts a notice on the staff list, plus a content-free e-mail where the
 * participant has an account. Survivors have none: participants have no sign-in of their own here,
 * and only a health-care participant who applied through their own account can be e-mailed; a
 * survivor is told by the letter staff send to the substitute address (the notices list).
 */
export async function reportParticipants(db: Db, actor: ExemptionActor, requestId: string, numbers: string[], settings: Partial<ExemptionSettings> = {}, now = new Date()): Promise<{ received: number }> {
  const { participantNotice } = exemptionSettings(settings);
  await db.$transaction(async (tx) => {
    const r = await scopedRequest(tx, actor, requestId);
    if (actor.role !== "AGENCY_USER") throw new AppError("NOT_YOUR_STEP", "AppErrors.notYourStep");
    if (r.status !== "GRANTED" || !r.termEndsOn) throw new AppError("NOT_GRANTED", "AppErrors.exemptionNotGranted");
    const found = await tx.participant.findMany({
      where: { participantNumber: { in: numbers }, status: { in: [...IN_PROGRAM] } },
      select: { id: true, track: true, isApplicant: true, application: { select: { applicantUserId: true } } },
    });
    const org = await tx.organisation.findUnique({ where: { id: r.organisationId }, select: { name: true } });
    let recorded = 0;
    for (const p of found) {
      if (participantNotice) {
        const { count } = await tx.exemptionParticipant.createMany({ data: [{ requestId: r.id, participantId: p.id, reportedAt: now }], skipDuplicates: true });
        if (count === 0) continue; // reported before: already logged and noticed
      } else if (await tx.disseminationLog.findFirst({ where: { kind: "EXEMPTION_GRANT", participantId: p.id, organisationId: r.organisationId, reason: reasonFor(r.reference) }, select: { id: true } })) {
        continue;
      }
      recorded++;
      await recordDissemination(tx, {
        kind: "EXEMPTION_GRANT",
        participantId: p.id,
        disclosed: `Record held under written exemption ${r.reference}: the actual address may be used in the record series until ${isoDate(r.termEndsOn)}`,
        recipientName: actor.displayName ?? "Agency user",
        recipientOrganisation: org?.name ?? null,
        organisationId: r.organisationId,
        userId: actor.id,
        reason: reasonFor(r.reference),
        legalRoute: LEGAL_ROUTES.EXEMPTION,
        at: now,
      });
      // SEC-29: content-free. Only a health-care participant who applied through their own account has one.
      const userId = p.isApplicant && p.track === "HEALTH_CARE" ? p.application?.applicantUserId : null;
      if (participantNotice && userId) {
        const u = await tx.user.findUnique({ where: { id: userId }, select: { email: true, status: true } });
        if (u?.status === "ACTIVE") await enqueueMail(tx, { recipient: u.email, template: "new-message", idempotencyKey: `exemption-notice:${r.id}:${p.id}` });
      }
    }
    await recordAudit(tx, actor, { action: "exemption.participants-reported", details: { numbers: numbers.length, recorded }, target: { type: "ExemptionRequest", id: r.id } });
  });
  return { received: numbers.length };
}

const reasonFor = (reference: string) => `Reported by the agency as held under exemption ${reference}`;
