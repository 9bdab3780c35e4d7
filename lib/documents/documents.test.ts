import { PDFDocument, PDFName, PDFString, PDFHexString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import {
  authorizationCardPdf,
  CARD_SIZE,
  certificationLetterPdf,
  denialLetterPdf,
  DOCUMENT_METADATA,
  DocumentError,
  requestForDocumentsLetterPdf,
  STANDARD_DOCUMENT_REQUESTS,
  type AuthorizationCardInput,
  type DenialLetterInput,
  type ProgramContact,
} from "./index";
import { loadFonts } from "./fonts";
import { wrapText } from "./text";

const program: ProgramContact = {
  name: "Address Confidentiality Program",
  phone: "(617) 727-1234",
  tollFree: "1-866-555-0100",
  mailingAddress: "PO Box 3000, Boston, MA 02101",
};

const card: AuthorizationCardInput = {
  name: "Zoë Ñúñez-O'Brien",
  participantNumber: "1234 567 897",
  substituteAddress: ["PO Box 3000 #4412", "Boston, MA 02101"],
  expiresOn: "2030-11-24",
  issuedOn: "2026-11-24",
};

const denial: DenialLetterInput = {
  date: "2026-11-24",
  reference: "APP-3F9A1C0D",
  mailingBlock: ["João Conceição", "12 Hidden Lane", "Springfield, MA 01103"],
  reasons: "The application did not include a signed statement.\n\nThe applicant does not live in Massachusetts.",
  decidedOn: "2026-11-24",
  appealBy: "2026-12-24",
  track: "SURVIVOR",
  program,
};

/** Text of each page. pdf.js takes ownership of the buffer it is given, so it gets a copy. */
async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const { getDocumentProxy, extractText } = await import("unpdf");
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((t) => t.normalize("NFC").replace(/\s+/g, " "));
}

async function allText(bytes: Uint8Array): Promise<string> {
  return (await pagesText(bytes)).join(" ");
}

function decode(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** Every document-information field and the catalog settings a reader or an indexer shows. */
async function properties(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = [doc.getTitle(), doc.getSubject(), doc.getAuthor(), doc.getKeywords(), doc.getCreator(), doc.getProducer()];
  return {
    doc,
    title: doc.getTitle(),
    author: doc.getAuthor(),
    infoText: info.filter((v): v is string => typeof v === "string").join(" | "),
    lang: decode(doc.catalog.get(PDFName.of("Lang"))),
    displayDocTitle: doc.catalog.getViewerPreferences()?.getDisplayDocTitle(),
    markInfo: doc.catalog.get(PDFName.of("MarkInfo")),
  };
}

describe("authorization card (950 CMR 130.04(5))", () => {
  it("shows the name, participant number, each substitute-address line, the expiry date and a signature line", async () => {
    const text = await allText(await authorizationCardPdf(card));
    expect(text).toContain("Zoë Ñúñez-O'Brien");
    expect(text).toContain("1234 567 897");
    for (const line of card.substituteAddress) expect(text).toContain(line);
    expect(text).toContain("November 24, 2030");
    expect(text.toLowerCase()).toContain("participant signature");
    expect(text).toContain("Address Confidentiality Program — Authorization card");
    expect(text).toContain("Commonwealth of Massachusetts, Secretary of the Commonwealth");
    expect(text).toContain("Agencies must accept this substitute address (M.G.L. c. 9A §4)");
  });

  it("is wallet size on page 1, with the back on page 2", async () => {
    const { doc } = await properties(await authorizationCardPdf(card));
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPage(0).getSize()).toEqual(CARD_SIZE);
    expect(CARD_SIZE).toEqual({ width: 243, height: 153 });
  });

  it("keeps personal data out of the metadata and sets title, language and display title", async () => {
    const p = await properties(await authorizationCardPdf(card));
    expect(p.title).toBe("Authorization card");
    expect(p.author).toBe("Secretary of the Commonwealth");
    for (const secret of ["Zoë", "Ñúñez", "1234", "4412", "Boston"]) expect(p.infoText).not.toContain(secret);
    expect(p.lang).toBe("en-US");
    expect(p.displayDocTitle).toBe(true);
    // Not a tagged PDF, so it must not claim to be one.
    expect(p.markInfo).toBeUndefined();
  });

  it("wraps a long name and refuses content that cannot fit legibly", async () => {
    const longName = "Maria da Conceição Albuquerque Vasconcelos Figueiredo de Sá Ñúñez-O'Brien";
    const text = await allText(await authorizationCardPdf({ ...card, name: longName }));
    expect(text).toContain("Maria da Conceição");
    expect(text).toContain("Ñúñez-O'Brien");
    const tooMany = Array.from({ length: 12 }, (_, i) => `Line ${i + 1}`);
    await expect(authorizationCardPdf({ ...card, substituteAddress: tooMany })).rejects.toMatchObject({ code: "DOCUMENT_CONTENT_TOO_LONG" });
  });

  it("refuses a date that is not a calendar date", async () => {
    await expect(authorizationCardPdf({ ...card, expiresOn: "2030-02-30" })).rejects.toMatchObject({ code: "DOCUMENT_INVALID_INPUT" });
    await expect(authorizationCardPdf({ ...card, expiresOn: "11/24/2030" })).rejects.toMatchObject({ code: "DOCUMENT_INVALID_INPUT" });
  });
});

describe("certification letter", () => {
  const input = {
    date: "2026-11-24",
    reference: "APP-3F9A1C0D",
    mailingBlock: ["João Conceição", "12 Hidden Lane", "Springfield, MA 01103"],
    participants: [
      { name: "João Conceição", participantNumber: "1234567897" },
      { name: "Zoë Ñúñez-O'Brien", participantNumber: "2234567895" },
    ],
    effectiveOn: "2026-11-24",
    expiresOn: "2030-11-24",
    substituteAddress: ["PO Box 3000 #4412", "Boston, MA 02101"],
    program,
  };

  it("names each participant with their number, the term and the substitute address", async () => {
    const text = await allText(await certificationLetterPdf(input));
    for (const p of input.participants) {
      expect(text).toContain(p.name);
      expect(text).toContain(p.participantNumber);
    }
    for (const line of [...input.substituteAddress, ...input.mailingBlock]) expect(text).toContain(line);
    expect(text).toContain("from November 24, 2026");
    expect(text).toContain("ends on November 24, 2030");
    expect(text).toContain("Commonwealth of Massachusetts · Secretary of the Commonwealth · Address Confidentiality Program");
    expect(text).toContain("Reference: APP-3F9A1C0D");
    expect(text).toMatch(/Page 1 of \d/);
  });

  it("has a generic title and no personal data in the metadata", async () => {
    const p = await properties(await certificationLetterPdf(input));
    expect(p.title).toBe(DOCUMENT_METADATA.certificationLetter.title);
    for (const secret of ["João", "Zoë", "Hidden", "1234567897", "APP-3F9A1C0D"]) expect(p.infoText).not.toContain(secret);
    expect(p.lang).toBe("en-US");
  });

  it("refuses a name typed where the opaque reference belongs", async () => {
    await expect(certificationLetterPdf({ ...input, reference: "Joao Conceicao" })).rejects.toMatchObject({ code: "DOCUMENT_INVALID_INPUT" });
  });
});

describe("request for documents (950 CMR 130.04(3))", () => {
  const input = {
    date: "2026-11-24",
    reference: "APP-3F9A1C0D",
    addressee: ["Maria Silva, Application Assistant", "Safe Harbor Shelter"],
    documents: [STANDARD_DOCUMENT_REQUESTS.IDENTITY, STANDARD_DOCUMENT_REQUESTS.C209A_PROCEEDING, "A copy of the police report from March 2026."],
    note: "The copy of the order we received is missing page 2.",
    program,
  };

  it("lists every requested document, the note and where to send them", async () => {
    const text = await allText(await requestForDocumentsLetterPdf(input));
    for (const d of input.documents) expect(text).toContain(d);
    expect(text).toContain(input.note);
    expect(text).toContain("Maria Silva, Application Assistant");
    expect(text).toContain(program.mailingAddress);
    expect(text).toContain("Address Confidentiality Program (ACP)");
  });

  it("refuses an addressee that looks like it holds an address", async () => {
    await expect(requestForDocumentsLetterPdf({ ...input, addressee: ["Maria Silva", "Springfield, MA 01103"] })).rejects.toMatchObject({
      code: "DOCUMENT_INVALID_INPUT",
    });
    await expect(requestForDocumentsLetterPdf({ ...input, addressee: ["Maria Silva", "12 Hidden Lane"] })).rejects.toMatchObject({
      code: "DOCUMENT_INVALID_INPUT",
    });
  });

  it("refuses a request with no documents", async () => {
    await expect(requestForDocumentsLetterPdf({ ...input, documents: [" "] })).rejects.toBeInstanceOf(DocumentError);
  });
});

describe("denial letter", () => {
  it("states the reasons, the decision date and the appeal deadline", async () => {
    const text = await allText(await denialLetterPdf(denial));
    expect(text).toContain("The application did not include a signed statement.");
    expect(text).toContain("The applicant does not live in Massachusetts.");
    expect(text).toContain("We decided on November 24, 2026");
    expect(text).toContain("within 30 days of the decision");
    expect(text).toContain("The last day to appeal is December 24, 2026.");
  });

  it("sends survivor appeals to the appeal committee (130.10) and health-care appeals to the Program Manager (131.09)", async () => {
    const survivor = await allText(await denialLetterPdf(denial));
    expect(survivor).toContain("ACP Appeal Committee");
    expect(survivor).not.toContain("Program Manager");
    const healthCare = await allText(await denialLetterPdf({ ...denial, track: "HEALTH_CARE" }));
    expect(healthCare).toContain("ACP Program Manager");
    expect(healthCare).not.toContain("Appeal Committee");
  });

  it("refuses missing reasons and a deadline before the decision", async () => {
    await expect(denialLetterPdf({ ...denial, reasons: "  " })).rejects.toMatchObject({ code: "DOCUMENT_INVALID_INPUT" });
    await expect(denialLetterPdf({ ...denial, appealBy: "2026-11-01" })).rejects.toMatchObject({ code: "DOCUMENT_INVALID_INPUT" });
  });

  it("flows 3000 words of reasons over several pages without losing or reordering a word", async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `r${i}`);
    const bytes = await denialLetterPdf({ ...denial, reasons: words.join(" ") });
    const pages = await pagesText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const found = pages.join(" ").split(" ").filter((w) => /^r\d+$/.test(w));
    expect(found).toEqual(words);
    // Reasons continue on page 2, and every page is numbered out of the total.
    expect(pages[1]).toMatch(/\br\d+\b/);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    // What follows the reasons survives the page breaks too.
    expect(pages.join(" ")).toContain("The last day to appeal is December 24, 2026.");
  });
});

describe("characters outside the font", () => {
  it("renders Portuguese and Spanish names, composing decomposed accents", async () => {
    const text = await allText(await authorizationCardPdf({ ...card, name: "Joa\u0303o Conceic\u0327a\u0303o" }));
    expect(text).toContain("João Conceição");
  });

  it("refuses, with the code point and without the text, a character the font lacks", async () => {
    const error = await authorizationCardPdf({ ...card, name: "Владимир" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ code: "DOCUMENT_UNSUPPORTED_CHARACTER" });
    expect((error as DocumentError).codePoints).toContain("U+0412");
    expect((error as DocumentError).message).not.toContain("Владимир");
    await expect(denialLetterPdf({ ...denial, reasons: "Reason 中文" })).rejects.toMatchObject({ code: "DOCUMENT_UNSUPPORTED_CHARACTER" });
  });
});

describe("word wrapping", () => {
  it("breaks a word wider than the line instead of running off the page", async () => {
    const { PDFDocument: Doc, StandardFonts } = await import("pdf-lib");
    const font = await (await Doc.create()).embedFont(StandardFonts.Helvetica);
    const long = "x".repeat(400);
    const lines = wrapText(`short ${long} end`, font, 11, 200);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 11)).toBeLessThanOrEqual(200);
    // Every character survives; only spaces between words may become line breaks.
    expect(lines.join(" ").replace(/ /g, "")).toBe(`short${long}end`);
  });

  it("reads the font files once", async () => {
    expect(await loadFonts()).toBe(await loadFonts());
  });
});
