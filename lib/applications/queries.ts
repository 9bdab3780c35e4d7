import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";
import { applicationScope } from "../auth/scopes";

/** The applications an assistant filed or a health-care applicant started, newest first. */
export async function myApplications(db: Db, actor: Actor) {
  const [rows, assistant] = await Promise.all([
    db.application.findMany({
      where: applicationScope(actor),
      select: { id: true, reference: true, status: true, updatedAt: true, applicantFirstName: true, applicantLastName: true },
      orderBy: { updatedAt: "desc" },
      take: 200,
    }),
    actor.role === "APPLICATION_ASSISTANT" ? db.applicationAssistant.findUnique({ where: { userId: actor.id }, select: { status: true, registrationNumber: true } }) : null,
  ]);
  return { rows, assistant };
}

/**
 * What the person who filed sees of an application (SEC-05): while it is a draft, everything they
 * typed (read through readDraft); after submission, the status, the reference, the open requests
 * for documents (names of documents only) and the files they sent — never the answers or reasons.
 */
export async function filedApplication(db: Db, actor: Actor, id: string) {
  return db.application.findFirst({
    where: { AND: [applicationScope(actor), { id }] },
    select: {
      id: true,
      reference: true,
      status: true,
      track: true,
      currentStep: true,
      heldByUserId: true,
      submittedAt: true,
      decidedAt: true,
      documentRequests: { select: { id: true, documents: true, requestedAt: true, answeredAt: true }, orderBy: { requestedAt: "desc" } },
      evidence: { select: { id: true, kind: true, mediaType: true, sizeBytes: true, scanStatus: true, uploadedAt: true }, orderBy: { uploadedAt: "asc" } },
    },
  });
}

/**
 * The staff view of an application (3.A): everything but the protected answers, which are read only
 * through an audited reveal (revealApplicationAnswers).
 */
export async function applicationForReview(db: Db, actor: Actor, id: string) {
  return db.application.findFirst({
    where: { AND: [applicationScope(actor), { id }] },
    select: {
      id: true,
      reference: true,
      track: true,
      status: true,
      applicantType: true,
      applicantFirstName: true,
      applicantLastName: true,
      identityIndex: true,
      submittedAt: true,
      decidedAt: true,
      decisionReasons: true,
      assignedToUserId: true,
      assistantRegistrationNumber: true,
      collectionNoticeVersion: true,
      formVersion: true,
      assistant: { select: { displayName: true, organisation: { select: { name: true } } } },
      signatures: { select: { signer: true, typedName: true, signedAt: true, ipPrefix: true, statementVersion: true }, orderBy: { signer: "asc" } },
      statusChanges: { select: { fromStatus: true, toStatus: true, reasons: true, actorRole: true, at: true }, orderBy: { at: "asc" } },
      documentRequests: { select: { id: true, documents: true, note: true, requestedAt: true, answeredAt: true }, orderBy: { requestedAt: "asc" } },
      evidence: { select: { id: true, kind: true, mediaType: true, sizeBytes: true, scanStatus: true, uploadedAt: true }, orderBy: { uploadedAt: "asc" } },
      participants: { select: { id: true, participantNumber: true, firstName: true, lastName: true, expiresOn: true }, orderBy: { isApplicant: "desc" } },
    },
  });
}

/**
 * 3.A duplicate check: the same name and date of birth (the keyed blind index) as an active
 * participant or another open application. Flags for staff to look at; never blocks.
 */
export async function possibleDuplicates(db: Db, app: { id: string; identityIndex: string | null }) {
  if (!app.identityIndex) return { participants: 0, applications: 0 };
  const [participants, applications] = await Promise.all([
    db.participant.count({ where: { identityIndex: app.identityIndex, status: { in: ["ACTIVE", "CANCELLATION_PENDING"] }, applicationId: { not: app.id } } }),
    db.application.count({ where: { identityIndex: app.identityIndex, id: { not: app.id }, status: { in: ["SUBMITTED", "UNDER_REVIEW", "AWAITING_DOCUMENTS", "PENDING_GC_APPROVAL"] } } }),
  ]);
  return { participants, applications };
}
