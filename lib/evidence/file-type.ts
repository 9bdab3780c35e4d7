/**
 * What an uploaded evidence file really is. Only the leading bytes decide: the browser's declared
 * type and the file name's extension are chosen by whoever sends the file, so they are never trusted.
 */

/** The largest evidence file accepted (10 MiB). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export type EvidenceType = "application/pdf" | "image/png" | "image/jpeg";

const SIGNATURES: readonly { type: EvidenceType; magic: readonly number[] }[] = [
  // "%PDF-" (ISO 32000-1 §7.5.2). At offset 0 only: readers that hunt further into the file for the
  // header would also accept polyglots, which we do not.
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // The full 8-byte PNG signature (RFC 2083 §12.12): \x89 P N G \r \n \x1a \n.
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG: SOI (FF D8) followed by the first marker's FF.
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

/** The evidence type named by the file's magic bytes, or null when it is none we accept. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  for (const { type, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}
