import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { can, type Actor } from "../auth/policy";
import { participantScope } from "../auth/scopes";
import { AppError } from "../errors";
import { AGENCY_KINDS } from "../agencies/agencies";
import { nameKey } from "../participants/name-key";
import { EVIDENCE_MAX_BYTES, sniffEvidenceType } from "../evidence/file-type";
import { scannerFromEnv, ScannerError, type MalwareScanner } from "../evidence/scanner";
import { defaultEvidenceStore, type EvidenceStore } from "../evidence/storage";
import { sealEvidence } from "../evidence/vault";
import { callbackMatches, writtenRequestDueAt } from "./rules";
import { routeProblems, type RecordRequestInput } from "./schema";

export type StaffActor = Actor & AuditActor & { id: string };

export interface CourtOrderDeps {
  store?: EvidenceStore;
  /** null: no scanner configured (the order is kept unscanned). Defaults to the environment's. */
  scanner?: MalwareScanner | null;
}

export { AGENCY_KINDS };

export function disclosureReference(): string {
  return `DR-${randomBytes(4).toString("hex").toUpperCase()}`;
}

/** The first problem as a typed refusal beside its field (the form shows them all at once). */
function refuseFirst(problems: Record<string, string>): void {
  const first = Object.entries(problems)[0];
  if (first) throw new AppError("REQUIRED", first[1], first[0]);
}

/**
 * A court order (§5(3)) is kept like evidence: its type read from the content (PDF, PNG, JPEG;
 * 10 MB at most), scanned when a scanner is configured, sealed before it reaches the store. There
 * is no "held for scanning" state for an order, so a scanner that cannot be reached refuses it.
 */
async function sealCourtOrder(db: Db, bytes: Buffer | null, deps: CourtOrderDeps) {
  if (!bytes || bytes.length === 0) throw new AppError("COURT_ORDER_REQUIRED", "Validation.courtOrderRequired", "courtOrder");
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new AppError("TOO_LARGE", "AppErrors.fileTooLarge", "courtOrder");
  if (!sniffEvidenceType(bytes)) throw new AppError("FILE_TYPE", "AppErrors.fileType", "courtOrder");
  const scanner = deps.scanner === undefined ? scannerFromEnv() : deps.scanner;
  if (scanner) {
    let result;
    try {
      result = await scanner.scan(bytes);
    } catch (e) {
      if (e instanceof ScannerError) throw new AppError("SCANNER_UNAVAILABLE", "AppErrors.scannerUnavailable", "courtOrder");
      throw e;
    }
    if (result.verdict === "infected") throw new AppError("INFECTED", "AppErrors.courtOrderInfected", "courtOrder");
  }
  const store = deps.store ?? defaultEvidenceStore();
  return { store, sealed: await sealEvidence(db, store, bytes) };
}

/**
 * Staff record a §5 request for a participant's actual address (rules 3.G, 4.2). Each route's
 * proof is required here (U-8 for law enforcement; the need shown for a commissioner; the order
 * itself for a court order; a false-information cancellation on file); the rest of the requester's
 * authority is checked when staff verify. Nothing is disclosed at this step.
 */
/** Every word of the account's name (ignoring case, accents, punctuation and a bracketed note) is in the named person's. */
export function namesMatch(accountName: string, named: string): boolean {
  const words = (s: string) => nameKey(s.replace(/\([^)]*\)/g, " ")).replace(/[^\p{L}\s'-]/gu, " ").split(/\s+/).filter(Boolean);
  const want = new Set(words(named));
  const have = words(accountName);
  return have.length > 0 && have.every((w) => want.has(w));
}

export async function recordDisclosureRequest(db: Db, actor: StaffActor, input: RecordRequestInput, courtOrder: Buffer | null, deps: CourtOrderDeps = {}, now = new Date()) {
  if (!can(actor, "disclosure:manage")) throw new AppError("FORBIDDEN", "AppErrors.notYourStep");
  refuseFirst(routeProblems(input));

  const participant = await db.participant.findFirst({ where: { AND: [participantScope(actor), { participantNumber: input.participantNumber }] }, select: { id: true, status: true } });
  if (!participant) throw new AppError("PARTICIPANT_UNKNOWN", "AppErrors.participantNumberUnknown", "participantNumber");
  // §5(4) needs a cancellation for false information on file. There is no cancellation ground on the
  // participant yet: until the lifecycle issue records it, a cancelled participant plus the staff
  // member's confirmation (checked above) stands in. The lifecycle issue must replace this with the
  // recorded ground (U-3 reason code FALSE_INFO).
  if (input.route === "FALSE_INFORMATION" && participant.status !== "CANCELLED") {
    throw new AppError("NOT_CANCELLED", "AppErrors.notCancelledForFalseInformation", "participantNumber");
  }

  const agency = input.agencyId ? await db.organisation.findFirst({ where: { id: input.agencyId, kind: { in: [...AGENCY_KINDS] } }, select: { id: true, name: true, contactPhone: true } }) : null;
  if (input.agencyId && !agency) throw new AppError("AGENCY_UNKNOWN", "AppErrors.agencyUnknown", "agencyId");
  if (input.route === "LAW_ENFORCEMENT") {
    // U-8: the callback goes to a number already on file, never to one the caller supplies.
    if (!agency?.contactPhone) throw new AppError("NO_PHONE_ON_FILE", "AppErrors.agencyNoPhone", "agencyId");
    if (!callbackMatches(input.callbackNumber, agency.contactPhone)) throw new AppError("CALLBACK_MISMATCH", "AppErrors.callbackMismatch", "callbackNumber");
  }

  const recipient = input.requesterEmail
    ? await db.user.findFirst({ where: { email: input.requesterEmail, role: "AGENCY_USER", status: "ACTIVE" }, select: { id: true, organisationId: true, displayName: true } })
    : null;
  if (input.requesterEmail && !recipient) throw new AppError("RECIPIENT_UNKNOWN", "AppErrors.recipientAccountUnknown", "requesterEmail");
  if (agency && recipient && recipient.organisationId !== agency.id) throw new AppError("RECIPIENT_ELSEWHERE", "AppErrors.recipientNotAtAgency", "requesterEmail");
  // The account that will open the release must be the person who may receive it: the named officer
  // (U-8) for law enforcement, otherwise the requester named in the request or the court order.
  if (recipient && !namesMatch(recipient.displayName, input.route === "LAW_ENFORCEMENT" ? (input.namedOfficer ?? "") : input.requesterName)) {
    throw new AppError("RECIPIENT_NOT_NAMED", "AppErrors.recipientNotNamed", "requesterEmail");
  }

  const le = input.route === "LAW_ENFORCEMENT";
  const emergency = le && input.emergency;
  const order = input.route === "COURT_ORDER" ? await sealCourtOrder(db, courtOrder, deps) : null;
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.disclosureRequest.create({
        data: {
          reference: disclosureReference(),
          route: input.route,
          participantId: participant.id,
          fields: input.fields,
          requesterName: input.requesterName,
          requesterTitle: input.requesterTitle,
          requesterOrganisation: agency?.name ?? input.requesterOrganisation!,
          requesterUserId: recipient?.id ?? null,
          emergency,
          // U-8: an emergency oral request; the signed written one is due within one business day.
          writtenRequestDueAt: emergency ? writtenRequestDueAt(now) : null,
          writtenRequestReceivedAt: le && input.signed ? now : null,
          callbackNumber: le ? input.callbackNumber! : null,
          namedOfficer: le ? input.namedOfficer! : null,
          needShown: input.route === "AGENCY_COMMISSIONER" ? input.needShown! : null,
          courtOrderStorageKey: order?.sealed.storageKey ?? null,
          reason: input.reason,
          receivedById: actor.id,
          receivedAt: now,
        },
        select: { id: true, reference: true },
      });
      // The determination record of what staff saw at intake (who signed, the designation): the
      // schema has no columns for these, so the audit event holds them.
      await recordAudit(tx, actor, {
        action: "disclosure.received",
        details: {
          route: input.route,
          emergency,
          fields: input.fields,
          ...(le ? { signed: input.signed, ...(input.signerName ? { signerName: input.signerName } : {}) } : {}),
          ...(input.route === "AGENCY_COMMISSIONER" ? { authority: input.authority, ...(input.designation ? { designation: input.designation } : {}) } : {}),
          ...(input.route === "FALSE_INFORMATION" ? { falseInformationConfirmed: true } : {}),
          ...(order ? { courtOrderSha256: order.sealed.sha256 } : {}),
        },
        target: { type: "DisclosureRequest", id: created.id },
      });
      return created;
    });
  } catch (e) {
    // No record, no file.
    if (order) await order.store.delete(order.sealed.storageKey).catch(() => undefined);
    throw e;
  }
}
