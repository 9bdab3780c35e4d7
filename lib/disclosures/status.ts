import type { DisclosureStatus, Role } from "../db/generated/enums";
import { AppError } from "../errors";

/**
 * §5 disclosure requests as a transition table (rules 3.G): RECEIVED → VERIFIED → RELEASED or
 * REFUSED, and RECEIVED → REFUSED (a request that cannot be verified is refused, not left open).
 * Staff check the requester's authority for the route (4.2); only the Program Manager decides.
 */
export interface Transition {
  from: DisclosureStatus;
  to: DisclosureStatus;
  /** Who may take the step. */
  by: readonly Role[];
  /** Written reasons are required (a refusal; a verification note). */
  reasons?: boolean;
}

// GC is among the staff who verify: a court order (§5(3)) is often best read by counsel.
const STAFF: Role[] = ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"];
const PM: Role[] = ["PROGRAM_MANAGER"];

export const DISCLOSURE_TRANSITIONS: readonly Transition[] = [
  { from: "RECEIVED", to: "VERIFIED", by: STAFF, reasons: true },
  { from: "VERIFIED", to: "RELEASED", by: PM },
  { from: "VERIFIED", to: "REFUSED", by: PM, reasons: true },
  { from: "RECEIVED", to: "REFUSED", by: PM, reasons: true },
];

/** Requests still waiting for staff or the PM. */
export const OPEN_DISCLOSURE_STATUSES: readonly DisclosureStatus[] = ["RECEIVED", "VERIFIED"];

/** The matching row, or a typed refusal saying why (AppErrors.* keys). */
export function checkDisclosureTransition(r: { from: DisclosureStatus; to: DisclosureStatus; role: Role; reasons?: string | null }): Transition {
  const rows = DISCLOSURE_TRANSITIONS.filter((t) => t.from === r.from && t.to === r.to);
  if (rows.length === 0) throw new AppError("TRANSITION_REFUSED", "AppErrors.disclosureTransitionRefused");
  const allowed = rows.find((t) => t.by.includes(r.role));
  if (!allowed) throw r.to === "RELEASED" || r.to === "REFUSED" ? new AppError("NOT_YOUR_STEP", "AppErrors.disclosurePmOnly") : new AppError("NOT_YOUR_STEP", "AppErrors.notYourStep");
  if (allowed.reasons && !r.reasons?.trim()) throw new AppError("REASON_REQUIRED", "AppErrors.reasonRequired", "reasons");
  return allowed;
}

/** The steps open to a role from a status, for the forms a page shows. */
export function nextDisclosureSteps(from: DisclosureStatus, role: Role): DisclosureStatus[] {
  return DISCLOSURE_TRANSITIONS.filter((t) => t.from === from && t.by.includes(role)).map((t) => t.to);
}
