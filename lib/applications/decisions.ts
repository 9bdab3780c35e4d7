import type { Db, DbClient } from "../db/client";
import type { ApplicationStatus } from "../db/generated/enums";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { Actor } from "../auth/policy";
import { applicationScope } from "../auth/scopes";
import { AppError } from "../errors";
import { enqueueMail } from "../mail/outbox";
import { certifyApplicationTx } from "../participants/certify";
import { hasOtherEvidence, REQUESTABLE_DOCUMENTS, type RequestableDocument } from "./evidence-rules";
import { checkTransition } from "./status";

/** The steps the person who filed is told about. */
const NOTIFY: ApplicationStatus[] = ["AWAITING_DOCUMENTS", "CERTIFIED", "DENIED"];

export type StaffActor = Actor & AuditActor & { id: string };

export interface DecisionRequest {
  applicationId: string;
  to: ApplicationStatus;
  /** Written reasons: required for a denial, a return by counsel and a request for documents. */
  reasons?: string;
  /** 130.04(3): the documents asked for (AWAITING_DOCUMENTS only). */
  documents?: RequestableDocument[];
}

/**
 * Every staff step of 3.A goes through here: the transition table says whether it is allowed (role,
 * track, "other" evidence, reasons), then the change, its history row and the audit entry are
 * written in one transaction. Certification creates the participants in the same transaction.
 */
export async function decideApplication(db: Db, actor: StaffActor, req: DecisionRequest, now = new Date()) {
  return db.$transaction(async (tx) => {
    const app = await tx.application.findFirst({ where: { AND: [applicationScope(actor), { id: req.applicationId }] }, include: { evidence: { select: { kind: true, scanStatus: true } } } });
    if (!app) throw new AppError("NOT_FOUND", "AppErrors.applicationMissing");
    const reasons = req.reasons?.trim() || undefined;
    const rule = checkTransition({ from: app.status, to: req.to, role: actor.role, track: app.track, hasOtherEvidence: hasOtherEvidence(app.evidence), reasons });
    if (req.to === "AWAITING_DOCUMENTS") {
      const documents = (req.documents ?? []).filter((d) => (REQUESTABLE_DOCUMENTS as readonly string[]).includes(d));
      if (documents.length === 0) throw new AppError("DOCUMENTS_REQUIRED", "AppErrors.documentsRequired", "documents");
      await tx.documentRequest.create({ data: { applicationId: app.id, documents, note: reasons ?? null, requestedById: actor.id, requestedAt: now } });
    }
    // A file still held for scanning must be checked first; an infected one was destroyed and is not evidence.
    if (req.to === "CERTIFIED" && app.evidence.some((e) => e.scanStatus === "PENDING")) {
      throw new AppError("EVIDENCE_UNSAFE", "AppErrors.evidenceScanning");
    }
    // Optimistic: if someone else moved it meanwhile, refuse rather than overwrite their decision.
    const decided = req.to === "CERTIFIED" || req.to === "DENIED";
    const moved = await tx.application.updateMany({
      where: { id: app.id, status: app.status },
      data: {
        status: req.to,
        ...(decided ? { decidedAt: now, decidedById: actor.id, decisionReasons: reasons ?? null } : {}),
      },
    });
    if (moved.count !== 1) throw new AppError("CHANGED", "AppErrors.applicationChanged");
    await tx.applicationStatusChange.create({ data: { applicationId: app.id, fromStatus: app.status, toStatus: req.to, reasons: rule.reasons || reasons ? (reasons ?? null) : null, actorId: actor.id, actorRole: actor.role, at: now } });
    await recordAudit(tx, actor, { action: "application.status-changed", details: { from: app.status, to: req.to }, target: { type: "Application", id: app.id }, reason: reasons });
    if (req.to === "CERTIFIED") await certifyApplicationTx(tx, actor, app.id, now);
    // 3.A: whoever filed hears that something changed (content-free, SEC-29): the assistant sees the
    // status after signing in, never the reasons; the applicant gets the letter.
    if (NOTIFY.includes(req.to)) {
      const filer = app.assistantId
        ? (await tx.applicationAssistant.findUnique({ where: { id: app.assistantId }, select: { user: { select: { email: true, status: true } } } }))?.user
        : app.applicantUserId
          ? await tx.user.findUnique({ where: { id: app.applicantUserId }, select: { email: true, status: true } })
          : null;
      if (filer?.status === "ACTIVE") await enqueueMail(tx, { recipient: filer.email, template: "new-message", idempotencyKey: `application:${app.id}:${req.to}:${now.getTime()}` });
    }
    return { from: app.status, to: req.to };
  });
}

/** The assistant (or health-care applicant) answers a request for documents by uploading them; the request is marked answered. */
export async function markDocumentRequestsAnswered(tx: DbClient, applicationId: string, now = new Date()) {
  await tx.documentRequest.updateMany({ where: { applicationId, answeredAt: null }, data: { answeredAt: now } });
}
