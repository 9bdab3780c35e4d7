import type { Role } from "../db/generated/enums";

/**
 * The one permission policy (STYLE.md §2): which role may do what. Every page, server action and
 * route handler asks here (lib/auth/guard.ts); an action missing from this table is denied.
 * Ownership rules (an AA sees only what they filed; an agency only its own requests) are row scopes
 * applied by each module's queries on top of this.
 */
export const PERMISSIONS = {
  // Own account: everyone signed in.
  "account:manage-own": ["APPLICATION_ASSISTANT", "HEALTH_CARE_APPLICANT", "PARTICIPANT", "AGENCY_USER", "PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL", "APPEALS_COMMITTEE", "SYSTEM_ADMIN"],
  // Account administration (SEC-01: the admin account is separate from case work).
  "user:manage": ["SYSTEM_ADMIN"],
  "user:access-review": ["SYSTEM_ADMIN", "PROGRAM_MANAGER"],
  // SEC-05: only the PM designates which program staff may reveal protected fields.
  "user:designate-reveal": ["PROGRAM_MANAGER"],
  // The audit trail: search and export (the export is itself audited; SEC-08).
  "audit:search": ["PROGRAM_MANAGER", "GENERAL_COUNSEL", "SYSTEM_ADMIN"],
  "audit:export": ["PROGRAM_MANAGER", "GENERAL_COUNSEL"],
  // Approving someone else's bulk export (U-14: the two-person rule).
  "export:approve": ["PROGRAM_MANAGER", "GENERAL_COUNSEL"],
  // The Application Assistant registry (3.I). Registering, suspending and revoking is the PM's alone
  // (130.02, U-7): lib/assistants/change-assistant-status.ts checks that step by step.
  "assistant:view": ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"],
  "assistant:manage": ["PROGRAM_STAFF", "PROGRAM_MANAGER"],
  // The review queue of submitted applications (3.A): the Secretary's case-work staff.
  "application:review": ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"],
  // Filing an application (3.A): the assistant for a survivor, the health-care worker for themself.
  // Row scopes (lib/auth/scopes.ts) keep each to their own applications.
  "application:file": ["APPLICATION_ASSISTANT", "HEALTH_CARE_APPLICANT"],
  // Participant records: the Secretary's case-work staff.
  "participant:view": ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"],
  // Agencies (§4, 130.06): the program's staff keep the list of agencies, their users and API keys.
  "agency:manage": ["PROGRAM_STAFF", "PROGRAM_MANAGER"],
  // 130.06(3): confirm-only verification by agency users (a program setting may turn self-service off).
  "participant:verify": ["AGENCY_USER"],
  // The phone route: program staff check a card for an agency that calls, and the check is logged.
  "participant:verify-phone": ["PROGRAM_STAFF", "PROGRAM_MANAGER"],
  // Exemption requests (950 CMR 130, formerly 13.09; 131.07): agencies file, the program reviews;
  // only the PM decides and the configured reviewer decides an appeal (lib/exemptions checks).
  "exemption:file": ["AGENCY_USER"],
  "exemption:review": ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"],
  // §5 requests for an actual address: staff record and verify, the PM decides (lib/disclosures checks).
  "disclosure:manage": ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"],
  // A release view is opened by its named recipient only (an account holder at an agency).
  "disclosure:receive": ["AGENCY_USER"],
  // SEC-10: the dissemination log; its export is itself audited.
  "dissemination:view": ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"],
  "dissemination:export": ["PROGRAM_MANAGER", "GENERAL_COUNSEL"],
  // SEC-05: PM and GC always; program staff only when designated (see canRevealProtected).
  "protected:reveal": ["PROGRAM_MANAGER", "GENERAL_COUNSEL", "PROGRAM_STAFF"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export interface Actor {
  id: string;
  role: Role;
  revealDesignated?: boolean;
}

/** May this actor do this? Pure: no database, no request. */
export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const roles = PERMISSIONS[permission] as readonly Role[] | undefined;
  if (!roles || !roles.includes(actor.role)) return false;
  if (permission === "protected:reveal" && actor.role === "PROGRAM_STAFF") return actor.revealDesignated === true;
  return true;
}

/** Roles that can never read a protected field, whatever else changes (SEC-05; issue 4 §6). */
export const NEVER_REVEAL: readonly Role[] = ["AGENCY_USER", "APPLICATION_ASSISTANT", "APPEALS_COMMITTEE", "SYSTEM_ADMIN", "HEALTH_CARE_APPLICANT", "PARTICIPANT"];
