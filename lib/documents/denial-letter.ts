import { DocumentError } from "./errors";
import { renderLetter } from "./layout";
import type { ProgramContact } from "./program-contact";
import { closingLines } from "./templates/common";
import { denialLetterBody, denialSubject, type CertificationTrack } from "./templates/denial-letter";
import { longDate, parseCalendarDate } from "./text";

export interface DenialLetterInput {
  date: string;
  reference: string;
  /** Applicant name and their own mailing address. */
  mailingBlock: string[];
  /** The written reasons; a blank line starts a new paragraph. */
  reasons: string;
  decidedOn: string;
  /** YYYY-MM-DD: the last day to appeal, 30 days from the decision (130.10; 131.09 on the health-care track). */
  appealBy: string;
  track: CertificationTrack;
  program: ProgramContact;
}

/** The decision not to certify, with its written reasons and the right to appeal. */
export async function denialLetterPdf(input: DenialLetterInput): Promise<Uint8Array> {
  if (input.mailingBlock.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "mailingBlock is empty.");
  if (input.reasons.trim().length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "reasons are required: a denial states its reasons in writing.");
  if (parseCalendarDate(input.appealBy, "appealBy") <= parseCalendarDate(input.decidedOn, "decidedOn")) {
    throw new DocumentError("DOCUMENT_INVALID_INPUT", "appealBy must be after decidedOn.");
  }
  return renderLetter({
    kind: "denialLetter",
    date: input.date,
    reference: input.reference,
    recipient: input.mailingBlock,
    subject: denialSubject(),
    body: denialLetterBody({
      reasons: input.reasons,
      decidedOn: longDate(input.decidedOn, "decidedOn"),
      appealBy: longDate(input.appealBy, "appealBy"),
      track: input.track,
      program: input.program,
    }),
    closing: closingLines(input.program),
    program: input.program,
  });
}
