import type { DbClient } from "../db/client";
import type { Role } from "../db/generated/enums";
import { AUDIT_EVENTS, type AuditAction, type AuditDetails } from "./events";
import { requestChaining } from "./chain";

/** Who did it, from where: snapshotted into every event (IP already shortened where SEC-28 says so). */
export interface AuditActor {
  id: string | null;
  role: Role | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, role: null, ip: null };

export interface AuditEntry<A extends AuditAction> {
  action: A;
  details: AuditDetails<A>;
  outcome?: "SUCCESS" | "DENIED" | "FAILURE";
  target?: { type: string; id: string };
  purpose?: string;
  /** A person's short reason (a reveal, an override). Must never hold a protected value. */
  reason?: string;
}

/**
 * The audit door: the only writer of AuditEvent. Call it with the transaction client of the change
 * it records, so the change and its record commit or fail together. The hash chain is added after
 * commit, in order, by one writer (lib/audit/chain.ts).
 */
export async function recordAudit<A extends AuditAction>(tx: DbClient, actor: AuditActor, entry: AuditEntry<A>): Promise<bigint> {
  const details = AUDIT_EVENTS[entry.action].parse(entry.details);
  const row = await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorRole: actor.role,
      ip: actor.ip,
      action: entry.action,
      outcome: entry.outcome ?? "SUCCESS",
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      purpose: entry.purpose ?? null,
      reason: entry.reason ?? null,
      details,
    },
    select: { id: true },
  });
  requestChaining();
  return row.id;
}
