// Evidence files (SEC-07, SEC-12): malware scanning against a real clamd, and sealed storage against
// the real database. clamd runs on a signature database of our own (one EICAR signature): no ClamAV
// signatures can be downloaded here, and none are needed to prove the protocol and our handling.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CryptoError, fieldCipher } from "../../lib/crypto";
import { EVIDENCE_MAX_BYTES, sniffEvidenceType } from "../../lib/evidence/file-type";
import { ClamdScanner, ScannerUnavailableError, type ScanResult } from "../../lib/evidence/scanner";
import { EvidenceNotFoundError, FileSystemEvidenceStore, InvalidStorageKeyError } from "../../lib/evidence/storage";
import { newStorageKey, openEvidence, sealEvidence } from "../../lib/evidence/vault";
import { EICAR, startTestClamd, TEST_SIGNATURE_REPORTED, type TestClamd } from "../../scripts/clamd";
import { openTestDatabase, type TestDatabase } from "../support/database";

let clamd: TestClamd;
let scanner: ClamdScanner;
let t: TestDatabase;
let root: string;
let cleanPdf: Buffer;
const MARKER = "Lease for 14 Hidden Lane, Apt 2, Worcester MA 01602";

beforeAll(async () => {
  clamd = await startTestClamd();
  console.log(`clamd answered PING ${clamd.startedInMs} ms after it was started.`);
  scanner = new ClamdScanner({ host: clamd.host, port: clamd.port }, 10_000);
  t = openTestDatabase();
  root = mkdtempSync(path.join(os.tmpdir(), "acp-evidence-"));
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText(MARKER, { x: 50, y: 700, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  // Page text is written hex-encoded; a literal string in the document catalog puts the marker in the
  // file's bytes as plain text, so the at-rest check below means something.
  doc.catalog.set(PDFName.of("AcpNote"), PDFString.of(MARKER));
  cleanPdf = Buffer.from(await doc.save({ useObjectStreams: false }));
});
afterAll(async () => {
  await clamd?.stop();
  await t?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("malware scanning with a real clamd (SEC-12)", () => {
  it("reports the EICAR test file as infected, with our signature's name", async () => {
    expect(EICAR).toHaveLength(68);
    const result = await scanner.scan(Buffer.from(EICAR, "latin1"));
    expect(result).toEqual<ScanResult>({ verdict: "infected", signature: TEST_SIGNATURE_REPORTED });
  });

  it("finds EICAR across chunk boundaries, at the far end of a file of the largest accepted size", async () => {
    // clamd is sent 64 KiB chunks; a signature split between two of them must still be found, and the
    // whole of a maximum-size file must be scanned, not just its beginning.
    const straddling = Buffer.alloc(200_000, 0x20);
    Buffer.from(EICAR, "latin1").copy(straddling, 64 * 1024 - 30);
    expect(await scanner.scan(straddling)).toEqual({ verdict: "infected", signature: TEST_SIGNATURE_REPORTED });

    const largest = Buffer.alloc(EVIDENCE_MAX_BYTES, 0x20);
    cleanPdf.copy(largest, 0);
    Buffer.from(EICAR, "latin1").copy(largest, EVIDENCE_MAX_BYTES - EICAR.length);
    expect(sniffEvidenceType(largest)).toBe("application/pdf");
    expect(await scanner.scan(largest)).toEqual({ verdict: "infected", signature: TEST_SIGNATURE_REPORTED });
  });

  it("reports a clean PDF as clean", async () => {
    expect(sniffEvidenceType(cleanPdf)).toBe("application/pdf");
    expect(await scanner.scan(cleanPdf)).toEqual<ScanResult>({ verdict: "clean" });
    // Almost EICAR is not EICAR: the verdict comes from the signature, not from the daemon saying yes.
    expect(await scanner.scan(Buffer.from(EICAR.replace("EICAR", "EICAX"), "latin1"))).toEqual({ verdict: "clean" });
  });

  it("is unavailable, within the timeout, once the daemon is stopped", async () => {
    const other = await startTestClamd();
    const s = new ClamdScanner({ host: other.host, port: other.port }, 2000);
    expect(await s.scan(cleanPdf)).toEqual({ verdict: "clean" });
    await other.stop();
    const started = Date.now();
    const e = await rejection(s.scan(Buffer.from(EICAR, "latin1")));
    expect(e).toBeInstanceOf(ScannerUnavailableError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("is unavailable when the daemon accepts but never answers, after the timeout and not much later", async () => {
    const hung = net.createServer((socket) => socket.on("error", () => {}));
    const sockets = new Set<net.Socket>();
    hung.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((r) => hung.listen(0, "127.0.0.1", () => r()));
    const { port } = hung.address() as net.AddressInfo;
    try {
      const started = Date.now();
      const e = await rejection(new ClamdScanner({ host: "127.0.0.1", port }, 500).scan(cleanPdf));
      const elapsed = Date.now() - started;
      expect(e).toBeInstanceOf(ScannerUnavailableError);
      expect(elapsed).toBeGreaterThanOrEqual(490);
      expect(elapsed).toBeLessThan(2500);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => hung.close(r));
    }
  });
});

describe("sealed evidence at rest (SEC-07)", () => {
  const storeIn = (name: string) => new FileSystemEvidenceStore(path.join(root, name));

  it("stores only ciphertext, and opens back to the same bytes", async () => {
    const store = storeIn("round-trip");
    const { storageKey, sha256 } = await sealEvidence(t.db, store, cleanPdf);
    expect(storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(sha256).toBe(createHash("sha256").update(cleanPdf).digest("hex"));

    expect(readdirSync(store.rootDir)).toEqual([storageKey]);
    const onDisk = readFileSync(path.join(store.rootDir, storageKey));
    expect(cleanPdf.includes(Buffer.from(MARKER))).toBe(true); // the check below can fail
    expect(onDisk.includes(Buffer.from(MARKER))).toBe(false);
    expect(onDisk.includes(cleanPdf.subarray(0, 32))).toBe(false);
    expect(onDisk.includes(Buffer.from(cleanPdf.subarray(0, 48).toString("base64")))).toBe(false);
    expect(onDisk.includes(Buffer.from(cleanPdf.subarray(0, 48).toString("base64url")))).toBe(false);
    expect(sniffEvidenceType(onDisk)).toBeNull();
    expect(onDisk.toString("utf8")).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);

    const opened = await openEvidence(t.db, store, storageKey);
    expect(opened.equals(cleanPdf)).toBe(true);
    // The same bytes sealed twice are stored under different keys as different ciphertext.
    const again = await sealEvidence(t.db, store, cleanPdf);
    expect(again.storageKey).not.toBe(storageKey);
    expect(again.sha256).toBe(sha256);
    expect(readFileSync(path.join(store.rootDir, again.storageKey)).equals(onDisk)).toBe(false);
  });

  it("refuses to open a file that was changed or cut short", async () => {
    const store = storeIn("tampered");
    const { storageKey } = await sealEvidence(t.db, store, cleanPdf);
    const file = path.join(store.rootDir, storageKey);
    const sealed = readFileSync(file, "utf8");

    // One character of the ciphertext changed, to another valid one.
    const at = Math.floor(sealed.length / 2);
    writeFileSync(file, sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1));
    const changed = await rejection(openEvidence(t.db, store, storageKey));
    expect(changed).toBeInstanceOf(CryptoError);
    expect((changed as CryptoError).code).toBe("integrity");

    // Cut short to a whole number of base64 groups, so it still decodes and only the tag check can fail.
    const body = sealed.slice(sealed.lastIndexOf(".") + 1);
    writeFileSync(file, sealed.slice(0, sealed.lastIndexOf(".") + 1) + body.slice(0, Math.floor((body.length - 400) / 4) * 4));
    expect(((await rejection(openEvidence(t.db, store, storageKey))) as CryptoError).code).toBe("integrity");

    writeFileSync(file, cleanPdf); // plaintext put in its place
    expect(((await rejection(openEvidence(t.db, store, storageKey))) as CryptoError).code).toBe("format");

    writeFileSync(file, sealed);
    expect((await openEvidence(t.db, store, storageKey)).equals(cleanPdf)).toBe(true);
  });

  it("refuses a value sealed for another purpose", async () => {
    const store = storeIn("purpose");
    const key = newStorageKey();
    await store.put(key, Buffer.from(await fieldCipher(t.db).seal("contact", cleanPdf), "utf8"));
    const e = await rejection(openEvidence(t.db, store, key));
    expect(e).toBeInstanceOf(CryptoError);
    expect((e as CryptoError).code).toBe("purpose-mismatch");
  });

  it("says when nothing is stored, and never follows a path in the key", async () => {
    const store = storeIn("missing");
    await expect(openEvidence(t.db, store, newStorageKey())).rejects.toBeInstanceOf(EvidenceNotFoundError);
    await expect(openEvidence(t.db, store, "../round-trip/x")).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it("refuses a file over the size limit before writing anything", async () => {
    const store = storeIn("too-big");
    await expect(sealEvidence(t.db, store, Buffer.alloc(EVIDENCE_MAX_BYTES + 1))).rejects.toBeInstanceOf(RangeError);
    expect(existsSync(store.rootDir)).toBe(false);
  });
});
