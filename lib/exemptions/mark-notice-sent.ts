import type { Db } from "../db/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";

/**
 * U-16: staff record that the participant was told of the grant (the full notice goes by letter to
 * the substitute address, the safe channel; e-mail, where there is any, is content-free). The time is
 * kept in noticeQueuedAt: the notice has left the program's hands.
 */
export async function markNoticeSent(db: Db, actor: Actor & AuditActor & { id: string }, noticeId: string, now = new Date()) {
  if (!["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"].includes(actor.role)) throw new AppError("NOT_YOUR_STEP", "AppErrors.notYourStep");
  await db.$transaction(async (tx) => {
    const { count } = await tx.exemptionParticipant.updateMany({ where: { id: noticeId, noticeQueuedAt: null }, data: { noticeQueuedAt: now } });
    if (count !== 1) throw new AppError("NOT_FOUND", "AppErrors.exemptionNoticeMissing");
    const row = await tx.exemptionParticipant.findUniqueOrThrow({ where: { id: noticeId }, select: { requestId: true } });
    await recordAudit(tx, actor, { action: "exemption.notice-sent", details: {}, target: { type: "ExemptionRequest", id: row.requestId } });
  });
}
