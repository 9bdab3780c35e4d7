import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { can } from "../auth/policy";
import { isoDate } from "../dates/calendar";
import { AppError } from "../errors";
import { NOTICE_DELAY_ROUTES } from "./fields";
import type { StaffActor } from "./record-request";
import { noticeDelayReviewOn } from "./rules";

export interface NoticeRequest {
  requestId: string;
  /** sent: the participant was told; delay: start or renew a delay (30 days); lift: end the delay. */
  op: "sent" | "delay" | "lift";
  reason?: string;
}

/**
 * U-16: after a release the participant is told, through the safe channel, unless a logged
 * law-enforcement or court reason delays it; a delay is reviewed every 30 days. Staff record here
 * that the notice went out, or start, renew or end a delay. A delayed notice is not sent.
 */
export async function updateParticipantNotice(db: Db, actor: StaffActor, req: NoticeRequest, now = new Date()): Promise<void> {
  if (!can(actor, "disclosure:manage")) throw new AppError("FORBIDDEN", "AppErrors.notYourStep");
  await db.$transaction(async (tx) => {
    const r = await tx.disclosureRequest.findUnique({ where: { id: req.requestId }, select: { id: true, route: true, status: true, participantNotifiedAt: true, noticeDelayReason: true } });
    if (!r || r.status !== "RELEASED" || r.participantNotifiedAt) throw new AppError("NOT_PENDING", "AppErrors.noticeNotPending");
    const target = { type: "DisclosureRequest", id: r.id };
    const pending = { id: r.id, status: "RELEASED" as const, participantNotifiedAt: null };
    if (req.op === "sent") {
      if (r.noticeDelayReason) throw new AppError("DELAYED", "AppErrors.noticeDelayed");
      const moved = await tx.disclosureRequest.updateMany({ where: { ...pending, noticeDelayReason: null }, data: { participantNotifiedAt: now } });
      if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.disclosureChanged");
      await recordAudit(tx, actor, { action: "disclosure.notice-sent", details: {}, target });
      return;
    }
    if (req.op === "delay") {
      const reason = req.reason?.trim();
      if (!NOTICE_DELAY_ROUTES.includes(r.route)) throw new AppError("NO_DELAY", "AppErrors.noticeDelayRoute");
      if (!reason) throw new AppError("REASON_REQUIRED", "AppErrors.reasonRequired", "reason");
      const reviewOn = noticeDelayReviewOn(now);
      const moved = await tx.disclosureRequest.updateMany({ where: pending, data: { noticeDelayReason: reason, noticeDelayReviewOn: reviewOn } });
      if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.disclosureChanged");
      await recordAudit(tx, actor, { action: "disclosure.notice-delayed", details: { reviewOn: isoDate(reviewOn) }, target, reason: reason.slice(0, 300) });
      return;
    }
    if (!r.noticeDelayReason) throw new AppError("NOT_DELAYED", "AppErrors.noticeNotDelayed");
    const moved = await tx.disclosureRequest.updateMany({ where: pending, data: { noticeDelayReason: null, noticeDelayReviewOn: null } });
    if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.disclosureChanged");
    // The ended delay's reason stays in the record (the column is cleared).
    await recordAudit(tx, actor, { action: "disclosure.notice-delay-lifted", details: {}, target, reason: r.noticeDelayReason.slice(0, 300) });
  });
}
