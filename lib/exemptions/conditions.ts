import type { DbClient } from "../db/client";
import { addCalendarDays, calendarDate, isoDate, todayInMassachusetts } from "../dates/calendar";
import { LEGAL_ROUTES, recordDissemination } from "../dissemination/record-dissemination";
import { AppError } from "../errors";
import { conditionIssues, findingIssues } from "./schema";

/** The longest term a grant may run, in days (ten years): a term is required, not an open end. */
export const MAX_TERM_DAYS = 3650;

export interface FindingsInput {
  findingBonaFideNeed?: string;
  findingUseLimited?: string;
  findings?: string;
}
export interface ConditionsInput {
  confidentialityDuties?: string;
  useAndAccessLimits?: string;
  recordFormat?: string;
  termEndsOn?: string;
  purgeOn?: string;
}

function firstIssue(issues: { path: string; message: string }[]) {
  if (issues.length) throw new AppError("DETERMINATION_INCOMPLETE", issues[0].message, issues[0].path);
}

/** §4 two-part test and the written findings, checked again on the server (the form's schema is the first check). */
export function determinationFindings(v: FindingsInput, grant: boolean) {
  firstIssue(findingIssues(v, grant));
  return { findingBonaFideNeed: v.findingBonaFideNeed === "yes", findingUseLimited: v.findingUseLimited === "yes", findings: v.findings!.trim() };
}

/**
 * The conditions of a grant (131.07(5) [P]; U-9): confidentiality duties, use and access limits,
 * the record format, a term that ends after today, and a purge (disposition) date no earlier than
 * the end of the term, so no actual address is kept beyond what the exemption allowed.
 */
export function grantConditions(v: ConditionsInput, now: Date) {
  firstIssue(conditionIssues(v));
  const today = todayInMassachusetts(now);
  const termEndsOn = calendarDate(v.termEndsOn!);
  const purgeOn = calendarDate(v.purgeOn!);
  if (termEndsOn <= today) throw new AppError("TERM_PAST", "Validation.termFuture", "termEndsOn");
  if (termEndsOn > addCalendarDays(today, MAX_TERM_DAYS)) throw new AppError("TERM_LONG", "Validation.termTooLong", "termEndsOn");
  if (purgeOn < termEndsOn) throw new AppError("PURGE_EARLY", "Validation.purgeAfterTerm", "purgeOn");
  return {
    confidentialityDuties: v.confidentialityDuties!.trim(),
    useAndAccessLimits: v.useAndAccessLimits!.trim(),
    recordFormat: v.recordFormat!.trim(),
    termEndsOn,
    purgeOn,
  };
}

/**
 * SEC-10, rules §5 item 9: a grant is a c. 66A dissemination (the agency may now hold actual
 * addresses in the record series): it goes into the dissemination log in the grant's transaction.
 * It names no participant; each participant the agency then reports gets an entry of their own.
 */
export async function logGrant(
  tx: DbClient,
  r: { id: string; reference: string; organisationId: string; submittedById: string; recordSeries: string; agencyHeadName: string; agencyHeadTitle: string },
  termEndsOn: Date,
  at: Date,
) {
  const org = await tx.organisation.findUnique({ where: { id: r.organisationId }, select: { name: true } });
  await recordDissemination(tx, {
    kind: "EXEMPTION_GRANT",
    participantId: null,
    disclosed: `Written exemption ${r.reference}: actual addresses may be used in the record series named in the request, until ${isoDate(termEndsOn)}`,
    recipientName: `${r.agencyHeadName}, ${r.agencyHeadTitle}`,
    recipientOrganisation: org?.name ?? null,
    organisationId: r.organisationId,
    userId: r.submittedById,
    reason: `Exemption granted: ${r.recordSeries}`,
    legalRoute: LEGAL_ROUTES.EXEMPTION,
    at,
  });
}
