import type { Db } from "../db/client";
import { programContact } from "../applications/documents";
import { recordAudit } from "../audit/record-audit";
import { can } from "../auth/policy";
import { fieldCipher } from "../crypto";
import { isoDate, todayInMassachusetts } from "../dates/calendar";
import { LEGAL_ROUTES } from "../dissemination/record-dissemination";
import { releaseLetterPdf } from "../documents";
import { AppError } from "../errors";
import { passRevealGate, type RevealContext } from "../participants/reveal-protected-field";
import { FIELD_KIND, isDisclosureField } from "./fields";

const LABELS: Record<string, string> = { residence: "Home address", school: "School address", work: "Work address", mailing: "Mailing address", phone: "Phone number" };

/**
 * §5(3): the letter for a recipient without an account (a letter release the PM recorded). Staff
 * print it to send: every printing passes the reveal gate and is recorded, field by field.
 */
export async function releaseLetter(db: Db, ctx: RevealContext, requestId: string, now = new Date()): Promise<Uint8Array> {
  if (!can(ctx.actor, "disclosure:manage")) throw new AppError("FORBIDDEN", "AppErrors.forbidden");
  const r = await db.disclosureRequest.findUnique({ where: { id: requestId }, include: { releases: { where: { byLetter: true }, orderBy: { createdAt: "desc" }, take: 1 } } });
  const release = r?.releases[0];
  if (!r || r.status !== "RELEASED" || !release || r.route !== "COURT_ORDER") throw new AppError("NOT_FOUND", "AppErrors.notFound");
  const target = { type: "Participant", id: r.participantId };
  const fields = release.fields.filter(isDisclosureField);
  await passRevealGate(db, ctx, { field: fields[0] ?? "residence", target, purpose: "DISCLOSURE_REQUEST" }, now);
  for (const field of fields) await recordAudit(db, ctx.actor, { action: "protected.revealed", details: { field }, target, purpose: "DISCLOSURE_REQUEST", reason: `${r.reference} letter release` });
  const participant = await db.participant.findUniqueOrThrow({ where: { id: r.participantId }, select: { firstName: true, lastName: true } });
  const rows = await db.protectedContact.findMany({ where: { participantId: r.participantId, kind: { in: fields.map((f) => FIELD_KIND[f]) }, supersededAt: null }, select: { kind: true, valueEnc: true }, orderBy: { createdAt: "asc" } });
  const cipher = fieldCipher(db);
  const released = [];
  for (const field of fields) released.push({ label: LABELS[field], values: await Promise.all(rows.filter((c) => c.kind === FIELD_KIND[field]).map((c) => cipher.openText("contact", c.valueEnc))) });
  const pdf = await releaseLetterPdf({
    date: isoDate(todayInMassachusetts(now)),
    reference: r.reference,
    addressee: [r.requesterName, r.requesterTitle, r.requesterOrganisation].filter(Boolean),
    legalRoute: LEGAL_ROUTES[r.route],
    participantName: `${participant.firstName} ${participant.lastName}`,
    released,
    program: programContact(),
  });
  await recordAudit(db, ctx.actor, { action: "document.generated", details: { kind: "release-letter" }, target: { type: "DisclosureRequest", id: r.id } });
  return pdf;
}
