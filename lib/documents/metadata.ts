import type { PDFDocument } from "pdf-lib";

/**
 * Document properties per kind. Fixed strings only: a title or subject shows in window title bars,
 * file lists and search indexes, so it never carries a name, a number or an address.
 */
export const DOCUMENT_METADATA = {
  authorizationCard: { title: "Authorization card", subject: "Address Confidentiality Program authorization card (950 CMR 130.04(5))" },
  certificationLetter: { title: "Certification letter", subject: "Address Confidentiality Program certification notice" },
  requestForDocumentsLetter: { title: "Request for documents", subject: "Address Confidentiality Program request for more documents (950 CMR 130.04(3))" },
  denialLetter: { title: "Decision on application", subject: "Address Confidentiality Program decision and appeal rights" },
  exemptionDecisionLetter: { title: "Decision on exemption request", subject: "Address Confidentiality Program decision on an agency exemption request" },
  releaseLetter: { title: "Release of information", subject: "Address Confidentiality Program release under M.G.L. c. 9A §5" },
  participantNoticeLetter: { title: "Notice to participant", subject: "Address Confidentiality Program notice about your information" },
} as const;

export type DocumentKind = keyof typeof DOCUMENT_METADATA;

/**
 * What pdf-lib lets us do for accessibility, and what it does not:
 * - done: a title shown in the viewer's title bar (ViewerPreferences /DisplayDocTitle true), the
 *   document language (catalog /Lang en-US) for screen readers, subject, author, producer; real text
 *   in a Unicode font with a ToUnicode map, so it can be selected, searched and read aloud; reading
 *   order equals drawing order (top to bottom, one column); contrast of at least 7:1.
 * - not done: no structure tree (headings, lists and tables are not tagged), so /MarkInfo /Marked is
 *   NOT set: claiming a tagged PDF we did not build would mislead assistive technology and checkers.
 *   A fully tagged (PDF/UA) version needs another generator; see the report for this module.
 */
export function applyMetadata(doc: PDFDocument, kind: DocumentKind): void {
  const { title, subject } = DOCUMENT_METADATA[kind];
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(subject);
  doc.setAuthor("Secretary of the Commonwealth");
  doc.setCreator("ACP Case Manager");
  doc.setProducer("ACP Case Manager (pdf-lib)");
  doc.setLanguage("en-US");
}
