import type { DbClient } from "../db/client";
import type { ExemptionStatus, Prisma, Role } from "../db/generated/client";
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from "../audit/record-audit";
import type { Actor } from "../auth/policy";
import { exemptionScope } from "../auth/scopes";
import { AppError } from "../errors";
import { enqueueMail } from "../mail/outbox";

/** Whoever takes a step: an agency user (with their organisation) or the Secretary's staff. */
export type ExemptionActor = Actor & AuditActor & { id: string; organisationId?: string | null; displayName?: string };

/** One request, through the actor's row scope (STYLE.md §3): another agency's request is simply not there. */
export async function scopedRequest(tx: DbClient, actor: ExemptionActor, requestId: string) {
  const r = await tx.exemptionRequest.findFirst({ where: { AND: [exemptionScope(actor), { id: requestId }] } });
  if (!r) throw new AppError("NOT_FOUND", "AppErrors.exemptionMissing");
  return r;
}

export interface Move {
  from: ExemptionStatus;
  to: ExemptionStatus;
  /** The question, answer or reasons kept in the request's history. */
  note?: string | null;
  data?: Prisma.ExemptionRequestUpdateManyMutationInput;
}

/**
 * Move a request and write its history row and audit entry, inside the caller's transaction.
 * Optimistic: if someone else moved it meanwhile, refuse rather than overwrite their step.
 * `actor` null is the expiry job: ExemptionEvent needs a person, so the job writes the audit entry
 * only and the page shows the end of the term from the record itself.
 */
export async function moveRequest(tx: DbClient, actor: (AuditActor & { id: string; role: Role }) | null, requestId: string, m: Move, now: Date) {
  const moved = await tx.exemptionRequest.updateMany({ where: { id: requestId, status: m.from }, data: { ...m.data, status: m.to } });
  if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.exemptionChanged");
  if (actor) await tx.exemptionEvent.create({ data: { requestId, fromStatus: m.from, toStatus: m.to, note: m.note ?? null, actorId: actor.id, actorRole: actor.role, at: now } });
  await recordAudit(tx, actor ?? SYSTEM_ACTOR, { action: "exemption.status-changed", details: { from: m.from, to: m.to }, target: { type: "ExemptionRequest", id: requestId } });
}

/**
 * SEC-29: the agency user who filed hears, by content-free e-mail, that something changed; they sign
 * in to read it. Nothing about the request is in the mail.
 */
export async function tellFiler(tx: DbClient, request: { id: string; submittedById: string }, what: string, now: Date) {
  const filer = await tx.user.findUnique({ where: { id: request.submittedById }, select: { email: true, status: true } });
  if (filer?.status === "ACTIVE") await enqueueMail(tx, { recipient: filer.email, template: "new-message", idempotencyKey: `exemption:${request.id}:${what}:${now.getTime()}` });
}
