import type { Role } from "../db/generated/enums";

export const ROLES = [
  "APPLICATION_ASSISTANT",
  "HEALTH_CARE_APPLICANT",
  "PARTICIPANT",
  "AGENCY_USER",
  "PROGRAM_STAFF",
  "PROGRAM_MANAGER",
  "GENERAL_COUNSEL",
  "APPEALS_COMMITTEE",
  "SYSTEM_ADMIN",
] as const satisfies readonly Role[];

/** The Secretary's office (rules section 1). */
export const STAFF_ROLES: readonly Role[] = ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL", "APPEALS_COMMITTEE", "SYSTEM_ADMIN"];

/** SEC-02: a second factor is required for every role but applicants and participants, who are offered it. */
export function mfaRequired(role: Role): boolean {
  return role !== "HEALTH_CARE_APPLICANT" && role !== "PARTICIPANT";
}

/** SEC-28: whose IP addresses are kept whole in the security log. Everyone else's are shortened. */
export function keepsFullIp(role: Role | null | undefined): boolean {
  return !!role && role !== "HEALTH_CARE_APPLICANT" && role !== "PARTICIPANT";
}

/** SEC-04: accounts idle for 45 days are disabled, except applicants' and participants'. */
export function subjectToIdleDisable(role: Role): boolean {
  return keepsFullIp(role);
}

/** The idle timeout (15 min) and its warning apply to staff (SEC-04, issue 4). */
export function hasStaffIdleTimeout(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
