import type { DbClient } from "../db/client";
import type { DisseminationKind } from "../db/generated/enums";

/** SEC-10: the legal routes a confirmation or disclosure relies on. */
export const LEGAL_ROUTES = {
  VERIFICATION: "950 CMR 130.06(3)",
  EXEMPTION: "M.G.L. c. 9A §4; 950 CMR 130 (formerly 13.09)",
  LAW_ENFORCEMENT: "M.G.L. c. 9A §5(1)",
  AGENCY_COMMISSIONER: "M.G.L. c. 9A §5(2)",
  COURT_ORDER: "M.G.L. c. 9A §5(3)",
  FALSE_INFORMATION: "M.G.L. c. 9A §5(4)",
} as const;

export interface DisseminationEntry {
  kind: DisseminationKind;
  participantId: string | null;
  /** What was confirmed or disclosed, in words; never the address itself. */
  disclosed: string;
  recipientName: string;
  recipientOrganisation?: string | null;
  organisationId?: string | null;
  userId?: string | null;
  apiKeyId?: string | null;
  reason?: string | null;
  legalRoute: string;
  /** Keyed hash of the participant number asked about (verification sweeps). */
  subjectKey?: string | null;
  at?: Date;
}

/**
 * The one writer of the dissemination log (SEC-10, c. 66A): call it inside the transaction of the
 * confirmation or release it records, so there is never a disclosure without its entry. The table
 * is append-only (a trigger refuses UPDATE and DELETE).
 */
export async function recordDissemination(tx: DbClient, e: DisseminationEntry): Promise<void> {
  await tx.disseminationLog.create({
    data: {
      kind: e.kind,
      participantId: e.participantId,
      disclosed: e.disclosed.slice(0, 300),
      recipientName: e.recipientName.slice(0, 200),
      recipientOrganisation: e.recipientOrganisation?.slice(0, 200) ?? null,
      organisationId: e.organisationId ?? null,
      userId: e.userId ?? null,
      apiKeyId: e.apiKeyId ?? null,
      reason: e.reason?.slice(0, 500) ?? null,
      legalRoute: e.legalRoute,
      subjectKey: e.subjectKey ?? null,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}
