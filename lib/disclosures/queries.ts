import { AGENCY_KINDS } from "../agencies/agencies";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { can, type Actor } from "../auth/policy";
import { defaultEvidenceStore, type EvidenceStore } from "../evidence/storage";
import { sniffEvidenceType } from "../evidence/file-type";
import { openEvidence } from "../evidence/vault";
import { OPEN_DISCLOSURE_STATUSES } from "./status";

const NOTHING = { id: { in: [] as string[] } };

/** Row scope (STYLE.md §3): §5 requests are the program staff's alone; agencies see only their releases. */
export function disclosureScope(actor: Actor): Prisma.DisclosureRequestWhereInput {
  return can(actor, "disclosure:manage") ? {} : NOTHING;
}

/** Named select for lists: no reason, no note, nothing a list does not need. */
const queueSelect = {
  id: true,
  reference: true,
  route: true,
  status: true,
  emergency: true,
  participantId: true,
  requesterOrganisation: true,
  receivedAt: true,
  writtenRequestDueAt: true,
  writtenRequestReceivedAt: true,
  decidedAt: true,
} satisfies Prisma.DisclosureRequestSelect;

async function withNumbers<T extends { participantId: string }>(db: Db, rows: T[]) {
  const ps = await db.participant.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.participantId))] } }, select: { id: true, participantNumber: true } });
  const numbers = new Map(ps.map((p) => [p.id, p.participantNumber]));
  return rows.map((r) => ({ ...r, participantNumber: numbers.get(r.participantId) ?? "" }));
}

/**
 * The staff queue: open requests, emergencies first (U-8: an emergency law-enforcement request
 * goes to the top), then oldest first; and the latest decided ones below.
 */
export async function disclosureQueue(db: Db, actor: Actor) {
  const [open, decided] = await Promise.all([
    db.disclosureRequest.findMany({ where: { AND: [disclosureScope(actor), { status: { in: [...OPEN_DISCLOSURE_STATUSES] } }] }, select: queueSelect, orderBy: [{ emergency: "desc" }, { receivedAt: "asc" }], take: 200 }),
    db.disclosureRequest.findMany({ where: { AND: [disclosureScope(actor), { status: { in: ["RELEASED", "REFUSED"] } }] }, select: queueSelect, orderBy: { decidedAt: "desc" }, take: 20 }),
  ]);
  return { open: await withNumbers(db, open), decided: await withNumbers(db, decided) };
}

/** One request for its staff page: the request, its releases, its history and its dissemination-log entries. */
export async function disclosureDetail(db: Db, actor: Actor, id: string) {
  const r = await db.disclosureRequest.findFirst({
    where: { AND: [disclosureScope(actor), { id }] },
    include: { releases: { select: { id: true, byLetter: true, fields: true, expiresAt: true, openedAt: true, createdAt: true, recipientUserId: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!r) return null;
  const [participant, history, log] = await Promise.all([
    db.participant.findUnique({ where: { id: r.participantId }, select: { id: true, participantNumber: true, firstName: true, lastName: true, status: true } }),
    db.auditEvent.findMany({ where: { targetType: "DisclosureRequest", targetId: r.id }, select: { id: true, occurredAt: true, action: true, actorRole: true, actorId: true, details: true, reason: true }, orderBy: { id: "asc" } }),
    // Entries written for this request carry its reference at the start of "disclosed".
    db.disseminationLog.findMany({ where: { participantId: r.participantId, kind: { in: ["ADDRESS_RELEASE", "ADDRESS_REFUSAL"] }, disclosed: { startsWith: `${r.reference}:` } }, orderBy: { at: "asc" } }),
  ]);
  const userIds = [r.receivedById, r.verifiedById, r.decidedById, r.requesterUserId, ...r.releases.map((x) => x.recipientUserId), ...history.map((h) => h.actorId)].filter((x): x is string => !!x);
  const users = await db.user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, displayName: true, email: true } });
  return { ...r, participant, users: new Map(users.map((u) => [u.id, u])), history, log };
}

/**
 * U-16: releases whose participant has not been told yet: due now, or delayed for a logged
 * law-enforcement or court reason until a review date (delays reviewed first when overdue).
 */
export async function pendingParticipantNotices(db: Db, actor: Actor) {
  const rows = await db.disclosureRequest.findMany({
    where: { AND: [disclosureScope(actor), { status: "RELEASED", participantNotifiedAt: null }] },
    select: { id: true, reference: true, route: true, participantId: true, decidedAt: true, noticeDelayReason: true, noticeDelayReviewOn: true },
    orderBy: [{ noticeDelayReviewOn: { sort: "asc", nulls: "first" } }, { decidedAt: "asc" }],
    take: 200,
  });
  return withNumbers(db, rows);
}

/** Agencies on file for the request form (U-8: law enforcement's callback number is the one here). */
export function agenciesOnFile(db: Db) {
  return db.organisation.findMany({ where: { kind: { in: [...AGENCY_KINDS] } }, select: { id: true, name: true, contactPhone: true }, orderBy: { name: "asc" } });
}

/** Staff open the court order to check it (§5(3)); the opening is audited before the file is decrypted. */
export async function readCourtOrder(db: Db, actor: Actor & AuditActor & { id: string }, requestId: string, store: EvidenceStore = defaultEvidenceStore()) {
  const r = await db.disclosureRequest.findFirst({ where: { AND: [disclosureScope(actor), { id: requestId }] }, select: { id: true, courtOrderStorageKey: true } });
  if (!r?.courtOrderStorageKey) return null;
  await recordAudit(db, actor, { action: "disclosure.court-order-opened", details: {}, target: { type: "DisclosureRequest", id: r.id } });
  const bytes = await openEvidence(db, store, r.courtOrderStorageKey);
  return { bytes, mediaType: sniffEvidenceType(bytes) ?? "application/octet-stream" };
}
