import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { participantScope } from "../auth/scopes";
import { fieldCipher } from "../crypto";
import { isoDate, todayInMassachusetts } from "../dates/calendar";
import { LEGAL_ROUTES } from "../dissemination/record-dissemination";
import { participantNoticeLetterPdf } from "../documents";
import { AppError } from "../errors";
import { programContact } from "../applications/documents";
import { passRevealGate, type RevealContext } from "./reveal-protected-field";

const FIELD_NAMES: Record<string, string> = { residence: "your home address", school: "your school address", work: "your work address", mailing: "your mailing address", phone: "your phone number" };

/**
 * The participant's name and current mailing address for a letter to them (the only place an actual
 * address appears on paper): read through the reveal gate, recorded before it is decrypted.
 */
async function mailingBlock(db: Db, ctx: RevealContext, participantId: string, now: Date): Promise<string[]> {
  const p = await db.participant.findFirst({ where: { AND: [participantScope(ctx.actor), { id: participantId }] }, select: { id: true, firstName: true, lastName: true, contacts: { where: { kind: { in: ["MAILING", "RESIDENCE"] }, supersededAt: null }, select: { kind: true, valueEnc: true }, orderBy: { createdAt: "desc" } } } });
  if (!p) throw new AppError("NOT_FOUND", "AppErrors.notFound");
  const target = { type: "Participant", id: p.id };
  await passRevealGate(db, ctx, { field: "mailing", target, purpose: "PARTICIPANT_CONTACT" }, now);
  await recordAudit(db, ctx.actor, { action: "protected.revealed", details: { field: "mailing" }, target, purpose: "PARTICIPANT_CONTACT", reason: "notice letter to the participant" });
  // The mailing address; without one, mail goes to the residence (the Secretary forwards mail there).
  const contact = p.contacts.find((c) => c.kind === "MAILING") ?? p.contacts.find((c) => c.kind === "RESIDENCE");
  const address = contact ? await fieldCipher(db).openText("contact", contact.valueEnc) : "";
  if (!address) throw new AppError("NO_MAILING", "AppErrors.noMailingAddress");
  return [`${p.firstName} ${p.lastName}`, address];
}

/** U-16: the letter telling a participant that an agency holds their address under a granted exemption. */
export async function exemptionNoticeLetter(db: Db, ctx: RevealContext, noticeId: string, now = new Date()): Promise<Uint8Array> {
  const n = await db.exemptionParticipant.findUnique({ where: { id: noticeId }, include: { request: { include: { organisation: true } } } });
  if (!n || !n.request.termEndsOn) throw new AppError("NOT_FOUND", "AppErrors.notFound");
  const block = await mailingBlock(db, ctx, n.participantId, now);
  const pdf = await participantNoticeLetterPdf({
    kind: "exemption",
    date: isoDate(todayInMassachusetts(now)),
    reference: n.request.reference,
    mailingBlock: block,
    agency: n.request.organisation.name,
    recordSeries: n.request.recordSeries,
    termEndsOn: isoDate(n.request.termEndsOn),
    program: programContact(),
  });
  await recordAudit(db, ctx.actor, { action: "document.generated", details: { kind: "participant-notice-letter" }, target: { type: "ExemptionParticipant", id: n.id } });
  return pdf;
}

/** U-16: the letter telling a participant that their address was released under §5. */
export async function disclosureNoticeLetter(db: Db, ctx: RevealContext, requestId: string, now = new Date()): Promise<Uint8Array> {
  const r = await db.disclosureRequest.findUnique({ where: { id: requestId } });
  if (!r || r.status !== "RELEASED" || !r.decidedAt) throw new AppError("NOT_FOUND", "AppErrors.notFound");
  // U-16: while a logged law-enforcement or court reason delays the notice, no letter is printed.
  if (r.noticeDelayReason) throw new AppError("DELAYED", "AppErrors.noticeDelayed");
  const block = await mailingBlock(db, ctx, r.participantId, now);
  const pdf = await participantNoticeLetterPdf({
    kind: "disclosure",
    date: isoDate(todayInMassachusetts(now)),
    reference: r.reference,
    mailingBlock: block,
    recipient: [r.requesterName, r.requesterOrganisation].filter(Boolean).join(", "),
    releasedOn: isoDate(todayInMassachusetts(r.decidedAt)),
    fields: r.fields.map((f) => FIELD_NAMES[f] ?? f),
    legalRoute: LEGAL_ROUTES[r.route],
    program: programContact(),
  });
  await recordAudit(db, ctx.actor, { action: "document.generated", details: { kind: "participant-notice-letter" }, target: { type: "DisclosureRequest", id: r.id } });
  return pdf;
}
