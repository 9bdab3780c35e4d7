import { DocumentError } from "./errors";
import { renderLetter } from "./layout";
import type { ProgramContact } from "./program-contact";
import { closingLines } from "./templates/common";
import { participantNoticeBody, participantNoticeSubject } from "./templates/participant-notice-letter";
import { longDate } from "./text";

export type ParticipantNoticeInput = {
  date: string;
  reference: string;
  /** The participant's name and their own mailing address: the only actual address in the letter. */
  mailingBlock: string[];
  program: ProgramContact;
} & ({ kind: "exemption"; agency: string; recordSeries: string; termEndsOn: string } | { kind: "disclosure"; recipient: string; releasedOn: string; fields: string[]; legalRoute: string });

/** U-16: the full notice to the participant (the e-mail, where there is one, says only "a new message"). */
export async function participantNoticeLetterPdf(input: ParticipantNoticeInput): Promise<Uint8Array> {
  if (input.mailingBlock.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "mailingBlock is empty.");
  const wording =
    input.kind === "exemption"
      ? { kind: "exemption" as const, agency: input.agency, recordSeries: input.recordSeries, termEndsOn: longDate(input.termEndsOn, "termEndsOn"), program: input.program }
      : { kind: "disclosure" as const, recipient: input.recipient, releasedOn: longDate(input.releasedOn, "releasedOn"), fields: input.fields, legalRoute: input.legalRoute, program: input.program };
  return renderLetter({
    kind: "participantNoticeLetter",
    date: input.date,
    reference: input.reference,
    recipient: input.mailingBlock,
    subject: participantNoticeSubject(wording),
    body: participantNoticeBody(wording),
    closing: closingLines(input.program),
    program: input.program,
  });
}
