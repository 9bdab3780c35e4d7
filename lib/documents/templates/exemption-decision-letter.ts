import type { Block } from "../layout";
import type { ProgramContact } from "../program-contact";
import { PROGRAM_NAME_FIRST_USE, questionsParagraph, splitParagraphs } from "./common";

// The written determination on an agency's exemption request (M.G.L. c. 9A §4; 131.07(4)–(5) [P],
// formerly 950 CMR 13.09; U-9). It is about the agency's record series: it never names a participant.

/** Dates arrive already written out ("November 24, 2026"). */
export interface ExemptionDecisionWording {
  decision: "GRANTED" | "WITHHELD";
  /** The date of the decision now in force (the reviewer's, when a reconsideration changed it). */
  decidedOn: string;
  agencyName: string;
  recordSeries: string;
  statuteOrRule: string;
  /** §4: the two parts of the test, and the written findings. */
  findings: { bonaFideNeed: boolean; useLimited: boolean; text: string };
  reasons: string;
  /** 131.07(5) [P]; U-9. Present on a grant. */
  conditions?: {
    termEndsOn: string;
    purgeOn: string;
    namedIndividuals: string[];
    useAndAccessLimits: string;
    recordFormat: string;
    confidentialityDuties: string;
  };
  /** A reconsideration that has been decided. */
  appeal?: { outcome: "UPHELD" | "CHANGED"; decidedOn: string; reviewer: string; reasons: string; originalDecidedOn: string };
  /** A reconsideration the agency asked for that is not yet decided. */
  appealPending?: boolean;
  /** Who decides a reconsideration (U-9), when the agency may still ask for one. */
  mayAppealTo?: string;
  revoked?: { on: string; reasons: string };
  /** The term has ended (the grant expired). */
  expired?: boolean;
  program: ProgramContact;
}

export function exemptionSubject(v: ExemptionDecisionWording): string {
  if (v.revoked) return "We revoked your agency's exemption";
  return v.decision === "GRANTED" ? "Your agency's exemption request is granted, with conditions" : "Your agency's exemption request is withheld";
}

export function exemptionOpening(v: ExemptionDecisionWording): string {
  const who = v.appeal?.outcome === "CHANGED" ? `On reconsideration, the ${v.appeal.reviewer}` : "The Program Manager of the " + PROGRAM_NAME_FIRST_USE;
  return v.decision === "GRANTED"
    ? `On ${v.decidedOn}, ${who} granted ${v.agencyName} a written exemption under Massachusetts General Laws chapter 9A, section 4. It lets only the people named in this letter use a participant's actual address, only in the record series named below, only for the purpose your agency described, and only on the conditions in this letter.`
    : `On ${v.decidedOn}, ${who} decided to withhold the exemption ${v.agencyName} asked for.`;
}

export function substituteRuleParagraph(v: ExemptionDecisionWording): string {
  return v.decision === "GRANTED"
    ? "For every other record, and for anyone not named here, keep using the substitute address the participant gives you."
    : "Your agency must keep using the substitute address for every participant (Massachusetts General Laws chapter 9A, section 4).";
}

const yesNo = (b: boolean) => (b ? "Yes" : "No");

export function testItems(v: ExemptionDecisionWording): string[] {
  return [
    `Your agency has a real (bona fide) requirement in law or administration for the actual address, and cannot meet its duties without it: ${yesNo(v.findings.bonaFideNeed)}.`,
    `Your agency will use the actual address only for that purpose: ${yesNo(v.findings.useLimited)}.`,
  ];
}

export function conditionItems(c: NonNullable<ExemptionDecisionWording["conditions"]>): string[] {
  return [
    `Term: the exemption applies until ${c.termEndsOn}. After that date, use the substitute address again.`,
    `Purge date: destroy every actual address held under this exemption by ${c.purgeOn}.`,
    "It covers only new public records in the record series named above (Massachusetts General Laws chapter 9A, section 4).",
  ];
}

export function reportParagraph(): string {
  return "Tell us which participants' records you hold under this exemption: sign in and enter their participant numbers on the request. We tell each participant.";
}

export function appealParagraph(v: ExemptionDecisionWording): string {
  return `If you disagree with this decision, you may ask for it to be reconsidered by the ${v.mayAppealTo}. Sign in and use "Ask for reconsideration" on the request, or write to us at ${v.program.mailingAddress}. Give the reference number and your reasons. Until the reconsideration is decided, keep using the substitute address (950 CMR 131.07(3)).`;
}

export function appealDecidedParagraph(a: NonNullable<ExemptionDecisionWording["appeal"]>): string {
  return a.outcome === "UPHELD"
    ? `Your agency asked for the decision of ${a.originalDecidedOn} to be reconsidered. On ${a.decidedOn}, the ${a.reviewer} upheld it.`
    : `Your agency asked for the decision of ${a.originalDecidedOn} to be reconsidered. On ${a.decidedOn}, the ${a.reviewer} changed it. This letter sets out the decision now in force.`;
}

const paragraphs = (text: string): Block[] => splitParagraphs(text).map((t): Block => ({ kind: "paragraph", text: t }));

/** The letter, in reading order. */
export function exemptionDecisionLetterBody(v: ExemptionDecisionWording): Block[] {
  const blocks: Block[] = [];
  if (v.revoked) {
    blocks.push(
      { kind: "paragraph", text: `On ${v.revoked.on}, the Program Manager revoked the exemption granted to ${v.agencyName}. From now on, use the substitute address for every participant.`, bold: true },
      { kind: "heading", text: "Why we revoked it" },
      ...paragraphs(v.revoked.reasons),
    );
    if (v.conditions) blocks.push({ kind: "paragraph", text: `The purge date still applies: destroy every actual address held under the exemption by ${v.conditions.purgeOn}.`, bold: true });
    blocks.push({ kind: "heading", text: "The exemption that was revoked" });
  }
  blocks.push({ kind: "paragraph", text: exemptionOpening(v) }, { kind: "paragraph", text: substituteRuleParagraph(v) });
  if (v.expired && v.conditions) blocks.push({ kind: "paragraph", text: `This exemption ended on ${v.conditions.termEndsOn}. Use the substitute address again.`, bold: true });
  if (v.appealPending) blocks.push({ kind: "paragraph", text: "Your agency has asked for this decision to be reconsidered. Until that is decided, keep using the substitute address (950 CMR 131.07(3)).", bold: true });
  blocks.push(
    { kind: "heading", text: "What your agency asked for" },
    { kind: "paragraph", text: "Record or record series:", keepWithNext: true },
    ...paragraphs(v.recordSeries),
    { kind: "paragraph", text: "Law or rule your agency relies on:", keepWithNext: true },
    ...paragraphs(v.statuteOrRule),
    { kind: "heading", text: "What we found" },
    { kind: "paragraph", text: "The law allows an exemption only when both of these are true (Massachusetts General Laws chapter 9A, section 4):", keepWithNext: true },
    { kind: "list", items: testItems(v) },
    ...paragraphs(v.findings.text),
    { kind: "heading", text: "Why we made this decision" },
    ...paragraphs(v.reasons),
  );
  if (v.decision === "GRANTED" && v.conditions) {
    const c = v.conditions;
    blocks.push(
      { kind: "heading", text: "Conditions of this exemption" },
      { kind: "list", items: conditionItems(c) },
      { kind: "heading", text: "Who may see the actual address" },
      { kind: "paragraph", text: "Only these people:", keepWithNext: true },
      { kind: "list", items: c.namedIndividuals },
      ...paragraphs(c.useAndAccessLimits),
      { kind: "heading", text: "Record format" },
      ...paragraphs(c.recordFormat),
      { kind: "heading", text: "Confidentiality duties" },
      ...paragraphs(c.confidentialityDuties),
    );
    if (!v.revoked && !v.expired) blocks.push({ kind: "paragraph", text: reportParagraph() });
  }
  if (v.appeal) blocks.push({ kind: "heading", text: "Reconsideration" }, { kind: "paragraph", text: appealDecidedParagraph(v.appeal) }, ...paragraphs(v.appeal.reasons));
  if (v.mayAppealTo) blocks.push({ kind: "heading", text: "If you disagree" }, { kind: "paragraph", text: appealParagraph(v) });
  blocks.push({ kind: "paragraph", text: questionsParagraph(v.program) });
  return blocks;
}
