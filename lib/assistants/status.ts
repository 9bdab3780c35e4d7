import type { AssistantStatus } from "../db/generated/enums";
import { AppError } from "../errors";

/**
 * The Application Assistant registry as a transition table (3.I; U-7). DESIGNATED by the employer →
 * TRAINED → ACCEPTED → REGISTERED (number issued) → SUSPENDED / REVOKED / EXPIRED. A registration
 * lasts two years and is renewed after refresher training (REGISTERED or EXPIRED → REGISTERED).
 * REVOKED is final.
 */
export const ASSISTANT_TRANSITIONS: Record<AssistantStatus, readonly AssistantStatus[]> = {
  DESIGNATED: ["TRAINED", "REVOKED"],
  TRAINED: ["ACCEPTED", "REVOKED"],
  ACCEPTED: ["REGISTERED", "REVOKED"],
  REGISTERED: ["REGISTERED", "SUSPENDED", "REVOKED", "EXPIRED"],
  SUSPENDED: ["REGISTERED", "REVOKED"],
  EXPIRED: ["REGISTERED", "REVOKED"],
  REVOKED: [],
};

export function canTransition(from: AssistantStatus, to: AssistantStatus): boolean {
  return ASSISTANT_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: AssistantStatus, to: AssistantStatus): void {
  if (!canTransition(from, to)) throw new AppError("TRANSITION_REFUSED", "AppErrors.assistantTransitionRefused");
}

/** 130.02: the Program Manager registers assistants; U-7: and suspends, revokes and renews them. */
export function needsProgramManager(to: AssistantStatus): boolean {
  return to === "REGISTERED" || to === "SUSPENDED" || to === "REVOKED";
}

/** Steps that must say why (U-7: "with a reason"). */
export function needsReason(to: AssistantStatus): boolean {
  return to === "SUSPENDED" || to === "REVOKED";
}

/** Steps that record a training date: the first training, and the refresher before a renewal. */
export function needsTrainingDate(from: AssistantStatus, to: AssistantStatus): boolean {
  return to === "TRAINED" || (to === "REGISTERED" && (from === "REGISTERED" || from === "EXPIRED"));
}

/** U-7: a registration lasts two years (a setting; this is the default). */
export const REGISTRATION_TERM_YEARS = 2;
