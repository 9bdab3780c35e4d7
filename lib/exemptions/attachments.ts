import type { Db, DbClient } from "../db/client";
import type { ScanStatus } from "../db/generated/enums";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record-audit";
import { exemptionScope } from "../auth/scopes";
import { env } from "../env";
import { AppError } from "../errors";
import { EVIDENCE_MAX_BYTES, sniffEvidenceType, type EvidenceType } from "../evidence/file-type";
import { scannerFromEnv, ScannerError, type MalwareScanner } from "../evidence/scanner";
import { defaultEvidenceStore, type EvidenceStore } from "../evidence/storage";
import { openEvidence, sealEvidence } from "../evidence/vault";
import { logger } from "../logging/logger";
import type { ExemptionActor } from "./transition";

/** The most files one form may carry. */
export const MAX_ATTACHMENTS = 10;

export interface AttachmentDeps {
  store?: EvidenceStore;
  /** null: no scanner configured (files are recorded NOT_SCANNED). Defaults to the environment's. */
  scanner?: MalwareScanner | null;
}

export interface SealedAttachment {
  mediaType: EvidenceType;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  bytes: Buffer;
}

/**
 * Attachments to a request are handled like application evidence (lib/applications/evidence.ts):
 * the type is read from the content (PDF, PNG, JPEG; 10 MB at most), the bytes are sealed before they
 * reach the store, and with a scanner configured a file is held until it is found clean (SEC-12).
 * Every file is checked before any is stored, so a bad one refuses the whole form.
 */
export async function sealAttachments(db: Db, files: Buffer[], deps: AttachmentDeps): Promise<{ sealed: SealedAttachment[]; scanner: MalwareScanner | null; store: EvidenceStore }> {
  if (files.length > MAX_ATTACHMENTS) throw new AppError("TOO_MANY", "Validation.tooMany", "files");
  const typed = files.map((bytes) => {
    if (bytes.length > EVIDENCE_MAX_BYTES) throw new AppError("TOO_LARGE", "AppErrors.fileTooLarge", "files");
    const mediaType = sniffEvidenceType(bytes);
    if (!mediaType) throw new AppError("FILE_TYPE", "AppErrors.fileType", "files");
    return { bytes, mediaType };
  });
  const store = deps.store ?? defaultEvidenceStore();
  const scanner = deps.scanner === undefined ? scannerFromEnv() : deps.scanner;
  // SEC-12: "not checked" is for development and tests; production refuses files until a scanner is set.
  if (typed.length > 0 && !scanner && env().ACP_ENV === "production") throw new AppError("NO_SCANNER", "AppErrors.scannerRequired", "files");
  const sealed: SealedAttachment[] = [];
  try {
    for (const f of typed) {
      const s = await sealEvidence(db, store, f.bytes);
      sealed.push({ mediaType: f.mediaType, sizeBytes: f.bytes.length, sha256: s.sha256, storageKey: s.storageKey, bytes: f.bytes });
    }
  } catch (e) {
    await discardAttachments(store, sealed);
    throw e;
  }
  return { sealed, scanner, store };
}

/** No record, no file: called when the transaction that would have recorded them fails. */
export async function discardAttachments(store: EvidenceStore, sealed: SealedAttachment[]) {
  await Promise.all(sealed.map((s) => store.delete(s.storageKey).catch(() => undefined)));
}

/** Record sealed files on a request, inside the caller's transaction. Returns the new rows' ids. */
export async function recordAttachments(tx: DbClient, actor: ExemptionActor, requestId: string, sealed: SealedAttachment[], scanning: boolean): Promise<string[]> {
  const ids: string[] = [];
  for (const s of sealed) {
    const row = await tx.exemptionAttachment.create({
      data: { requestId, mediaType: s.mediaType, sizeBytes: s.sizeBytes, sha256: s.sha256, storageKey: s.storageKey, scanStatus: scanning ? "PENDING" : "NOT_SCANNED", uploadedById: actor.id },
      select: { id: true, scanStatus: true },
    });
    await recordAudit(tx, actor, { action: "exemption.attachment-added", details: { scan: row.scanStatus }, target: { type: "ExemptionRequest", id: requestId } });
    ids.push(row.id);
  }
  return ids;
}

/** Scan one held file. A scanner that cannot be reached leaves it PENDING for the retry job. */
export async function scanAttachment(db: Db, store: EvidenceStore, scanner: MalwareScanner, attachmentId: string, bytes: Buffer): Promise<ScanStatus> {
  let result;
  try {
    result = await scanner.scan(bytes);
  } catch (e) {
    if (e instanceof ScannerError) {
      logger.warn({ attachment: attachmentId, error: e.name }, "malware scanner unavailable; file held until it answers");
      return "PENDING";
    }
    throw e;
  }
  const infected = result.verdict === "infected";
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.exemptionAttachment.update({ where: { id: attachmentId }, data: { scanStatus: infected ? "INFECTED" : "CLEAN" } });
    await recordAudit(tx, SYSTEM_ACTOR, { action: "exemption.attachment-scanned", outcome: infected ? "DENIED" : "SUCCESS", details: { verdict: infected ? "INFECTED" : "CLEAN" }, target: { type: "ExemptionRequest", id: updated.requestId } });
    return updated;
  });
  // An infected file is not kept, even sealed; the row stays so staff see why it is missing.
  if (infected) await store.delete(row.storageKey).catch(() => undefined);
  return row.scanStatus;
}

/** Scan the files just recorded (after commit). */
export async function scanNew(db: Db, store: EvidenceStore, scanner: MalwareScanner | null, ids: string[], sealed: SealedAttachment[]) {
  if (!scanner) return;
  for (let i = 0; i < ids.length; i++) await scanAttachment(db, store, scanner, ids[i], sealed[i].bytes);
}

/** The retry job: files still held because the scanner was down are scanned now. Register beside scanPendingEvidence. */
export async function scanPendingExemptionAttachments(db: Db, deps: AttachmentDeps = {}): Promise<number> {
  const scanner = deps.scanner === undefined ? scannerFromEnv() : deps.scanner;
  if (!scanner) return 0;
  const store = deps.store ?? defaultEvidenceStore();
  const pending = await db.exemptionAttachment.findMany({ where: { scanStatus: "PENDING" }, select: { id: true, storageKey: true }, orderBy: { uploadedAt: "asc" }, take: 50 });
  let done = 0;
  for (const p of pending) {
    // One unreadable file must not hold up every other one behind it.
    try {
      const bytes = await openEvidence(db, store, p.storageKey);
      if ((await scanAttachment(db, store, scanner, p.id, bytes)) !== "PENDING") done++;
    } catch (e) {
      logger.error({ attachment: p.id, error: (e as Error)?.name }, "held attachment could not be scanned");
    }
  }
  return done;
}

/**
 * Staff open an attachment to review the request (it is the agency's own document, not participant
 * data, so no reveal gate; the opening is audited). Held or infected files are not served.
 */
export async function readAttachment(db: Db, actor: ExemptionActor, requestId: string, attachmentId: string, deps: AttachmentDeps = {}) {
  const item = await db.exemptionAttachment.findFirst({ where: { id: attachmentId, request: { AND: [exemptionScope(actor), { id: requestId }] } } });
  if (!item || item.scanStatus === "INFECTED" || item.scanStatus === "PENDING") return null;
  const bytes = await openEvidence(db, deps.store ?? defaultEvidenceStore(), item.storageKey);
  await recordAudit(db, actor, { action: "exemption.attachment-opened", details: {}, target: { type: "ExemptionRequest", id: requestId } });
  return { mediaType: item.mediaType, bytes };
}
