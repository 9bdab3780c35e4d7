import { rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { DocumentError } from "./errors";
import { BRAND, INK, newDocument } from "./layout";
import type { ProgramContact } from "./program-contact";
import { CARD_AGENCY_NOTICE, CARD_BACK_HEADING, CARD_ISSUER, CARD_TITLE, cardBackParagraphs, cardLabels } from "./templates/authorization-card";
import { cleanText, longDate, wrapText } from "./text";

export interface AuthorizationCardInput {
  name: string;
  participantNumber: string;
  /** The substitute address lines. The card never takes an actual address. */
  substituteAddress: string[];
  /** YYYY-MM-DD, the last valid day. */
  expiresOn: string;
  issuedOn: string;
  /** Optional: the back then says whom to call to check the card. */
  program?: Pick<ProgramContact, "phone">;
}

/** ISO/IEC 7810 ID-1, the size of a bank card: 3.375 in × 2.125 in. */
export const CARD_SIZE = { width: 243, height: 153 } as const;
const PAD = 9;
const INNER = CARD_SIZE.width - 2 * PAD;
const WHITE = rgb(1, 1, 1);
/** Below this the fine print stops being legible, so the card is refused instead. */
const SCALES = [1, 0.95, 0.9, 0.85];

interface Op {
  text: string;
  font: PDFFont;
  size: number;
  x: number;
  /** Baseline, from the top of the card. */
  top: number;
  color: typeof INK;
}

interface FrontLayout {
  ops: Op[];
  bandHeight: number;
  signatureTop: number;
}

/**
 * 950 CMR 130.04(5): the card shows the name, the participant (identification) number, the
 * substitute address, the certification expiry date, and a line for the participant's signature.
 * Page 1 is the front, page 2 the back.
 */
export async function authorizationCardPdf(input: AuthorizationCardInput): Promise<Uint8Array> {
  const expiresOn = longDate(input.expiresOn, "expiresOn");
  const issuedOn = longDate(input.issuedOn, "issuedOn");
  if (input.substituteAddress.length === 0) throw new DocumentError("DOCUMENT_INVALID_INPUT", "substituteAddress is empty.");
  if (!input.name.trim() || !input.participantNumber.trim()) throw new DocumentError("DOCUMENT_INVALID_INPUT", "name and participantNumber are required.");

  const { doc, fonts } = await newDocument("authorizationCard");
  const clean = (t: string) => cleanText(t, fonts.hasGlyph);
  const card = {
    name: clean(input.name),
    participantNumber: clean(input.participantNumber),
    substituteAddress: input.substituteAddress.map(clean),
    expires: clean(cardLabels.expires(expiresOn)),
    issued: clean(cardLabels.issued(issuedOn)),
  };

  const front = SCALES.map((s) => layoutFront(card, fonts, s)).find((l): l is FrontLayout => l !== null);
  if (!front) throw new DocumentError("DOCUMENT_CONTENT_TOO_LONG", "The name or substitute address does not fit on the card at a legible size.");

  const frontPage = doc.addPage([CARD_SIZE.width, CARD_SIZE.height]);
  frontPage.drawRectangle({ x: 0, y: CARD_SIZE.height - front.bandHeight, width: CARD_SIZE.width, height: front.bandHeight, color: BRAND });
  drawOps(frontPage, front.ops);
  frontPage.drawLine({
    start: { x: PAD, y: CARD_SIZE.height - front.signatureTop },
    end: { x: PAD + INNER * 0.7, y: CARD_SIZE.height - front.signatureTop },
    thickness: 0.5,
    color: INK,
  });

  const back = doc.addPage([CARD_SIZE.width, CARD_SIZE.height]);
  let top = PAD;
  const backOps: Op[] = [];
  for (const text of wrapText(clean(CARD_BACK_HEADING), fonts.bold, 7.5, INNER)) {
    top += 9;
    backOps.push({ text, font: fonts.bold, size: 7.5, x: PAD, top, color: BRAND });
  }
  top += 2;
  for (const paragraph of cardBackParagraphs({ expiresOn, phone: input.program?.phone })) {
    for (const text of wrapText(clean(paragraph), fonts.regular, 6.5, INNER)) {
      top += 8;
      backOps.push({ text, font: fonts.regular, size: 6.5, x: PAD, top, color: INK });
    }
    top += 4;
  }
  if (top > CARD_SIZE.height - PAD) throw new DocumentError("DOCUMENT_CONTENT_TOO_LONG", "The back of the card does not fit.");
  drawOps(back, backOps);

  return doc.save();
}

function drawOps(page: PDFPage, ops: Op[]): void {
  for (const op of ops) page.drawText(op.text, { x: op.x, y: CARD_SIZE.height - op.top, size: op.size, font: op.font, color: op.color });
}

/** Places the front at scale `s`; null when it runs into the signature area. */
function layoutFront(
  card: { name: string; participantNumber: string; substituteAddress: string[]; expires: string; issued: string },
  fonts: { regular: PDFFont; bold: PDFFont },
  s: number,
): FrontLayout | null {
  const { regular, bold } = fonts;
  const ops: Op[] = [];
  let top = 0;
  const lines = (text: string, font: PDFFont, size: number, x: number, width: number, color = INK, leading = 1.2) => {
    for (const t of wrapText(text, font, size, width)) {
      top += size * leading;
      ops.push({ text: t, font, size, x, top, color });
    }
  };

  // Band: who issues the card and what it is.
  top = 3;
  lines(CARD_ISSUER, regular, 5.5 * s, PAD, INNER, WHITE);
  lines(CARD_TITLE, bold, 7 * s, PAD, INNER, WHITE);
  const bandHeight = top + 4;
  top = bandHeight + 2;

  lines(card.name, bold, 9.5 * s, PAD, INNER);
  top += 2;

  // Label column on the left, value on the right; each label is drawn before its value, so text
  // extraction and screen readers meet "Participant number" then the number.
  const labelWidth = 50;
  const field = (label: string, values: string[], valueFont: PDFFont) => {
    const start = top;
    lines(label, regular, 5.5 * s, PAD, labelWidth - 3, INK, 1.45);
    const afterLabel = top;
    top = start;
    for (const v of values) lines(v, valueFont, 7.5 * s, PAD + labelWidth, INNER - labelWidth);
    top = Math.max(top, afterLabel) + 1.5;
  };
  field(cardLabels.participantNumber, [card.participantNumber], bold);
  field(cardLabels.substituteAddress, card.substituteAddress, regular);
  top += 1;
  lines(card.expires, bold, 7.5 * s, PAD, INNER);
  lines(card.issued, regular, 5.5 * s, PAD, INNER);
  top += 1;
  lines(CARD_AGENCY_NOTICE, regular, 5.5 * s, PAD, INNER);

  // Signature: the line as low as the card allows, with at least 14 pt to sign above it.
  const signatureTop = Math.max(top + 14, CARD_SIZE.height - PAD - 8);
  top = signatureTop;
  lines(cardLabels.signature, regular, 5.5 * s, PAD, INNER);
  return top <= CARD_SIZE.height - 5 ? { ops, bandHeight, signatureTop } : null;
}
