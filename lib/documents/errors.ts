/**
 * Why a document could not be made. Messages name code points and field names only, never the text
 * itself, so a log line cannot leak a name or an address. Documents are made in jobs, not forms, so
 * this is not an AppError (whose message is a key of the message files).
 */
export type DocumentErrorCode =
  /** The font has no glyph for a character: refuse rather than print a box or drop a letter of a name. */
  | "DOCUMENT_UNSUPPORTED_CHARACTER"
  /** An input is malformed: a date that is not YYYY-MM-DD, a reference that is not opaque, an address where none may be. */
  | "DOCUMENT_INVALID_INPUT"
  /** The text cannot fit the format (only the wallet card has a fixed size). */
  | "DOCUMENT_CONTENT_TOO_LONG";

export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
    /** For DOCUMENT_UNSUPPORTED_CHARACTER: the missing characters as "U+0416". */
    readonly codePoints: string[] = [],
  ) {
    super(message);
    this.name = "DocumentError";
  }
}
