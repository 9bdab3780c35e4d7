export { authorizationCardPdf, CARD_SIZE, type AuthorizationCardInput } from "./authorization-card";
export { certificationLetterPdf, type CertificationLetterInput } from "./certification-letter";
export { denialLetterPdf, type DenialLetterInput } from "./denial-letter";
export { requestForDocumentsLetterPdf, type RequestForDocumentsLetterInput } from "./request-for-documents-letter";
export { DocumentError, type DocumentErrorCode } from "./errors";
export { DOCUMENT_METADATA, type DocumentKind } from "./metadata";
export type { ProgramContact } from "./program-contact";
export { STANDARD_DOCUMENT_REQUESTS } from "./templates/request-for-documents-letter";
export type { CertificationTrack } from "./templates/denial-letter";
