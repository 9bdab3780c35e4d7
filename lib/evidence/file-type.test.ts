import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { EVIDENCE_MAX_BYTES, sniffEvidenceType } from "./file-type";

const bytes = (...b: number[]) => Uint8Array.from(b);
// The first bytes of real files: a 1×1 PNG, a JFIF JPEG and an Exif (camera) JPEG.
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
const jfif = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01);
const exif = bytes(0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00);

describe("sniffEvidenceType", () => {
  it("is 10 MiB at most", () => {
    expect(EVIDENCE_MAX_BYTES).toBe(10_485_760);
  });

  it("recognises a real PDF", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(sniffEvidenceType(await doc.save())).toBe("application/pdf");
    expect(sniffEvidenceType(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n"))).toBe("application/pdf");
  });

  it("recognises PNG and JPEG headers", () => {
    expect(sniffEvidenceType(png)).toBe("image/png");
    expect(sniffEvidenceType(jfif)).toBe("image/jpeg");
    expect(sniffEvidenceType(exif)).toBe("image/jpeg");
  });

  it("accepts a Buffer as well as a Uint8Array", () => {
    expect(sniffEvidenceType(Buffer.from(png))).toBe("image/png");
  });

  it("refuses a text file renamed to .pdf, whatever it claims", () => {
    // Upload metadata (name, declared type) never reaches the sniffer; only the bytes do.
    const renamed = new TextEncoder().encode("Dear caseworker,\nplease find my lease attached.\n");
    expect(sniffEvidenceType(renamed)).toBeNull();
    // A PDF header that is not at the very start is not a PDF.
    expect(sniffEvidenceType(new TextEncoder().encode(" %PDF-1.4"))).toBeNull();
    expect(sniffEvidenceType(new TextEncoder().encode("<html>%PDF-1.4"))).toBeNull();
    // Lower case is not the PDF signature.
    expect(sniffEvidenceType(new TextEncoder().encode("%pdf-1.4"))).toBeNull();
  });

  it("refuses an empty file", () => {
    expect(sniffEvidenceType(new Uint8Array(0))).toBeNull();
  });

  it("refuses a truncated header", () => {
    expect(sniffEvidenceType(png.subarray(0, 7))).toBeNull();
    expect(sniffEvidenceType(jfif.subarray(0, 2))).toBeNull();
    expect(sniffEvidenceType(new TextEncoder().encode("%PDF"))).toBeNull();
    // One wrong byte in the PNG signature (a text-mode transfer turns \r\n into \n).
    expect(sniffEvidenceType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0x00))).toBeNull();
  });

  it("refuses other common types", () => {
    expect(sniffEvidenceType(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeNull(); // GIF89a
    expect(sniffEvidenceType(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toBeNull(); // ZIP / DOCX
    expect(sniffEvidenceType(bytes(0x4d, 0x5a, 0x90, 0x00))).toBeNull(); // Windows executable
  });
});
