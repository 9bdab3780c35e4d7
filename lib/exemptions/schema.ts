import { z } from "zod";
import { isValidParticipantNumber, normalizeParticipantNumber } from "../participants/participant-number";

// Client-safe: one zod schema per form (STYLE.md §6). The server actions parse with these and use
// the parsed value; messages are keys of the message files (Validation.*).

const id = z.string().min(1).max(40);
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min >= 10 ? "Validation.min10" : min >= 5 ? "Validation.reasonMin5" : "Validation.required")
    .max(max, max <= 120 ? "Validation.max120" : max <= 300 ? "Validation.max300" : max <= 500 ? "Validation.max500" : "Validation.max4000");
// "" is an unanswered select: accepted here so the whole form is checked at once (a wrong enum value
// would stop zod before the cross-field checks); findingIssues() then asks for an answer.
const yesNo = z.enum(["yes", "no", ""], "Validation.choose");

/** The most names a request may list, and the most participant numbers one report may hold. */
export const MAX_NAMED_INDIVIDUALS = 50;
export const MAX_REPORTED_NUMBERS = 200;

/** One entry per line; blank lines dropped. */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** 131.07(1)(a)–(d), the confidentiality measures and the agency head's certification. */
export const fileRequestSchema = z.object({
  statuteOrRule: text(3, 4000),
  recordSeries: text(3, 4000),
  namedIndividuals: z
    .string()
    .max(4000, "Validation.max4000")
    .transform(lines)
    .refine((l) => l.length > 0, "Validation.addOne")
    .refine((l) => l.length <= MAX_NAMED_INDIVIDUALS, "Validation.tooMany")
    .refine((l) => l.every((n) => n.length <= 200), "Validation.namedIndividualTooLong"),
  whyProceduresInsufficient: text(3, 4000),
  confidentialityMeasures: text(3, 4000),
  agencyHeadName: text(2, 120),
  agencyHeadTitle: text(2, 120),
  certified: z.literal("yes", "Validation.tickToConfirm"),
});
export type FileRequestInput = z.infer<typeof fileRequestSchema>;

export const startReviewSchema = z.object({ requestId: id, confirm: z.literal("start") });

/** A question to the agency, or the agency's answer. */
export const noteSchema = z.object({ requestId: id, note: text(5, 4000) });

/** A revocation, an appeal, or the reasons of a reconsideration. */
export const reasonsSchema = z.object({ requestId: id, reasons: text(10, 4000) });

/** The conditions of a grant (131.07(5); U-9: a term and a purge date are required). */
const conditionFields = {
  confidentialityDuties: z.string().trim().max(4000, "Validation.max4000").optional(),
  useAndAccessLimits: z.string().trim().max(4000, "Validation.max4000").optional(),
  recordFormat: z.string().trim().max(4000, "Validation.max4000").optional(),
  termEndsOn: z.string().trim().optional(),
  purgeOn: z.string().trim().optional(),
};
/** The §4 test and its findings, recorded on every determination. */
const findingFields = {
  findingBonaFideNeed: yesNo.optional(),
  findingUseLimited: yesNo.optional(),
  findings: z.string().trim().max(4000, "Validation.max4000").optional(),
};

/** A real calendar date written YYYY-MM-DD (2026-02-31 is not one). */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

type Issue = { path: string; message: string };
type Ctx = { addIssue: (i: { code: "custom"; path: string[]; message: string }) => void };
const report = (ctx: Ctx, issues: Issue[]) => issues.forEach((i) => ctx.addIssue({ code: "custom", path: [i.path], message: i.message }));

/** What a determination needs: both findings answered and written findings (§4; rules §5 item 3). */
export function findingIssues(v: { findingBonaFideNeed?: string; findingUseLimited?: string; findings?: string }, grant: boolean): Issue[] {
  const out: Issue[] = [];
  if (!v.findingBonaFideNeed) out.push({ path: "findingBonaFideNeed", message: "Validation.choose" });
  if (!v.findingUseLimited) out.push({ path: "findingUseLimited", message: "Validation.choose" });
  // §4: an exemption needs both parts of the test; a grant with either answered "no" is refused.
  if (grant && v.findingBonaFideNeed === "no") out.push({ path: "findingBonaFideNeed", message: "Validation.testNotMet" });
  if (grant && v.findingUseLimited === "no") out.push({ path: "findingUseLimited", message: "Validation.testNotMet" });
  if (!v.findings || v.findings.length < 10) out.push({ path: "findings", message: "Validation.findingsRequired" });
  return out;
}

/** What a grant needs: every condition, the term end and the purge date (131.07(5); U-9). */
export function conditionIssues(v: { confidentialityDuties?: string; useAndAccessLimits?: string; recordFormat?: string; termEndsOn?: string; purgeOn?: string }): Issue[] {
  const out: Issue[] = [];
  for (const k of ["confidentialityDuties", "useAndAccessLimits", "recordFormat"] as const) if (!v[k] || v[k].length < 3) out.push({ path: k, message: "Validation.required" });
  for (const k of ["termEndsOn", "purgeOn"] as const) {
    if (!v[k]) out.push({ path: k, message: k === "purgeOn" ? "Validation.purgeRequired" : "Validation.required" });
    else if (!isCalendarDate(v[k])) out.push({ path: k, message: "Validation.dateFormat" });
  }
  return out;
}

/** The PM's determination (131.07(4)–(5)). */
export const decideSchema = z
  .object({ requestId: id, outcome: z.enum(["GRANTED", "WITHHELD"], "Validation.choose"), reasons: text(10, 4000), ...findingFields, ...conditionFields })
  .superRefine((v, ctx) => {
    report(ctx, findingIssues(v, v.outcome === "GRANTED"));
    if (v.outcome === "GRANTED") report(ctx, conditionIssues(v));
  });
export type DecideInput = z.infer<typeof decideSchema>;

/**
 * The reviewer's decision on a reconsideration (U-9). A change is a new determination: a change to a
 * grant needs the findings and every condition, a change to withheld needs the findings.
 * `appealedFrom` is what the page showed; the use case checks it against the record.
 */
export const decideAppealSchema = z
  .object({ requestId: id, appealedFrom: z.enum(["GRANTED", "WITHHELD"]), outcome: z.enum(["UPHELD", "CHANGED"], "Validation.choose"), reasons: text(10, 4000), ...findingFields, ...conditionFields })
  .superRefine((v, ctx) => {
    if (v.outcome !== "CHANGED") return;
    const toGrant = v.appealedFrom === "WITHHELD";
    report(ctx, findingIssues(v, toGrant));
    if (toGrant) report(ctx, conditionIssues(v));
  });
export type DecideAppealInput = z.infer<typeof decideAppealSchema>;

/**
 * Participant numbers the agency holds under a granted exemption (U-16). Only the format and check
 * digit are judged here; whether a number belongs to anyone is never said back.
 */
export const reportParticipantsSchema = z.object({
  requestId: id,
  numbers: z
    .string()
    .max(20_000, "Validation.tooMany")
    .transform((s) => lines(s.replace(/[,;]/g, "\n")).map(normalizeParticipantNumber))
    .refine((l) => l.length > 0, "Validation.addOne")
    .refine((l) => l.length <= MAX_REPORTED_NUMBERS, "Validation.tooMany")
    .refine((l) => l.every(isValidParticipantNumber), "Validation.participantNumbers")
    .transform((l) => [...new Set(l)]),
});

export const markNoticeSentSchema = z.object({ noticeId: id, confirm: z.literal("sent") });

/** Queue filters: codes and numbers only, so they may sit in the URL (no personal data). */
export const queueFilterSchema = z.object({
  status: z.enum(["SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED", "GRANTED", "WITHHELD", "APPEALED", "EXPIRED", "REVOKED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;
