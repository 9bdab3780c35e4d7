import type { Db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { recordAudit } from "../audit/record-audit";
import { programSettings } from "../config/program";
import { isoDate, todayInMassachusetts } from "../dates/calendar";
import { exemptionDecisionLetterPdf, type ExemptionDecisionLetterInput } from "../documents/exemption-decision-letter";
import { AppError } from "../errors";
import { exemptionRequest } from "./queries";
import { exemptionSettings, type ExemptionSettings } from "./settings";
import type { ExemptionActor } from "./transition";

const TITLES: Partial<Record<Role, string>> = { GENERAL_COUNSEL: "General Counsel", PROGRAM_MANAGER: "Program Manager" };
const title = (role: Role | undefined) => (role && TITLES[role]) || "General Counsel";

/** Statuses with a written determination to print. */
export const LETTER_STATUSES = ["GRANTED", "WITHHELD", "APPEALED", "EXPIRED", "REVOKED"] as const;

/**
 * The decision letter as PDF, for staff and for the requesting agency (scope: another agency's
 * request is "not found"). It holds the agency's own request and the program's determination only;
 * no participant is ever named in it.
 */
export async function exemptionDecisionLetter(db: Db, actor: ExemptionActor, requestId: string, settings: Partial<ExemptionSettings> = {}, now = new Date()): Promise<Uint8Array> {
  const r = await exemptionRequest(db, actor, requestId);
  if (!r || !r.decidedAt || !(LETTER_STATUSES as readonly string[]).includes(r.status) || r.findingBonaFideNeed === null || r.findingUseLimited === null) {
    throw new AppError("NOT_FOUND", "AppErrors.exemptionMissing");
  }
  const decision = r.status === "APPEALED" ? r.appealedFrom : r.status === "WITHHELD" ? "WITHHELD" : "GRANTED";
  if (decision !== "GRANTED" && decision !== "WITHHELD") throw new AppError("NOT_FOUND", "AppErrors.exemptionMissing");
  const day = (d: Date) => isoDate(todayInMassachusetts(d));
  const appealEvent = r.appealDecidedAt ? r.events.findLast((e) => e.fromStatus === "APPEALED") : undefined;
  const revokedEvent = r.status === "REVOKED" ? r.events.findLast((e) => e.toStatus === "REVOKED") : undefined;
  const p = programSettings();
  const input: ExemptionDecisionLetterInput = {
    date: day(now),
    reference: r.reference,
    addressee: [r.agencyHeadName, r.agencyHeadTitle, r.organisation.name],
    agencyName: r.organisation.name,
    decision,
    decidedOn: day(r.appealOutcome === "CHANGED" && r.appealDecidedAt ? r.appealDecidedAt : r.decidedAt),
    recordSeries: r.recordSeries,
    statuteOrRule: r.statuteOrRule,
    findings: { bonaFideNeed: r.findingBonaFideNeed, useLimited: r.findingUseLimited, text: r.findings ?? "" },
    reasons: r.reasons ?? "",
    conditions:
      decision === "GRANTED" && r.termEndsOn && r.purgeOn
        ? {
            termEndsOn: isoDate(r.termEndsOn),
            purgeOn: isoDate(r.purgeOn),
            namedIndividuals: r.namedIndividuals,
            useAndAccessLimits: r.useAndAccessLimits ?? "",
            recordFormat: r.recordFormat ?? "",
            confidentialityDuties: r.confidentialityDuties ?? "",
          }
        : undefined,
    appeal:
      r.appealDecidedAt && (r.appealOutcome === "UPHELD" || r.appealOutcome === "CHANGED")
        ? { outcome: r.appealOutcome, decidedOn: day(r.appealDecidedAt), reviewer: title(appealEvent?.actorRole), reasons: appealEvent?.note ?? "", originalDecidedOn: day(r.decidedAt) }
        : undefined,
    appealPending: r.status === "APPEALED",
    // U-9: one reconsideration, of a decision still in force.
    mayAppealTo: (r.status === "GRANTED" || r.status === "WITHHELD") && !r.appealDecidedAt ? title(exemptionSettings(settings).reviewer) : undefined,
    revoked: r.status === "REVOKED" ? { on: day(revokedEvent?.at ?? now), reasons: r.revokedReason ?? "" } : undefined,
    expired: r.status === "EXPIRED",
    program: { name: "Address Confidentiality Program", phone: p.phone, tollFree: p.tollFree, mailingAddress: p.mailingAddress },
  };
  const pdf = await exemptionDecisionLetterPdf(input);
  await recordAudit(db, actor, { action: "exemption.letter-generated", details: { decision: r.status }, target: { type: "ExemptionRequest", id: r.id } });
  return pdf;
}
