import type { ExemptionStatus, Role } from "../db/generated/enums";
import { AppError } from "../errors";

/**
 * Agency exemption requests as a transition table (3.F; rules §5; 131.07 [P], formerly 950 CMR 13.09
 * on the survivor track, U-9). Each row says who may take the step and what it needs. The use cases
 * in this folder call checkTransition() before they write.
 *
 * "APPEAL_REVIEWER" is whoever the configuration names to decide a reconsideration (U-9, default
 * General Counsel: ACP_EXEMPTION_APPEAL_REVIEWER); "SYSTEM" is the daily expiry job.
 */
export type StepTaker = Role | "APPEAL_REVIEWER" | "SYSTEM";

export interface Transition {
  from: ExemptionStatus;
  to: ExemptionStatus;
  by: readonly StepTaker[];
  /** A written note is required: the question asked, the agency's answer, the reasons. */
  note?: boolean;
  /**
   * A determination (131.07(4)–(5)): written reasons are required here; the two findings of the §4
   * test (and a grant's conditions) are checked by the use case (lib/exemptions/conditions.ts).
   */
  determination?: boolean;
  /** Only once per request: a decision is reconsidered at most once (U-9 sets no further appeal). */
  once?: boolean;
}

const STAFF: StepTaker[] = ["PROGRAM_STAFF", "PROGRAM_MANAGER"];
const PM: StepTaker[] = ["PROGRAM_MANAGER"];
const AGENCY: StepTaker[] = ["AGENCY_USER"];

export const EXEMPTION_TRANSITIONS: readonly Transition[] = [
  { from: "SUBMITTED", to: "UNDER_REVIEW", by: STAFF },
  // The review may pause for questions to the agency; its answer sends the request back to review.
  { from: "UNDER_REVIEW", to: "INFORMATION_REQUESTED", by: STAFF, note: true },
  { from: "INFORMATION_REQUESTED", to: "UNDER_REVIEW", by: AGENCY, note: true },
  // 131.07(4)–(5): the PM alone decides, in writing; a grant with its conditions and term.
  { from: "UNDER_REVIEW", to: "GRANTED", by: PM, determination: true },
  { from: "UNDER_REVIEW", to: "WITHHELD", by: PM, determination: true },
  // An agency that never answers does not keep a request open for ever.
  { from: "INFORMATION_REQUESTED", to: "WITHHELD", by: PM, determination: true },
  // U-9: revocation allowed, with reasons; the term ends on its own by the daily job.
  { from: "GRANTED", to: "REVOKED", by: PM, note: true },
  { from: "GRANTED", to: "EXPIRED", by: ["SYSTEM"] },
  // 131.07(3) mentions an appeal of either decision; U-9: a reconsideration the agency asks for.
  { from: "GRANTED", to: "APPEALED", by: AGENCY, note: true, once: true },
  { from: "WITHHELD", to: "APPEALED", by: AGENCY, note: true, once: true },
  // The reviewer upholds the decision appealed (back to it) or changes it (to the other one).
  { from: "APPEALED", to: "GRANTED", by: ["APPEAL_REVIEWER"], note: true },
  { from: "APPEALED", to: "WITHHELD", by: ["APPEAL_REVIEWER"], note: true },
];

export const EXEMPTION_STATUSES: readonly ExemptionStatus[] = ["SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED", "GRANTED", "WITHHELD", "APPEALED", "EXPIRED", "REVOKED"];

/**
 * 131.07(3): throughout review, evaluation and any appeal the agency keeps using the substitute
 * address. While a request is in one of these, every screen of it says so.
 */
export const INTERIM_STATUSES: readonly ExemptionStatus[] = ["SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED", "APPEALED"];

/** Waiting on the program for a decision (the 30-day internal target of U-9 applies to these). */
export const AWAITING_DECISION: readonly ExemptionStatus[] = ["SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED"];

/** U-9: the internal target for a decision, in days. */
export const DECISION_TARGET_DAYS = 30;

export interface TransitionRequest {
  from: ExemptionStatus;
  to: ExemptionStatus;
  /** The role of whoever takes the step, or SYSTEM for the expiry job. */
  by: Role | "SYSTEM";
  /** The role the configuration names to decide a reconsideration (U-9). */
  reviewer: Role;
  note?: string | null;
  /** This request has already been reconsidered once. */
  reconsidered?: boolean;
}

/** The matching row, or a typed refusal saying why (AppErrors.* keys, shown in the user's language). */
export function checkTransition(r: TransitionRequest): Transition {
  const rows = EXEMPTION_TRANSITIONS.filter((t) => t.from === r.from && t.to === r.to);
  if (rows.length === 0) throw new AppError("TRANSITION_REFUSED", "AppErrors.exemptionTransitionRefused");
  const row = rows.find((t) => t.by.includes(r.by) || (r.by !== "SYSTEM" && r.by === r.reviewer && t.by.includes("APPEAL_REVIEWER")));
  if (!row) throw new AppError("NOT_YOUR_STEP", "AppErrors.notYourStep");
  if (row.once && r.reconsidered) throw new AppError("ALREADY_RECONSIDERED", "AppErrors.exemptionReconsidered");
  // A determination states its reasons in writing (131.07(5) [P]); so does every written step.
  if ((row.note || row.determination) && !r.note?.trim()) throw new AppError("NOTE_REQUIRED", "AppErrors.reasonRequired", row.from === "INFORMATION_REQUESTED" || row.to === "INFORMATION_REQUESTED" ? "note" : "reasons");
  return row;
}

/** The steps open to a role from a status, for the forms a page shows. */
export function nextSteps(from: ExemptionStatus, by: Role, reviewer: Role, reconsidered = false): ExemptionStatus[] {
  const out: ExemptionStatus[] = [];
  for (const t of EXEMPTION_TRANSITIONS) {
    if (t.from !== from || out.includes(t.to)) continue;
    try {
      checkTransition({ from, to: t.to, by, reviewer, note: "x", reconsidered });
      out.push(t.to);
    } catch {
      // not open to this role here
    }
  }
  return out;
}

/**
 * A reconsideration (U-9) ends in one of two outcomes: UPHELD sends the request back to the decision
 * appealed, CHANGED to the other decision.
 */
export type AppealOutcome = "UPHELD" | "CHANGED";

export function appealTarget(appealedFrom: "GRANTED" | "WITHHELD", outcome: AppealOutcome): "GRANTED" | "WITHHELD" {
  if (outcome === "UPHELD") return appealedFrom;
  return appealedFrom === "GRANTED" ? "WITHHELD" : "GRANTED";
}

/** What a page may confirm after a step (a code in the URL: never personal data). */
export const STAFF_DONE = ["stepDone", "asked", "decided", "revoked"] as const;
export const AGENCY_DONE = ["answered", "appealed"] as const;
