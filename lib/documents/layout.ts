import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { embedFonts, type EmbeddedFonts } from "./fonts";
import { applyMetadata, type DocumentKind } from "./metadata";
import type { ProgramContact } from "./program-contact";
import { assertOpaqueReference, cleanText, longDate, wrapText } from "./text";

/** US Letter, 1-inch margins, 11 pt body. */
export const LETTER_PAGE = { width: 612, height: 792, margin: 72 } as const;
const BODY_SIZE = 11;
const LEADING = 15;
const SMALL_SIZE = 9;
const PARAGRAPH_GAP = 8;
const TEXT_WIDTH = LETTER_PAGE.width - 2 * LETTER_PAGE.margin;
const BOTTOM = LETTER_PAGE.margin;
/** USWDS primary-darker on white: 9.6:1. Body text is black. */
export const INK = rgb(0, 0, 0);
export const BRAND = rgb(0x1a / 255, 0x44 / 255, 0x80 / 255);

export const LETTERHEAD = "Commonwealth of Massachusetts · Secretary of the Commonwealth · Address Confidentiality Program";

/** The pieces a letter body is made of. Templates produce the text; this module only places it. */
export type Block =
  | { kind: "heading"; text: string }
  /** `keepWithNext`: a paragraph that introduces the next block ("Send it to this address:"). */
  | { kind: "paragraph"; text: string; bold?: boolean; keepWithNext?: boolean }
  | { kind: "list"; items: string[] }
  /** Lines kept together on one page, indented: a substitute address. */
  | { kind: "lines"; lines: string[]; bold?: boolean }
  | { kind: "table"; header: [string, string]; rows: [string, string][] };

export interface LetterSpec {
  kind: DocumentKind;
  date: string;
  reference: string;
  /** Name and address lines at the top left, as they go in a window envelope. */
  recipient: string[];
  /** One bold line that says what the letter is about. */
  subject: string;
  body: Block[];
  /** "Sincerely," and the sender lines. */
  closing: string[];
  program: ProgramContact;
}

interface Line {
  text: string;
  font: PDFFont;
  size: number;
  x: number;
}

/** Places text top to bottom, starting a new page when the next piece would cross the bottom margin. */
class Composer {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: EmbeddedFonts,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([LETTER_PAGE.width, LETTER_PAGE.height]);
    this.pages.push(this.page);
    this.y = LETTER_PAGE.height - LETTER_PAGE.margin;
  }

  clean(text: string): string {
    return cleanText(text, this.fonts.hasGlyph);
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM && this.y < LETTER_PAGE.height - LETTER_PAGE.margin) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  wrap(text: string, font: PDFFont, size: number, indent = 0): Line[] {
    return wrapText(this.clean(text), font, size, TEXT_WIDTH - indent).map((t) => ({ text: t, font, size, x: LETTER_PAGE.margin + indent }));
  }

  /** Draws lines, breaking pages between lines; `keep` lines at the start stay together. */
  draw(lines: Line[], { leading = LEADING, keep = 1, color = INK } = {}): void {
    this.ensure(Math.min(keep, lines.length) * leading);
    for (const line of lines) {
      this.ensure(leading);
      // Baseline at about 80% of the line's height below its top.
      this.page.drawText(line.text, { x: line.x, y: this.y - line.size * 0.8 - (leading - line.size) / 2, size: line.size, font: line.font, color });
      this.y -= leading;
    }
  }

  rule(): void {
    this.page.drawLine({
      start: { x: LETTER_PAGE.margin, y: this.y },
      end: { x: LETTER_PAGE.width - LETTER_PAGE.margin, y: this.y },
      thickness: 0.75,
      color: BRAND,
    });
  }

  /** The height that must stay together at the start of a block (so a page never ends on a heading). */
  private startHeight(block: Block | undefined): number {
    if (!block) return 0;
    const { regular, bold } = this.fonts;
    switch (block.kind) {
      case "heading":
        return 6 + this.wrap(block.text, bold, 12).length * 16 + LEADING * 2;
      case "paragraph":
        return Math.min(2, this.wrap(block.text, block.bold ? bold : regular, BODY_SIZE).length) * LEADING;
      case "lines":
        return block.lines.flatMap((l) => this.wrap(l, regular, BODY_SIZE, 18)).length * LEADING;
      case "list":
        return block.items.length > 0 ? Math.min(2, this.wrap(block.items[0], regular, BODY_SIZE, 18).length) * LEADING : 0;
      case "table":
        return LEADING * 2;
    }
  }

  /** Places one block; `next` is the block after it, kept on the same page as a heading or an introducing paragraph. */
  block(block: Block, next?: Block): void {
    const { regular, bold } = this.fonts;
    switch (block.kind) {
      case "heading": {
        const lines = this.wrap(block.text, bold, 12);
        this.ensure(4 + lines.length * 16 + this.startHeight(next));
        this.space(4);
        this.draw(lines, { leading: 16 });
        this.space(2);
        return;
      }
      case "paragraph": {
        const lines = this.wrap(block.text, block.bold ? bold : regular, BODY_SIZE);
        if (block.keepWithNext) this.ensure(lines.length * LEADING + PARAGRAPH_GAP + this.startHeight(next));
        // No single line stranded at the foot of a page.
        this.draw(lines, { keep: 2 });
        break;
      }
      case "lines": {
        const lines = block.lines.flatMap((l) => this.wrap(l, block.bold ? bold : regular, BODY_SIZE, 18));
        this.draw(lines, { keep: lines.length });
        break;
      }
      case "list":
        for (const item of block.items) {
          const [first, ...rest] = this.wrap(item, regular, BODY_SIZE, 18);
          this.draw([{ text: "•", font: regular, size: BODY_SIZE, x: LETTER_PAGE.margin + 6 }], { keep: Math.min(2, rest.length + 1) });
          this.space(-LEADING);
          this.draw([first, ...rest]);
          this.space(3);
        }
        break;
      case "table": {
        const split = TEXT_WIDTH * 0.62;
        const row = (cells: [string, string], font: PDFFont) => {
          const left = wrapText(this.clean(cells[0]), font, BODY_SIZE, split - 12);
          const right = wrapText(this.clean(cells[1]), font, BODY_SIZE, TEXT_WIDTH - split);
          const lines: Line[] = [];
          // Row by row, left cell then right cell, so text extraction and screen readers keep the pairs together.
          for (let i = 0; i < Math.max(left.length, right.length); i++) {
            lines.push({ text: left[i] ?? "", font, size: BODY_SIZE, x: LETTER_PAGE.margin });
            lines.push({ text: right[i] ?? "", font, size: BODY_SIZE, x: LETTER_PAGE.margin + split });
          }
          return lines;
        };
        this.drawRow(row(block.header, bold), 2);
        for (const r of block.rows) this.drawRow(row(r, regular), 1);
        break;
      }
    }
    this.space(PARAGRAPH_GAP);
  }

  /** Table rows: pairs of lines that share a baseline. */
  private drawRow(pairs: Line[], keepRows: number): void {
    this.ensure((pairs.length / 2) * LEADING * keepRows);
    for (let i = 0; i < pairs.length; i += 2) {
      this.draw([pairs[i]]);
      this.space(-LEADING);
      this.draw([pairs[i + 1]]);
    }
  }

  /** "Reference: … Page n of m" on every page, drawn once the page count is known. */
  footers(reference: string): void {
    const { regular } = this.fonts;
    this.pages.forEach((page, i) => {
      const y = LETTER_PAGE.margin / 2;
      page.drawText(`Reference: ${reference}`, { x: LETTER_PAGE.margin, y, size: SMALL_SIZE, font: regular, color: INK });
      const label = `Page ${i + 1} of ${this.pages.length}`;
      page.drawText(label, { x: LETTER_PAGE.width - LETTER_PAGE.margin - regular.widthOfTextAtSize(label, SMALL_SIZE), y, size: SMALL_SIZE, font: regular, color: INK });
    });
  }
}

export async function newDocument(kind: DocumentKind): Promise<{ doc: PDFDocument; fonts: EmbeddedFonts }> {
  const doc = await PDFDocument.create();
  applyMetadata(doc, kind);
  return { doc, fonts: await embedFonts(doc) };
}

/** Letterhead, date, reference, recipient, subject, body, closing; then "Page n of m" footers. */
export async function renderLetter(spec: LetterSpec): Promise<Uint8Array> {
  assertOpaqueReference(spec.reference);
  const date = longDate(spec.date, "date");
  const { doc, fonts } = await newDocument(spec.kind);
  const c = new Composer(doc, fonts);
  const { regular, bold } = fonts;
  const { program } = spec;

  c.draw(c.wrap(LETTERHEAD, bold, SMALL_SIZE), { leading: 12, color: BRAND });
  c.draw(
    [...c.wrap(`${program.name} · ${program.mailingAddress}`, regular, SMALL_SIZE), ...c.wrap(`Phone ${program.phone} · Toll free ${program.tollFree}`, regular, SMALL_SIZE)],
    { leading: 12 },
  );
  c.space(6);
  c.rule();
  c.space(18);
  c.draw([...c.wrap(date, regular, BODY_SIZE), ...c.wrap(`Reference: ${spec.reference}`, regular, BODY_SIZE)]);
  c.space(LEADING);
  c.draw(spec.recipient.flatMap((l) => c.wrap(l, regular, BODY_SIZE)), { keep: spec.recipient.length });
  c.space(LEADING);
  c.draw(c.wrap(spec.subject, bold, 12), { leading: 16 });
  c.space(PARAGRAPH_GAP);
  spec.body.forEach((block, i) => c.block(block, spec.body[i + 1]));
  c.space(4);
  c.draw(spec.closing.flatMap((l) => c.wrap(l, regular, BODY_SIZE)), { keep: spec.closing.length });
  c.footers(spec.reference);
  return doc.save();
}
