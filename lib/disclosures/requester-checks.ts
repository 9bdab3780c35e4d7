import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { can } from "../auth/policy";
import { AppError } from "../errors";
import { AGENCY_KINDS, type StaffActor } from "./record-request";
import { callbackMatches } from "./rules";

/**
 * U-8: staff called the number on file for the law-enforcement agency (never the number the caller
 * gave, unless it is the same) and the agency confirmed the request. Checked again against the
 * number on file now, in case it changed since the request was recorded.
 */
export async function confirmCallback(db: Db, actor: StaffActor, requestId: string, now = new Date()): Promise<void> {
  if (!can(actor, "disclosure:manage")) throw new AppError("FORBIDDEN", "AppErrors.notYourStep");
  await db.$transaction(async (tx) => {
    const r = await tx.disclosureRequest.findUnique({ where: { id: requestId }, select: { id: true, route: true, status: true, callbackNumber: true, callbackVerifiedAt: true, requesterOrganisation: true } });
    if (!r) throw new AppError("NOT_FOUND", "AppErrors.disclosureMissing");
    if (r.route !== "LAW_ENFORCEMENT") throw new AppError("NOT_LAW_ENFORCEMENT", "AppErrors.disclosureStepNotForRoute");
    if (r.status !== "RECEIVED" || r.callbackVerifiedAt) throw new AppError("CHANGED", "AppErrors.disclosureChanged");
    const agency = await tx.organisation.findFirst({ where: { name: r.requesterOrganisation, kind: { in: [...AGENCY_KINDS] } }, select: { contactPhone: true } });
    if (!callbackMatches(r.callbackNumber, agency?.contactPhone)) throw new AppError("CALLBACK_MISMATCH", "AppErrors.callbackMismatch");
    const moved = await tx.disclosureRequest.updateMany({ where: { id: r.id, status: "RECEIVED", callbackVerifiedAt: null }, data: { callbackVerifiedAt: now } });
    if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.disclosureChanged");
    await recordAudit(tx, actor, { action: "disclosure.callback-verified", details: {}, target: { type: "DisclosureRequest", id: r.id } });
  });
}

/**
 * U-8: the signed written request that follows an emergency oral one (due within one business day).
 * It may arrive after the decision; it is recorded whenever it comes.
 */
export async function receiveWrittenRequest(db: Db, actor: StaffActor, req: { requestId: string; signerName: string }, now = new Date()): Promise<void> {
  if (!can(actor, "disclosure:manage")) throw new AppError("FORBIDDEN", "AppErrors.notYourStep");
  await db.$transaction(async (tx) => {
    const moved = await tx.disclosureRequest.updateMany({
      where: { id: req.requestId, route: "LAW_ENFORCEMENT", emergency: true, writtenRequestReceivedAt: null },
      data: { writtenRequestReceivedAt: now },
    });
    if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.disclosureStepNotForRoute");
    await recordAudit(tx, actor, { action: "disclosure.written-request-received", details: { signerName: req.signerName }, target: { type: "DisclosureRequest", id: req.requestId } });
  });
}
