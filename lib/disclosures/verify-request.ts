import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { can } from "../auth/policy";
import { AppError } from "../errors";
import type { StaffActor } from "./record-request";
import { checkDisclosureTransition } from "./status";

export interface VerifyRequest {
  requestId: string;
  note: string;
  /** §5(3): the order names the recipient and this participant … */
  orderNamesRecipientAndParticipant?: boolean;
  /** … and states the reasons for disclosure. */
  orderStatesReasons?: boolean;
}

/**
 * Rules 3.G: staff check the requester's authority for the route before the PM decides. What each
 * route needs: U-8's callback to the number on file (law enforcement); the need shown (a
 * commissioner); the order confirmed to name the recipient and the participant and to state reasons
 * (a court order, SEC-19); the false-information cancellation still on file.
 */
export async function verifyDisclosureRequest(db: Db, actor: StaffActor, req: VerifyRequest, now = new Date()): Promise<void> {
  if (!can(actor, "disclosure:manage")) throw new AppError("FORBIDDEN", "AppErrors.notYourStep");
  await db.$transaction(async (tx) => {
    const r = await tx.disclosureRequest.findUnique({ where: { id: req.requestId } });
    if (!r) throw new AppError("NOT_FOUND", "AppErrors.disclosureMissing");
    const note = req.note.trim();
    checkDisclosureTransition({ from: r.status, to: "VERIFIED", role: actor.role, reasons: note });
    const order = req.orderNamesRecipientAndParticipant === true && req.orderStatesReasons === true;
    switch (r.route) {
      case "LAW_ENFORCEMENT":
        if (!r.callbackVerifiedAt) throw new AppError("CALLBACK_NOT_VERIFIED", "AppErrors.callbackNotVerified");
        // Outside an emergency the signed written request came in with the request (U-8).
        if (!r.emergency && !r.writtenRequestReceivedAt) throw new AppError("WRITTEN_REQUEST_MISSING", "AppErrors.writtenRequestMissing");
        break;
      case "AGENCY_COMMISSIONER":
        if (!r.needShown?.trim()) throw new AppError("NEED_NOT_SHOWN", "Validation.needShownRequired");
        break;
      case "COURT_ORDER":
        if (!r.courtOrderStorageKey) throw new AppError("COURT_ORDER_REQUIRED", "Validation.courtOrderRequired");
        if (!req.orderNamesRecipientAndParticipant) throw new AppError("ORDER_NOT_CONFIRMED", "AppErrors.courtOrderNotConfirmed", "orderNamesRecipientAndParticipant");
        if (!req.orderStatesReasons) throw new AppError("ORDER_NOT_CONFIRMED", "AppErrors.courtOrderNotConfirmed", "orderStatesReasons");
        break;
      case "FALSE_INFORMATION": {
        // Stand-in until the lifecycle issue records the cancellation ground (see record-request.ts).
        const p = await tx.participant.findUnique({ where: { id: r.participantId }, select: { status: true } });
        if (p?.status !== "CANCELLED") throw new AppError("NOT_CANCELLED", "AppErrors.notCancelledForFalseInformation");
        break;
      }
    }
    const moved = await tx.disclosureRequest.updateMany({
      where: { id: r.id, status: "RECEIVED" },
      data: {
        status: "VERIFIED",
        verifiedById: actor.id,
        verifiedAt: now,
        verificationNote: note,
        ...(r.route === "COURT_ORDER" ? { courtOrderNamesRecipient: order, courtOrderStatesReasons: order } : {}),
      },
    });
    if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.disclosureChanged");
    await recordAudit(tx, actor, { action: "disclosure.verified", details: {}, target: { type: "DisclosureRequest", id: r.id }, reason: note.slice(0, 300) });
  });
}
