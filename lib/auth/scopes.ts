import type { Prisma } from "../db/generated/client";
import type { Actor } from "./policy";

/**
 * Row scoping (STYLE.md §3): every list and detail query for a role starts from one of these.
 * The policy says whether a role may look at a kind of record at all; the scope says which rows.
 */

const NOTHING = { id: { in: [] as string[] } };

/** Applications: staff see all; an Application Assistant only what they filed (colleagues never see each other's drafts). */
export function applicationScope(actor: Actor): Prisma.ApplicationWhereInput {
  switch (actor.role) {
    case "PROGRAM_STAFF":
    case "PROGRAM_MANAGER":
    case "GENERAL_COUNSEL":
      return {};
    case "APPLICATION_ASSISTANT":
      return { assistant: { userId: actor.id } };
    case "HEALTH_CARE_APPLICANT":
      return { applicantUserId: actor.id };
    default:
      return NOTHING;
  }
}

/** Participant records: the Secretary's case-work staff only. */
export function participantScope(actor: Actor): Prisma.ParticipantWhereInput {
  return ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"].includes(actor.role) ? {} : NOTHING;
}

/**
 * Exemption requests (950 CMR 130, formerly 13.09; 131.07): the Secretary's case-work staff see all;
 * an agency user only their own agency's. Actor carries no organisation, so the caller passes it
 * (currentUser().organisationId); an agency user with none sees nothing.
 */
export function exemptionScope(actor: Actor & { organisationId?: string | null }): Prisma.ExemptionRequestWhereInput {
  switch (actor.role) {
    case "PROGRAM_STAFF":
    case "PROGRAM_MANAGER":
    case "GENERAL_COUNSEL":
      return {};
    case "AGENCY_USER":
      return actor.organisationId ? { organisationId: actor.organisationId } : NOTHING;
    default:
      return NOTHING;
  }
}
