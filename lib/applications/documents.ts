import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { applicationScope, participantScope } from "../auth/scopes";
import { programSettings, substituteAddressLines } from "../config/program";
import { fieldCipher } from "../crypto";
import { addCalendarDays, isoDate, todayInMassachusetts } from "../dates/calendar";
import { authorizationCardPdf, certificationLetterPdf, denialLetterPdf, requestForDocumentsLetterPdf, STANDARD_DOCUMENT_REQUESTS, type ProgramContact } from "../documents";
import { AppError } from "../errors";
import { passRevealGate, type RevealContext } from "../participants/reveal-protected-field";
import { addressLines } from "../participants/certify";
import type { FormValues } from "./form-schema";

/** 130.10(1): an appeal must be asked for in writing within 30 days of the decision. */
export const APPEAL_DAYS = 30;

export const LETTER_KINDS = ["request-for-documents", "certification", "denial"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function programContact(): ProgramContact {
  const p = programSettings();
  return { name: "Address Confidentiality Program", phone: p.phone, tollFree: p.tollFree, mailingAddress: p.mailingAddress };
}

/** 130.04(5): the authorization card. It holds the substitute address only, never an actual one. */
export async function authorizationCard(db: Db, ctx: RevealContext, participantId: string, now = new Date()): Promise<Uint8Array> {
  const p = await db.participant.findFirst({ where: { AND: [participantScope(ctx.actor), { id: participantId }] }, include: { household: true } });
  if (!p) throw new AppError("NOT_FOUND", "AppErrors.notFound");
  const bytes = await authorizationCardPdf({
    name: p.cardName ?? `${p.firstName} ${p.lastName}`,
    participantNumber: p.participantNumber,
    substituteAddress: substituteAddressLines(p.household.unitNumber),
    expiresOn: isoDate(p.expiresOn),
    issuedOn: isoDate(p.cardIssuedOn ?? todayInMassachusetts(now)),
  });
  await recordAudit(db, ctx.actor, { action: "document.generated", details: { kind: "authorization-card" }, target: { type: "Participant", id: p.id } });
  return bytes;
}

/**
 * The letters of 3.A. The request for documents goes to the assistant (or applicant) by name only.
 * The certification and denial letters carry the applicant's own mailing address in the address
 * block (the only place an actual address may appear), so they pass the reveal gate first.
 */
export async function applicationLetter(db: Db, ctx: RevealContext, applicationId: string, kind: LetterKind, now = new Date()): Promise<Uint8Array> {
  const app = await db.application.findFirst({
    where: { AND: [applicationScope(ctx.actor), { id: applicationId }] },
    include: { documentRequests: { orderBy: { requestedAt: "desc" }, take: 1 }, assistant: { include: { organisation: true } }, participants: { include: { household: true }, orderBy: { isApplicant: "desc" } } },
  });
  if (!app) throw new AppError("NOT_FOUND", "AppErrors.applicationMissing");
  const today = isoDate(todayInMassachusetts(now));
  const program = programContact();
  let bytes: Uint8Array;
  if (kind === "request-for-documents") {
    const req = app.documentRequests[0];
    if (!req) throw new AppError("NOT_FOUND", "AppErrors.notFound");
    const addressee = app.assistant ? [app.assistant.displayName, app.assistant.organisation.name] : [`${app.applicantFirstName} ${app.applicantLastName}`];
    bytes = await requestForDocumentsLetterPdf({ date: today, reference: app.reference, addressee, documents: req.documents.map((d) => STANDARD_DOCUMENT_REQUESTS[d as keyof typeof STANDARD_DOCUMENT_REQUESTS] ?? d), note: req.note ?? undefined, program });
  } else {
    if (kind === "certification" && app.status !== "CERTIFIED") throw new AppError("NOT_FOUND", "AppErrors.notFound");
    if (kind === "denial" && app.status !== "DENIED") throw new AppError("NOT_FOUND", "AppErrors.notFound");
    await passRevealGate(db, ctx, { field: "mailing", target: { type: "Application", id: app.id }, purpose: "PARTICIPANT_CONTACT" }, now);
    await recordAudit(db, ctx.actor, { action: "protected.revealed", details: { field: "mailing" }, target: { type: "Application", id: app.id }, purpose: "PARTICIPANT_CONTACT", reason: `${kind} letter` });
    const values: FormValues = app.formEnc ? JSON.parse(await fieldCipher(db).openText("contact", app.formEnc)) : {};
    const mailingBlock = [`${values.firstName ?? ""} ${values.lastName ?? ""}`.trim(), ...addressLines(values, values.mailingSame === "NO" ? "mailing" : "residence")];
    if (kind === "certification") {
      const first = app.participants[0];
      if (!first) throw new AppError("NOT_FOUND", "AppErrors.notFound");
      bytes = await certificationLetterPdf({
        date: today,
        reference: app.reference,
        mailingBlock,
        participants: app.participants.map((p) => ({ name: `${p.firstName} ${p.lastName}`, participantNumber: p.participantNumber })),
        effectiveOn: isoDate(first.effectiveOn),
        expiresOn: isoDate(first.expiresOn),
        substituteAddress: substituteAddressLines(first.household.unitNumber),
        program,
      });
    } else {
      const decidedOn = todayInMassachusetts(app.decidedAt ?? now);
      bytes = await denialLetterPdf({ date: today, reference: app.reference, mailingBlock, reasons: app.decisionReasons ?? "", decidedOn: isoDate(decidedOn), appealBy: isoDate(addCalendarDays(decidedOn, APPEAL_DAYS)), track: app.track, program });
    }
  }
  await recordAudit(db, ctx.actor, { action: "document.generated", details: { kind: `${kind}-letter` }, target: { type: "Application", id: app.id } });
  return bytes;
}
