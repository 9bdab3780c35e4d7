import { format, isValid, parseISO } from "date-fns";
import type { PDFFont } from "pdf-lib";
import { DocumentError } from "./errors";

/**
 * Makes text printable with the embedded font. Composed forms first (NFC: "e" + combining acute
 * becomes "é"), any kind of space becomes a plain space, invisible format and control characters go.
 * A character the font cannot show is an error: printing a box, or silently dropping the "ñ" of a
 * name on a legal document, is worse than not printing.
 */
export function cleanText(text: string, hasGlyph: (codePoint: number) => boolean): string {
  const cleaned = text
    .normalize("NFC")
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/[\t\p{Zs}]/gu, " ")
    .replace(/[\p{Cf}]|(?!\n)\p{Cc}/gu, "");
  const missing = new Set<string>();
  for (const char of cleaned) {
    const codePoint = char.codePointAt(0)!;
    if (char !== "\n" && !hasGlyph(codePoint)) missing.add(`U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`);
  }
  if (missing.size > 0) {
    throw new DocumentError(
      "DOCUMENT_UNSUPPORTED_CHARACTER",
      `The document font has no glyph for ${[...missing].join(", ")}; the text was not printed.`,
      [...missing],
    );
  }
  return cleaned;
}

/**
 * Splits text into lines no wider than `maxWidth`. A newline forces a break; a word wider than the
 * line (a long number or e-mail address) is broken between characters rather than run off the page.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  for (const hardLine of text.split("\n")) {
    let line = "";
    for (const word of hardLine.split(" ").filter((w) => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (width(rest) > maxWidth) {
        const chars = Array.from(rest);
        let n = 1;
        while (n < chars.length && width(chars.slice(0, n + 1).join("")) <= maxWidth) n++;
        lines.push(chars.slice(0, n).join(""));
        rest = chars.slice(n).join("");
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** "2030-11-24" → "November 24, 2030". Only real calendar dates pass; `field` names the input in the error. */
export function longDate(isoDate: string, field: string): string {
  return format(parseCalendarDate(isoDate, field), "MMMM d, yyyy");
}

export function parseCalendarDate(isoDate: string, field: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? parseISO(isoDate) : new Date(Number.NaN);
  if (!isValid(date) || format(date, "yyyy-MM-dd") !== isoDate) {
    throw new DocumentError("DOCUMENT_INVALID_INPUT", `${field} must be a calendar date written YYYY-MM-DD.`);
  }
  return date;
}

/**
 * A reference line is shown on every page and may be read over the phone: it must be the opaque
 * application reference ("APP-3F9A1C0D"), never a name. Capitals, digits and hyphens only, so a
 * name typed by mistake ("Maria Silva") is refused.
 */
export function assertOpaqueReference(reference: string): void {
  if (!/^[A-Z]{2,6}-[A-Z0-9]{4,32}(?:-[A-Z0-9]{1,32})*$/.test(reference)) {
    throw new DocumentError("DOCUMENT_INVALID_INPUT", "reference must be an opaque reference such as APP-3F9A1C0D.");
  }
}

/**
 * Defence in depth for documents that must not carry an actual address: refuse lines that look like
 * one (a ZIP code, or a number followed by a street word). It cannot prove a line is not an address;
 * the input types are the first guard.
 */
export function assertNoAddress(lines: readonly string[], field: string): void {
  const zip = /\b\d{5}(?:-\d{4})?\b/;
  const street = /\b\d+[A-Za-z]?\s+(?:[\p{L}'.-]+\s+){0,4}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|place|pl|way|terrace|ter|circle|cir|highway|hwy|square|sq|parkway|pkwy)\b\.?/iu;
  if (lines.some((line) => zip.test(line) || street.test(line))) {
    throw new DocumentError("DOCUMENT_INVALID_INPUT", `${field} looks like it holds a street address; it may hold a name and an organisation only.`);
  }
}
