import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkitNamespace from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

type Fontkit = typeof fontkitNamespace;

/** @pdf-lib/fontkit ships UMD: Node's ESM loader exposes it as `default`, bundlers may not. */
export const fontkit: Fontkit = (fontkitNamespace as unknown as { default?: Fontkit }).default ?? fontkitNamespace;

/** Public Sans (SIL Open Font License), the USWDS typeface, already installed with @uswds/uswds. */
const FONT_FILES = {
  regular: "@uswds/uswds/fonts/public-sans/PublicSans-Regular.ttf",
  bold: "@uswds/uswds/fonts/public-sans/PublicSans-Bold.ttf",
} as const;

interface LoadedFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  /** True when both weights can show the code point. */
  hasGlyph: (codePoint: number) => boolean;
}

let loading: Promise<LoadedFonts> | undefined;

async function readFonts(): Promise<LoadedFonts> {
  // Resolved from the project root at run time, as scripts/schema-engine-shim.mjs does, so the bundler
  // neither inlines the files nor rewrites require.resolve into a module id.
  const require = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
  const [regular, bold] = await Promise.all(
    [FONT_FILES.regular, FONT_FILES.bold].map(async (specifier) => {
      const fontPath = require.resolve(specifier);
      return new Uint8Array(await readFile(/*turbopackIgnore: true*/ fontPath));
    }),
  );
  const faces = [fontkit.create(regular), fontkit.create(bold)];
  const coverage = new Map<number, boolean>();
  const hasGlyph = (codePoint: number) => {
    let known = coverage.get(codePoint);
    if (known === undefined) {
      known = faces.every((face) => face.hasGlyphForCodePoint(codePoint));
      coverage.set(codePoint, known);
    }
    return known;
  };
  return { regular, bold, hasGlyph };
}

/** Reads the font files once per process; a failed read is retried on the next call. */
export function loadFonts(): Promise<LoadedFonts> {
  loading ??= readFonts().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

export interface EmbeddedFonts {
  regular: PDFFont;
  bold: PDFFont;
  hasGlyph: (codePoint: number) => boolean;
}

/** Embeds both weights, subset to the glyphs used (a letter is ~30 kB instead of ~250 kB). */
export async function embedFonts(doc: PDFDocument): Promise<EmbeddedFonts> {
  const fonts = await loadFonts();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([doc.embedFont(fonts.regular, { subset: true }), doc.embedFont(fonts.bold, { subset: true })]);
  return { regular, bold, hasGlyph: fonts.hasGlyph };
}
