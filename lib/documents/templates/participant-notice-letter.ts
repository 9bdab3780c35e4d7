import type { Block } from "../layout";
import type { ProgramContact } from "../program-contact";
import { PROGRAM_NAME_FIRST_USE, questionsParagraph } from "./common";

/** U-16: what the participant is told when an agency may hold their address, or it was released. */
export type ParticipantNoticeWording =
  | { kind: "exemption"; agency: string; recordSeries: string; termEndsOn: string; program: ProgramContact }
  | { kind: "disclosure"; recipient: string; releasedOn: string; fields: string[]; legalRoute: string; program: ProgramContact };

export const participantNoticeSubject = (v: ParticipantNoticeWording) =>
  v.kind === "exemption" ? "An agency may keep your address in one of its records" : "Your address was given to someone as the law allows";

export function participantNoticeBody(v: ParticipantNoticeWording): Block[] {
  const safety: Block = { kind: "paragraph", text: "If you are in danger now, call 911." };
  if (v.kind === "exemption") {
    return [
      { kind: "paragraph", text: `We are writing about your participation in the ${PROGRAM_NAME_FIRST_USE}.` },
      { kind: "paragraph", text: `${v.agency} has a written exemption from the Secretary of the Commonwealth. It may keep your actual address in this record only: ${v.recordSeries}. It must keep the address confidential and use it only for the purpose the exemption names (M.G.L. c. 9A §4).` },
      { kind: "paragraph", text: `The exemption ends on ${v.termEndsOn}. For every other record, agencies must use your substitute address.` },
      { kind: "paragraph", text: questionsParagraph(v.program) },
      safety,
    ];
  }
  return [
    { kind: "paragraph", text: `We are writing about your participation in the ${PROGRAM_NAME_FIRST_USE}.` },
    { kind: "paragraph", text: `On ${v.releasedOn} we gave this information to ${v.recipient}, as the law allows (${v.legalRoute}):` },
    { kind: "list", items: v.fields },
    { kind: "paragraph", text: "The law lets us do this only in a few cases, such as a request from the head of a police department or a court order that names you. We checked the request before we gave the information." },
    { kind: "paragraph", text: questionsParagraph(v.program) },
    safety,
  ];
}
