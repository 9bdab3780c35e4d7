import type { Block } from "../layout";
import type { ProgramContact } from "../program-contact";
import { PROGRAM_NAME_FIRST_USE, questionsParagraph } from "./common";

/** Dates arrive already written out ("November 24, 2030"). */
export interface CertificationLetterWording {
  effectiveOn: string;
  expiresOn: string;
  participants: { name: string; participantNumber: string }[];
  substituteAddress: string[];
  program: ProgramContact;
}

export const certificationSubject = () => "You are certified in the Address Confidentiality Program";

export function certificationOpening(v: CertificationLetterWording): string {
  const who = v.participants.length > 1 ? "The people listed below are" : "You are";
  return `${who} certified in the ${PROGRAM_NAME_FIRST_USE} from ${v.effectiveOn}. The certification ends on ${v.expiresOn}.`;
}

export function participantsIntro(v: CertificationLetterWording): string {
  return v.participants.length > 1
    ? "Each person has their own participant number. Use it with the substitute address."
    : "Use your participant number with the substitute address.";
}

export const substituteAddressIntro = () =>
  "Use this address instead of your actual home, work or school address. State and local agencies must accept it (Massachusetts General Laws chapter 9A, section 4).";

export const mailParagraph = () =>
  "We forward first-class mail sent to your substitute address to the mailing address on this letter. Do not give your actual address to anyone who does not need it.";

export const cardParagraph = () =>
  "Your authorization card is enclosed. Sign it and keep it with you. Show it when an agency asks for your address.";

export function changesItems(): string[] {
  return [
    // 950 CMR 130.05(3): notice at least 7 days before the change; in an emergency, as soon as possible after.
    "Tell us at least 7 days before you move. In an emergency, tell us as soon as you can.",
    "Tell us if you change your name, phone number or mailing address.",
  ];
}

export function renewalParagraph(v: CertificationLetterWording): string {
  // 950 CMR 130.04(6): certification lasts four years.
  return `Certification lasts four years. To stay in the ACP after ${v.expiresOn}, you must renew before that date.`;
}

export const keepSafeParagraph = () => "Keep this letter in a safe place. It shows your mailing address.";

/** The letter, in reading order. */
export function certificationLetterBody(v: CertificationLetterWording): Block[] {
  return [
    { kind: "paragraph", text: certificationOpening(v) },
    { kind: "heading", text: v.participants.length > 1 ? "Who is certified" : "Your participant number" },
    { kind: "paragraph", text: participantsIntro(v), keepWithNext: true },
    { kind: "table", header: ["Name", "Participant number"], rows: v.participants.map((p) => [p.name, p.participantNumber]) },
    { kind: "heading", text: "Your substitute address" },
    { kind: "paragraph", text: substituteAddressIntro(), keepWithNext: true },
    { kind: "lines", lines: v.substituteAddress, bold: true },
    { kind: "paragraph", text: mailParagraph() },
    { kind: "paragraph", text: cardParagraph() },
    { kind: "heading", text: "Tell us about changes" },
    { kind: "list", items: changesItems() },
    { kind: "paragraph", text: renewalParagraph(v) },
    { kind: "paragraph", text: keepSafeParagraph() },
    { kind: "paragraph", text: questionsParagraph(v.program) },
  ];
}
