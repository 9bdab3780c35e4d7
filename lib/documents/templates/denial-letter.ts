import type { Block } from "../layout";
import type { ProgramContact } from "../program-contact";
import { PROGRAM_NAME_FIRST_USE, questionsParagraph, splitParagraphs } from "./common";

export type CertificationTrack = "SURVIVOR" | "HEALTH_CARE";

export interface DenialLetterWording {
  reasons: string;
  /** Written out ("November 24, 2026"). */
  decidedOn: string;
  appealBy: string;
  track: CertificationTrack;
  program: ProgramContact;
}

/** Who hears the appeal: 950 CMR 130.10 (the appeal committee); on the health-care track 950 CMR 131.09 (the Program Manager). */
export function appealRecipient(track: CertificationTrack): string {
  return track === "HEALTH_CARE" ? "ACP Program Manager" : "ACP Appeal Committee";
}

export const denialSubject = () => "We could not certify you for the Address Confidentiality Program";

export function denialOpening(v: DenialLetterWording): string {
  return `We decided on ${v.decidedOn} not to certify you as a participant in the ${PROGRAM_NAME_FIRST_USE}. This letter gives the reasons and explains how to appeal.`;
}

export function appealDeadlineParagraph(v: DenialLetterWording): string {
  return `You have the right to appeal. You must appeal in writing within 30 days of the decision. The last day to appeal is ${v.appealBy}.`;
}

export function appealWhereParagraph(v: DenialLetterWording): string {
  return `Send your written appeal to the ${appealRecipient(v.track)} at this address:`;
}

export function appealAddressLines(v: DenialLetterWording): string[] {
  return [appealRecipient(v.track), v.program.name, v.program.mailingAddress];
}

export const appealIncludeIntro = () => "In your appeal, include:";

export const appealContentItems = (): string[] => [
  "the reference number at the top of this letter,",
  "why you think the decision is wrong, and",
  "copies of any documents that support your appeal.",
];

export const safetyParagraph = () => "If you are in danger now, call 911.";

export function denialLetterBody(v: DenialLetterWording): Block[] {
  return [
    { kind: "paragraph", text: denialOpening(v) },
    { kind: "heading", text: "Why we made this decision" },
    ...splitParagraphs(v.reasons).map((text): Block => ({ kind: "paragraph", text })),
    { kind: "heading", text: "How to appeal" },
    { kind: "paragraph", text: appealDeadlineParagraph(v), bold: true },
    { kind: "paragraph", text: appealWhereParagraph(v), keepWithNext: true },
    { kind: "lines", lines: appealAddressLines(v) },
    { kind: "paragraph", text: appealIncludeIntro(), keepWithNext: true },
    { kind: "list", items: appealContentItems() },
    { kind: "paragraph", text: questionsParagraph(v.program) },
    { kind: "paragraph", text: safetyParagraph() },
  ];
}
