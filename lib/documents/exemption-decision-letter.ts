import { DocumentError } from "./errors";
import { renderLetter } from "./layout";
import type { ProgramContact } from "./program-contact";
import { closingLines } from "./templates/common";
import { exemptionDecisionLetterBody, exemptionSubject, type ExemptionDecisionWording } from "./templates/exemption-decision-letter";
import { longDate } from "./text";

/** Dates as YYYY-MM-DD; written out here. */
export interface ExemptionDecisionLetterInput {
  date: string;
  /** The request's opaque reference (EXR-…). */
  reference: string;
  /** The agency head's name and title and the agency: never a participant. */
  addressee: string[];
  agencyName: string;
  decision: "GRANTED" | "WITHHELD";
  decidedOn: string;
  recordSeries: string;
  statuteOrRule: string;
  findings: { bonaFideNeed: boolean; useLimited: boolean; text: string };
  reasons: string;
  conditions?: { termEndsOn: string; purgeOn: string; namedIndividuals: string[]; useAndAccessLimits: string; recordFormat: string; confidentialityDuties: string };
  appeal?: { outcome: "UPHELD" | "CHANGED"; decidedOn: string; reviewer: string; reasons: string; originalDecidedOn: string };
  appealPending?: boolean;
  mayAppealTo?: string;
  revoked?: { on: string; reasons: string };
  expired?: boolean;
  program: ProgramContact;
}

/**
 * The written determination on an exemption request (131.07(4)–(5) [P]): the §4 findings, the
 * reasons and, on a grant, every condition (term, purge date, named individuals, use and access
 * limits, record format, duties). A grant without its term or purge date is refused (U-9).
 */
export async function exemptionDecisionLetterPdf(input: ExemptionDecisionLetterInput): Promise<Uint8Array> {
  if (input.addressee.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "addressee is empty.");
  if (!input.reasons.trim() || !input.findings.text.trim()) throw new DocumentError("DOCUMENT_INVALID_INPUT", "findings and reasons are required: a determination states them in writing.");
  if (input.decision === "GRANTED" && (!input.conditions || input.conditions.namedIndividuals.length === 0)) {
    throw new DocumentError("DOCUMENT_INVALID_INPUT", "a grant needs its conditions, term, purge date and named individuals.");
  }
  const c = input.conditions;
  const wording: ExemptionDecisionWording = {
    decision: input.decision,
    decidedOn: longDate(input.decidedOn, "decidedOn"),
    agencyName: input.agencyName,
    recordSeries: input.recordSeries,
    statuteOrRule: input.statuteOrRule,
    findings: input.findings,
    reasons: input.reasons,
    conditions: c ? { ...c, termEndsOn: longDate(c.termEndsOn, "termEndsOn"), purgeOn: longDate(c.purgeOn, "purgeOn") } : undefined,
    appeal: input.appeal ? { ...input.appeal, decidedOn: longDate(input.appeal.decidedOn, "appeal.decidedOn"), originalDecidedOn: longDate(input.appeal.originalDecidedOn, "appeal.originalDecidedOn") } : undefined,
    appealPending: input.appealPending,
    mayAppealTo: input.mayAppealTo,
    revoked: input.revoked ? { ...input.revoked, on: longDate(input.revoked.on, "revoked.on") } : undefined,
    expired: input.expired,
    program: input.program,
  };
  return renderLetter({
    kind: "exemptionDecisionLetter",
    date: input.date,
    reference: input.reference,
    recipient: input.addressee,
    subject: exemptionSubject(wording),
    body: exemptionDecisionLetterBody(wording),
    closing: closingLines(input.program),
    program: input.program,
  });
}
