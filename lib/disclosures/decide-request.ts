import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { can } from "../auth/policy";
import { LEGAL_ROUTES, recordDissemination } from "../dissemination/record-dissemination";
import { env } from "../env";
import { AppError } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { isDisclosureField, NOTICE_DELAY_ROUTES, type DisclosureField } from "./fields";
import { AGENCY_KINDS, type StaffActor } from "./record-request";
import { noticeDelayReviewOn } from "./rules";
import { checkDisclosureTransition } from "./status";

export interface DecideRequest {
  requestId: string;
  decision: "RELEASE" | "REFUSE";
  /** Required for a refusal. */
  reasons?: string;
  /** Which of the requested fields are released (default: all of them). */
  fields?: DisclosureField[];
  /** U-16: a logged law-enforcement or court reason to delay telling the participant. */
  delayNotice?: boolean;
  delayReason?: string;
}

/** Words for the dissemination log: field names, never values. */
const FIELD_WORDS: Record<DisclosureField, string> = { residence: "residence address", school: "school address", work: "work address", mailing: "mailing address", phone: "phone number" };
export const fieldWords = (fields: readonly string[]) => fields.map((f) => (isDisclosureField(f) ? FIELD_WORDS[f] : f)).join(", ");

export const hashReleaseToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newReleaseToken = () => randomBytes(32).toString("base64url");

/**
 * The Program Manager's decision on a §5 request (rules 3.G). A release to an account holder is a
 * one-time view that expires (ACP_DISCLOSURE_VIEW_MINUTES), never the address by e-mail: the
 * recipient gets a content-free message (SEC-29) and signs in. A recipient without an account (a
 * person named in a court order) gets a letter, recorded here. Every release and every refusal is
 * written to the dissemination log in the same transaction (SEC-10, rules 4.6).
 */
export async function decideDisclosureRequest(db: Db, actor: StaffActor, req: DecideRequest, now = new Date()) {
  if (!can(actor, "disclosure:manage")) throw new AppError("FORBIDDEN", "AppErrors.notYourStep");
  return db.$transaction(async (tx) => {
    const r = await tx.disclosureRequest.findUnique({ where: { id: req.requestId } });
    if (!r) throw new AppError("NOT_FOUND", "AppErrors.disclosureMissing");
    const to = req.decision === "RELEASE" ? "RELEASED" : "REFUSED";
    const reasons = req.reasons?.trim() || undefined;
    checkDisclosureTransition({ from: r.status, to, role: actor.role, reasons });
    const agency = await tx.organisation.findFirst({ where: { name: r.requesterOrganisation, kind: { in: [...AGENCY_KINDS] } }, select: { id: true } });
    // U-8: law enforcement receives only through the named officer.
    const recipientName = r.route === "LAW_ENFORCEMENT" && r.namedOfficer ? r.namedOfficer : r.requesterName;
    const log = { participantId: r.participantId, recipientName, recipientOrganisation: r.requesterOrganisation, organisationId: agency?.id ?? null, legalRoute: LEGAL_ROUTES[r.route] };

    if (to === "REFUSED") {
      const moved = await tx.disclosureRequest.updateMany({ where: { id: r.id, status: r.status }, data: { status: "REFUSED", decidedById: actor.id, decidedAt: now, decisionReasons: reasons! } });
      if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.disclosureChanged");
      await recordDissemination(tx, { ...log, kind: "ADDRESS_REFUSAL", disclosed: `${r.reference}: refused, nothing disclosed (asked for ${fieldWords(r.fields)})`, userId: r.requesterUserId, reason: reasons, at: now });
      await recordAudit(tx, actor, { action: "disclosure.refused", details: { from: r.status as "RECEIVED" | "VERIFIED" }, target: { type: "DisclosureRequest", id: r.id }, reason: reasons?.slice(0, 300) });
      return { to, releaseId: null };
    }

    const fields = req.fields?.length ? [...new Set(req.fields)] : (r.fields.filter(isDisclosureField) as DisclosureField[]);
    if (fields.length === 0 || !fields.every((f) => r.fields.includes(f))) throw new AppError("FIELDS", "AppErrors.releaseFieldsNotRequested", "fields");
    // The checks verification made must still hold at the moment of release.
    if (r.route === "LAW_ENFORCEMENT" && !r.callbackVerifiedAt) throw new AppError("CALLBACK_NOT_VERIFIED", "AppErrors.callbackNotVerified");
    if (r.route === "COURT_ORDER" && !(r.courtOrderStorageKey && r.courtOrderNamesRecipient && r.courtOrderStatesReasons)) throw new AppError("ORDER_NOT_CONFIRMED", "AppErrors.courtOrderNotConfirmed");
    if (r.route === "FALSE_INFORMATION") {
      const p = await tx.participant.findUnique({ where: { id: r.participantId }, select: { status: true } });
      if (p?.status !== "CANCELLED") throw new AppError("NOT_CANCELLED", "AppErrors.notCancelledForFalseInformation");
    }
    // U-16: the participant is told unless a law-enforcement or court reason, logged here, delays it.
    const delayReason = req.delayNotice ? req.delayReason?.trim() : undefined;
    if (req.delayNotice && !NOTICE_DELAY_ROUTES.includes(r.route)) throw new AppError("NO_DELAY", "AppErrors.noticeDelayRoute", "delayNotice");
    if (req.delayNotice && !delayReason) throw new AppError("REASON_REQUIRED", "AppErrors.reasonRequired", "delayReason");

    const recipient = r.requesterUserId ? await tx.user.findUnique({ where: { id: r.requesterUserId }, select: { id: true, email: true, role: true, status: true } }) : null;
    if (recipient && (recipient.status !== "ACTIVE" || recipient.role !== "AGENCY_USER")) throw new AppError("RECIPIENT_INACTIVE", "AppErrors.recipientInactive");
    const online = !!recipient;
    // §5(3): only a person named in a court order may receive a letter; every other route releases
    // to the named account holder's one-time view.
    if (!online && r.route !== "COURT_ORDER") throw new AppError("RECIPIENT_ACCOUNT_REQUIRED", "AppErrors.recipientAccountRequired");
    const token = online ? newReleaseToken() : null;
    const release = await tx.disclosureRelease.create({
      data: {
        requestId: r.id,
        recipientUserId: recipient?.id ?? null,
        byLetter: !online,
        tokenHash: token ? hashReleaseToken(token) : null,
        fields,
        expiresAt: online ? new Date(now.getTime() + env().ACP_DISCLOSURE_VIEW_MINUTES * 60_000) : null,
        createdById: actor.id,
        createdAt: now,
      },
      select: { id: true },
    });
    const moved = await tx.disclosureRequest.updateMany({
      where: { id: r.id, status: "VERIFIED" },
      data: {
        status: "RELEASED",
        decidedById: actor.id,
        decidedAt: now,
        decisionReasons: reasons ?? null,
        noticeDelayReason: delayReason ?? null,
        noticeDelayReviewOn: delayReason ? noticeDelayReviewOn(now) : null,
      },
    });
    if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.disclosureChanged");
    await recordDissemination(tx, {
      ...log,
      kind: "ADDRESS_RELEASE",
      disclosed: `${r.reference}: ${fieldWords(fields)} (${online ? "one-time online view" : "letter"})`,
      userId: recipient?.id ?? null,
      reason: r.reason,
      at: now,
    });
    await recordAudit(tx, actor, { action: "disclosure.released", details: { fields, method: online ? "online" : "letter", noticeDelayed: !!delayReason }, target: { type: "DisclosureRequest", id: r.id }, reason: reasons?.slice(0, 300) });
    // SEC-29: the recipient is told only that something is waiting; the address stays in the app.
    if (recipient) await enqueueMail(tx, { recipient: recipient.email, template: "new-message", idempotencyKey: `disclosure-release:${release.id}` });
    return { to, releaseId: release.id };
  });
}
