import type { Db } from "../db/client";
import type { EvidenceKind, ScanStatus } from "../db/generated/enums";
import { recordAudit } from "../audit/record-audit";
import { applicationScope } from "../auth/scopes";
import { env } from "../env";
import { AppError } from "../errors";
import { EVIDENCE_MAX_BYTES, sniffEvidenceType } from "../evidence/file-type";
import { scannerFromEnv, ScannerError, type MalwareScanner } from "../evidence/scanner";
import { defaultEvidenceStore, type EvidenceStore } from "../evidence/storage";
import { openEvidence, sealEvidence } from "../evidence/vault";
import { logger } from "../logging/logger";
import { markDocumentRequestsAnswered } from "./decisions";
import type { ApplicantActor } from "./drafts";
import { EVIDENCE_KINDS_BY_TRACK } from "./evidence-rules";

export interface EvidenceDeps {
  store?: EvidenceStore;
  /** null: no scanner configured (files are recorded NOT_SCANNED). Defaults to the environment's. */
  scanner?: MalwareScanner | null;
}

export interface UploadRequest {
  applicationId: string;
  kind: EvidenceKind;
  bytes: Buffer;
}

/**
 * 130.04(2)(c), (3): the assistant (or health-care applicant) adds a file to their draft, or answers
 * a request for documents. The type is read from the content (PDF, PNG, JPEG; 10 MB at most); the
 * bytes are sealed before they reach the store; SEC-12: with a scanner configured the file is held
 * (PENDING) until the scanner says it is clean, and an infected file is destroyed at once.
 */
export async function uploadEvidence(db: Db, actor: ApplicantActor, req: UploadRequest, deps: EvidenceDeps = {}) {
  const app = await db.application.findFirst({ where: { AND: [applicationScope(actor), { id: req.applicationId }] }, select: { id: true, track: true, status: true, heldByUserId: true } });
  if (!app) throw new AppError("NOT_FOUND", "AppErrors.applicationMissing");
  if (!(app.status === "DRAFT" && !app.heldByUserId) && app.status !== "AWAITING_DOCUMENTS") throw new AppError("CLOSED", "AppErrors.evidenceClosed");
  if (!EVIDENCE_KINDS_BY_TRACK[app.track].includes(req.kind)) throw new AppError("KIND", "Validation.evidenceKind", "kind");
  if (req.bytes.length > EVIDENCE_MAX_BYTES) throw new AppError("TOO_LARGE", "AppErrors.fileTooLarge", "file");
  const mediaType = sniffEvidenceType(req.bytes);
  if (!mediaType) throw new AppError("FILE_TYPE", "AppErrors.fileType", "file");

  const store = deps.store ?? defaultEvidenceStore();
  const scanner = deps.scanner === undefined ? scannerFromEnv() : deps.scanner;
  // SEC-12: "not checked" is for development and tests; a production deployment refuses uploads
  // until a scanner is configured.
  if (!scanner && env().ACP_ENV === "production") throw new AppError("NO_SCANNER", "AppErrors.scannerRequired", "file");
  const sealed = await sealEvidence(db, store, req.bytes);
  let item;
  try {
    item = await db.$transaction(async (tx) => {
      // Checked again under the row lock: a submission or a decision may have moved it meanwhile.
      await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ${app.id} FOR UPDATE`;
      const now = await tx.application.findUniqueOrThrow({ where: { id: app.id }, select: { status: true, heldByUserId: true } });
      if (!(now.status === "DRAFT" && !now.heldByUserId) && now.status !== "AWAITING_DOCUMENTS") throw new AppError("CLOSED", "AppErrors.evidenceClosed");
      const created = await tx.evidenceItem.create({
        data: { applicationId: app.id, kind: req.kind, mediaType, sizeBytes: req.bytes.length, sha256: sealed.sha256, storageKey: sealed.storageKey, scanStatus: scanner ? "PENDING" : "NOT_SCANNED", uploadedById: actor.id },
      });
      if (app.status === "AWAITING_DOCUMENTS") {
        const open = await tx.documentRequest.findFirst({ where: { applicationId: app.id, answeredAt: null }, orderBy: { requestedAt: "desc" }, select: { id: true } });
        if (open) await tx.evidenceItem.update({ where: { id: created.id }, data: { documentRequestId: open.id } });
        // A file answers the request once it is known to be safe (or when no scanner is configured).
        if (!scanner) await markDocumentRequestsAnswered(tx, app.id);
      }
      await recordAudit(tx, actor, { action: "application.evidence-uploaded", details: { kind: req.kind, scan: created.scanStatus }, target: { type: "Application", id: app.id } });
      return created;
    });
  } catch (e) {
    // No record, no file: nothing is left half written.
    await store.delete(sealed.storageKey).catch(() => undefined);
    throw e;
  }
  if (scanner) await scanItem(db, store, scanner, item.id, req.bytes);
  return db.evidenceItem.findUniqueOrThrow({ where: { id: item.id }, select: { id: true, scanStatus: true, mediaType: true } });
}

/** Scan one held file. A scanner that cannot be reached leaves it PENDING for the retry job. */
async function scanItem(db: Db, store: EvidenceStore, scanner: MalwareScanner, itemId: string, bytes: Buffer): Promise<ScanStatus> {
  let result;
  try {
    result = await scanner.scan(bytes);
  } catch (e) {
    if (e instanceof ScannerError) {
      logger.warn({ evidence: itemId, error: e.name }, "malware scanner unavailable; file held until it answers");
      return "PENDING";
    }
    throw e;
  }
  const signature = result.verdict === "infected" ? result.signature : null;
  const infected = signature !== null;
  const item = await db.$transaction(async (tx) => {
    const updated = await tx.evidenceItem.update({
      where: { id: itemId },
      data: { scanStatus: infected ? "INFECTED" : "CLEAN", scanSignature: signature?.slice(0, 200) ?? null, scannedAt: new Date() },
    });
    // An infected file, destroyed at once, does not answer a request for documents.
    if (!infected && updated.documentRequestId) await tx.documentRequest.updateMany({ where: { id: updated.documentRequestId, answeredAt: null }, data: { answeredAt: new Date() } });
    await recordAudit(tx, { id: null, role: null, ip: null }, { action: "application.evidence-scanned", outcome: infected ? "DENIED" : "SUCCESS", details: { verdict: infected ? "INFECTED" : "CLEAN" }, target: { type: "Application", id: updated.applicationId } });
    return updated;
  });
  // An infected file is not kept, even sealed; the row stays so the uploader sees why.
  if (infected) await store.delete(item.storageKey).catch(() => undefined);
  return item.scanStatus;
}

/** The retry job (instrumentation.ts): files still held because the scanner was down are scanned now. */
export async function scanPendingEvidence(db: Db, deps: EvidenceDeps = {}): Promise<number> {
  const scanner = deps.scanner === undefined ? scannerFromEnv() : deps.scanner;
  if (!scanner) return 0;
  const store = deps.store ?? defaultEvidenceStore();
  const pending = await db.evidenceItem.findMany({ where: { scanStatus: "PENDING" }, select: { id: true, storageKey: true }, orderBy: { uploadedAt: "asc" }, take: 50 });
  let done = 0;
  for (const p of pending) {
    // One unreadable file must not hold up every other one behind it.
    try {
      const bytes = await openEvidence(db, store, p.storageKey);
      if ((await scanItem(db, store, scanner, p.id, bytes)) !== "PENDING") done++;
    } catch (e) {
      logger.error({ evidence: p.id, error: (e as Error)?.name }, "held evidence could not be scanned");
    }
  }
  return done;
}

/** Take a file off a draft (the uploader only, before submission). */
export async function removeEvidence(db: Db, actor: ApplicantActor, applicationId: string, evidenceId: string, deps: EvidenceDeps = {}) {
  const item = await db.evidenceItem.findFirst({ where: { id: evidenceId, application: { AND: [applicationScope(actor), { id: applicationId, status: "DRAFT", heldByUserId: null }] } } });
  if (!item) throw new AppError("NOT_FOUND", "AppErrors.evidenceNotFound");
  await db.$transaction(async (tx) => {
    await tx.evidenceItem.delete({ where: { id: item.id } });
    await recordAudit(tx, actor, { action: "application.evidence-removed", details: {}, target: { type: "Application", id: applicationId } });
  });
  await (deps.store ?? defaultEvidenceStore()).delete(item.storageKey).catch(() => undefined);
}

/** Staff read of a file (the route handler has passed the reveal gate and written the audit row). */
export async function readEvidenceFile(db: Db, evidenceId: string, deps: EvidenceDeps = {}) {
  const item = await db.evidenceItem.findUnique({ where: { id: evidenceId } });
  if (!item || item.scanStatus === "INFECTED" || item.scanStatus === "PENDING") return null;
  return { item, bytes: await openEvidence(db, deps.store ?? defaultEvidenceStore(), item.storageKey) };
}
