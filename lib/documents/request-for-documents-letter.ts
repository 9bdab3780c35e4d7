import { DocumentError } from "./errors";
import { renderLetter } from "./layout";
import type { ProgramContact } from "./program-contact";
import { closingLines } from "./templates/common";
import { requestForDocumentsBody, requestSubject } from "./templates/request-for-documents-letter";
import { assertNoAddress } from "./text";

export interface RequestForDocumentsLetterInput {
  date: string;
  reference: string;
  /** To the application assistant or the applicant: name and organisation only, never an address. */
  addressee: string[];
  documents: string[];
  note?: string;
  program: ProgramContact;
}

/** 950 CMR 130.04(3): the Program Manager asks for more documents before deciding an application. */
export async function requestForDocumentsLetterPdf(input: RequestForDocumentsLetterInput): Promise<Uint8Array> {
  if (input.addressee.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "addressee is empty.");
  assertNoAddress(input.addressee, "addressee");
  const documents = input.documents.map((d) => d.trim()).filter((d) => d.length > 0);
  if (documents.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "documents is empty.");
  return renderLetter({
    kind: "requestForDocumentsLetter",
    date: input.date,
    reference: input.reference,
    recipient: input.addressee,
    subject: requestSubject(),
    body: requestForDocumentsBody({ reference: input.reference, documents, note: input.note, program: input.program }),
    closing: closingLines(input.program),
    program: input.program,
  });
}
