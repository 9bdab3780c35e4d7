import { DocumentError } from "./errors";
import { renderLetter } from "./layout";
import type { ProgramContact } from "./program-contact";
import { closingLines } from "./templates/common";
import { certificationLetterBody, certificationSubject } from "./templates/certification-letter";
import { longDate, parseCalendarDate } from "./text";

export interface CertificationLetterInput {
  date: string;
  reference: string;
  /** Recipient name and the participant's own mailing address: the only place an actual address may appear. */
  mailingBlock: string[];
  participants: { name: string; participantNumber: string }[];
  effectiveOn: string;
  /** The last valid day. */
  expiresOn: string;
  substituteAddress: string[];
  program: ProgramContact;
}

/** Tells the participant (and household members certified with them) that they are certified. */
export async function certificationLetterPdf(input: CertificationLetterInput): Promise<Uint8Array> {
  if (input.mailingBlock.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "mailingBlock is empty.");
  if (input.participants.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "participants is empty.");
  if (input.substituteAddress.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "substituteAddress is empty.");
  if (parseCalendarDate(input.expiresOn, "expiresOn") <= parseCalendarDate(input.effectiveOn, "effectiveOn")) {
    throw new DocumentError("DOCUMENT_INVALID_INPUT", "expiresOn must be after effectiveOn.");
  }
  const wording = {
    effectiveOn: longDate(input.effectiveOn, "effectiveOn"),
    expiresOn: longDate(input.expiresOn, "expiresOn"),
    participants: input.participants,
    substituteAddress: input.substituteAddress,
    program: input.program,
  };
  return renderLetter({
    kind: "certificationLetter",
    date: input.date,
    reference: input.reference,
    recipient: input.mailingBlock,
    subject: certificationSubject(),
    body: certificationLetterBody(wording),
    closing: closingLines(input.program),
    program: input.program,
  });
}
