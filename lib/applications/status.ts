import type { ApplicationStatus, Role, Track } from "../db/generated/enums";
import { AppError } from "../errors";

/**
 * Application → certification as a transition table (3.A; 130.04; U-13). Each row says who may take
 * the step and what it needs. The use cases (issue 5) call checkTransition() before they write.
 */
export interface Transition {
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** Who may take the step. */
  by: readonly Role[];
  /** Written reasons are required (a denial, a return by counsel, a request for documents). */
  reasons?: boolean;
  /** Only on this track. */
  track?: Track;
  /** Only when the evidence includes "other" (true) or only when it does not (false): 130.04(2)(c). */
  otherEvidence?: boolean;
}

const STAFF: Role[] = ["PROGRAM_STAFF", "PROGRAM_MANAGER"];
const PM: Role[] = ["PROGRAM_MANAGER"];

export const APPLICATION_TRANSITIONS: readonly Transition[] = [
  // §2(2)(i): on the survivor track the assistant submits; on the health-care track the applicant (U-13).
  { from: "DRAFT", to: "SUBMITTED", by: ["APPLICATION_ASSISTANT"], track: "SURVIVOR" },
  { from: "DRAFT", to: "SUBMITTED", by: ["HEALTH_CARE_APPLICANT"], track: "HEALTH_CARE" },
  { from: "SUBMITTED", to: "UNDER_REVIEW", by: STAFF },
  // 130.04(3): the PM may ask for more documents; the loop may repeat.
  { from: "UNDER_REVIEW", to: "AWAITING_DOCUMENTS", by: STAFF, reasons: true },
  { from: "AWAITING_DOCUMENTS", to: "UNDER_REVIEW", by: STAFF },
  // 130.04(1): only the PM certifies; with "other" evidence the GC must agree first (130.04(2)(c)(2)).
  { from: "UNDER_REVIEW", to: "CERTIFIED", by: PM, otherEvidence: false },
  { from: "UNDER_REVIEW", to: "CERTIFIED", by: PM, track: "HEALTH_CARE" },
  { from: "UNDER_REVIEW", to: "PENDING_GC_APPROVAL", by: PM, track: "SURVIVOR", otherEvidence: true },
  { from: "PENDING_GC_APPROVAL", to: "CERTIFIED", by: ["GENERAL_COUNSEL"] },
  { from: "PENDING_GC_APPROVAL", to: "UNDER_REVIEW", by: ["GENERAL_COUNSEL"], reasons: true },
  // A denial always gives written reasons and the appeal right (130.10).
  { from: "UNDER_REVIEW", to: "DENIED", by: PM, reasons: true },
  { from: "AWAITING_DOCUMENTS", to: "DENIED", by: PM, reasons: true },
  // The applicant may stop at any point before a decision; the assistant or staff record it.
  ...(["DRAFT", "SUBMITTED", "UNDER_REVIEW", "AWAITING_DOCUMENTS", "PENDING_GC_APPROVAL"] as const).map(
    (from): Transition => ({ from, to: "WITHDRAWN", by: ["APPLICATION_ASSISTANT", "HEALTH_CARE_APPLICANT", "PROGRAM_STAFF", "PROGRAM_MANAGER"] }),
  ),
];

export interface TransitionRequest {
  from: ApplicationStatus;
  to: ApplicationStatus;
  role: Role;
  track: Track;
  hasOtherEvidence: boolean;
  reasons?: string;
}

/** The matching row, or a typed refusal saying why (AppErrors.* keys, shown in the user's language). */
export function checkTransition(r: TransitionRequest): Transition {
  const rows = APPLICATION_TRANSITIONS.filter((t) => t.from === r.from && t.to === r.to);
  if (rows.length === 0) throw new AppError("TRANSITION_REFUSED", "AppErrors.applicationTransitionRefused");
  const onTrack = rows.filter((t) => !t.track || t.track === r.track);
  const forEvidence = onTrack.filter((t) => t.otherEvidence === undefined || t.otherEvidence === r.hasOtherEvidence);
  if (forEvidence.length === 0) {
    throw onTrack.length
      ? new AppError("GC_APPROVAL_REQUIRED", "AppErrors.gcApprovalRequired")
      : new AppError("TRANSITION_REFUSED", "AppErrors.applicationTransitionRefused");
  }
  const allowed = forEvidence.find((t) => t.by.includes(r.role));
  if (!allowed) throw new AppError("NOT_YOUR_STEP", "AppErrors.notYourStep");
  if (allowed.reasons && !r.reasons?.trim()) throw new AppError("REASON_REQUIRED", "AppErrors.reasonRequired", "reasons");
  return allowed;
}

/** The steps open to a role from a status, for the buttons a page shows. */
export function nextSteps(from: ApplicationStatus, role: Role, track: Track, hasOtherEvidence: boolean): ApplicationStatus[] {
  const out: ApplicationStatus[] = [];
  for (const t of APPLICATION_TRANSITIONS) {
    if (t.from !== from || out.includes(t.to)) continue;
    try {
      checkTransition({ from, to: t.to, role, track, hasOtherEvidence, reasons: "x" });
      out.push(t.to);
    } catch {
      // not open to this role here
    }
  }
  return out;
}
