import type { Block } from "../layout";
import type { ProgramContact } from "../program-contact";
import { PROGRAM_NAME_FIRST_USE, questionsParagraph } from "./common";

export interface RequestForDocumentsWording {
  reference: string;
  documents: string[];
  note?: string;
  program: ProgramContact;
}

/**
 * Ready-made descriptions of what 950 CMR 130.04(3) lets the Program Manager ask for. Staff may
 * pick these or write their own.
 */
export const STANDARD_DOCUMENT_REQUESTS = {
  IDENTITY: "Proof of identity, such as a birth certificate or passport",
  JUDICIAL_PROCEEDING: "Papers from a court case (judicial proceeding)",
  CRIMINAL_COMPLAINT: "A criminal complaint",
  C209A_PROCEEDING: "Papers from a restraining-order case (M.G.L. c. 209A)",
  CUSTODY_OR_GUARDIANSHIP: "Proof of custody or guardianship",
  OTHER: "Another document (see the note below)",
} as const;

export const requestSubject = () => "We need more documents to decide an application";

export const requestOpening = () =>
  `We need more documents before we can decide an application to the ${PROGRAM_NAME_FIRST_USE}. Program rules let us ask for them (950 Code of Massachusetts Regulations 130.04(3)).`;

export const documentsIntro = (v: RequestForDocumentsWording) =>
  v.documents.length > 1 ? "Please send copies of these documents:" : "Please send a copy of this document:";

export function howToSendParagraph(v: RequestForDocumentsWording): string {
  return `Mail the copies to the ${v.program.name}, ${v.program.mailingAddress}. Write the reference ${v.reference} on the first page. Keep the originals.`;
}

export const waitParagraph = () => "We cannot finish reviewing the application until we have these documents.";

export function requestForDocumentsBody(v: RequestForDocumentsWording): Block[] {
  const note = v.note?.trim();
  return [
    { kind: "paragraph", text: requestOpening() },
    { kind: "heading", text: "Documents we need" },
    { kind: "paragraph", text: documentsIntro(v), keepWithNext: true },
    { kind: "list", items: v.documents },
    ...(note ? ([{ kind: "heading", text: "Note from the program" }, { kind: "paragraph", text: note }] satisfies Block[]) : []),
    { kind: "heading", text: "How to send them" },
    { kind: "paragraph", text: howToSendParagraph(v) },
    { kind: "paragraph", text: waitParagraph() },
    { kind: "paragraph", text: questionsParagraph(v.program) },
  ];
}
