import type { EvidenceKind, ScanStatus, Track } from "../db/generated/enums";
import type { FormValues } from "./form-schema";

/** 130.04(2)(c)(1): certified records or files of law enforcement, a court or a federal or state agency. */
export const CERTIFIED_RECORD_KINDS: readonly EvidenceKind[] = ["LAW_ENFORCEMENT_RECORD", "COURT_RECORD", "AGENCY_RECORD"];

export const EVIDENCE_KINDS = ["LAW_ENFORCEMENT_RECORD", "COURT_RECORD", "AGENCY_RECORD", "OTHER", "PROFESSIONAL_ROLE", "CUSTODY_OR_GUARDIANSHIP", "IDENTITY_DOCUMENT"] as const satisfies readonly EvidenceKind[];

/** What each track may upload. */
export const EVIDENCE_KINDS_BY_TRACK: Record<Track, readonly EvidenceKind[]> = {
  SURVIVOR: ["LAW_ENFORCEMENT_RECORD", "COURT_RECORD", "AGENCY_RECORD", "OTHER", "CUSTODY_OR_GUARDIANSHIP", "IDENTITY_DOCUMENT"],
  // U-13: the health-care track shows the professional role (licence or employer letter).
  HEALTH_CARE: ["PROFESSIONAL_ROLE", "OTHER", "IDENTITY_DOCUMENT"],
};

/** 130.04(3): the supplementary documents the Program Manager may ask for. */
export const REQUESTABLE_DOCUMENTS = ["IDENTITY", "JUDICIAL_PROCEEDING", "CRIMINAL_COMPLAINT", "C209A_PROCEEDING", "CUSTODY_OR_GUARDIANSHIP", "OTHER"] as const;
export type RequestableDocument = (typeof REQUESTABLE_DOCUMENTS)[number];

/** Does the application need proof of custody or guardianship (130.04(2)(j))? */
export function needsCustodyProof(values: FormValues): boolean {
  if (values.applicantType && values.applicantType !== "SELF") return true;
  for (let i = 0; i < 10; i++) {
    if (values[`household.${i}.covered`] === "YES" && ["CHILD", "WARD"].includes(values[`household.${i}.relationship`] ?? "")) return true;
  }
  return false;
}

/**
 * What is missing or wrong in the evidence before submission, as a message key, or null.
 * A file still being scanned or found infected blocks submission (SEC-12).
 */
export function evidenceProblems(track: Track, values: FormValues, items: { kind: EvidenceKind; scanStatus: ScanStatus }[]): string | null {
  if (items.some((e) => e.scanStatus === "INFECTED")) return "AppErrors.evidenceInfected";
  if (items.some((e) => e.scanStatus === "PENDING")) return "AppErrors.evidenceScanning";
  const qualifying = track === "SURVIVOR" ? [...CERTIFIED_RECORD_KINDS, "OTHER"] : ["PROFESSIONAL_ROLE", "OTHER"];
  if (!items.some((e) => qualifying.includes(e.kind))) return track === "SURVIVOR" ? "AppErrors.evidenceMissing" : "AppErrors.evidenceRoleMissing";
  if (track === "SURVIVOR" && needsCustodyProof(values) && !items.some((e) => e.kind === "CUSTODY_OR_GUARDIANSHIP")) return "AppErrors.custodyProofMissing";
  return null;
}

/** 130.04(2)(c)(2): "other" evidence needs the General Counsel as well as the Program Manager (survivor track). */
export function hasOtherEvidence(items: { kind: EvidenceKind }[]): boolean {
  return items.some((e) => e.kind === "OTHER");
}
