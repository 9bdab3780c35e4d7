import { DocumentError } from "./errors";
import { renderLetter, type Block } from "./layout";
import type { ProgramContact } from "./program-contact";
import { closingLines, questionsParagraph } from "./templates/common";

export interface ReleaseLetterInput {
  date: string;
  reference: string;
  /** The named recipient: name, title, organisation (no address is needed: staff deliver or mail it). */
  addressee: string[];
  legalRoute: string;
  participantName: string;
  /** Exactly the released fields: a label and the value(s) of each. */
  released: { label: string; values: string[] }[];
  program: ProgramContact;
}

/**
 * §5(3): a person named in a court order who has no account receives the released address by a
 * letter staff send and record. It holds exactly the released fields and the conditions of use.
 */
export async function releaseLetterPdf(input: ReleaseLetterInput): Promise<Uint8Array> {
  if (input.released.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "nothing released.");
  const body: Block[] = [
    { kind: "paragraph", text: `As the law allows (${input.legalRoute}), the Secretary of the Commonwealth releases to you the following information about ${input.participantName}, a participant in the Address Confidentiality Program. It is released only for the purpose stated in the order.` },
    ...input.released.flatMap((r): Block[] => [
      { kind: "heading", text: r.label },
      { kind: "lines", lines: r.values.length ? r.values : ["(none on file)"] },
    ]),
    { kind: "paragraph", text: "Keep this information confidential. Do not copy it, share it, or put it in a public record. Destroy this letter when it is no longer needed for the purpose of the order." },
    { kind: "paragraph", text: questionsParagraph(input.program) },
  ];
  return renderLetter({ kind: "releaseLetter", date: input.date, reference: input.reference, recipient: input.addressee, subject: "Release of information under a court order", body, closing: closingLines(input.program), program: input.program });
}
