import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ClamdScanner, DEFAULT_CLAMD_PORT, ScannerError, ScannerUnavailableError, scannerFromEnv } from "./scanner";

// A stand-in clamd that records what it was sent and answers as told. The real daemon is exercised
// in tests/integration/evidence-scan.test.ts.
interface Fake {
  port: number;
  received: Promise<Buffer>;
  close(): Promise<void>;
}
const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

function fakeClamd(answer: (request: Buffer, socket: net.Socket) => void, listenOn: number | string = 0): Promise<Fake> {
  let gotRequest!: (b: Buffer) => void;
  const received = new Promise<Buffer>((r) => (gotRequest = r));
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buf = Buffer.alloc(0);
    socket.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.subarray(0, 6).toString() === "zPING\0" || isCompleteInstream(buf)) {
        gotRequest(buf);
        answer(buf, socket);
      }
    });
  });
  servers.push(server);
  return new Promise((resolve) => {
    server.listen(listenOn, () => {
      const addr = server.address();
      resolve({
        port: typeof addr === "object" && addr ? addr.port : 0,
        received,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/** The chunks of an INSTREAM request, or null while it is incomplete. */
function instreamChunks(buf: Buffer): Buffer[] | null {
  const head = "zINSTREAM\0";
  if (buf.subarray(0, head.length).toString("latin1") !== head) return null;
  const chunks: Buffer[] = [];
  let at = head.length;
  for (;;) {
    if (buf.length < at + 4) return null;
    const n = buf.readUInt32BE(at);
    at += 4;
    if (n === 0) return at === buf.length ? chunks : null;
    if (buf.length < at + n) return null;
    chunks.push(buf.subarray(at, at + n));
    at += n;
  }
}
const isCompleteInstream = (buf: Buffer) => instreamChunks(buf) !== null;

const reply = (text: string) => (_: Buffer, socket: net.Socket) => socket.end(`${text}\0`);

afterEach(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("ClamdScanner", () => {
  it("sends the file as length-prefixed chunks ending with a zero length", async () => {
    const fake = await fakeClamd(reply("stream: OK"));
    const file = Buffer.alloc(200_000);
    for (let i = 0; i < file.length; i++) file[i] = (i * 31) % 251;
    const result = await new ClamdScanner({ host: "127.0.0.1", port: fake.port }, 5000).scan(file);
    expect(result).toEqual({ verdict: "clean" });
    const chunks = instreamChunks(await fake.received)!;
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.concat(chunks).equals(file)).toBe(true);
  });

  it("sends an empty file as the terminator alone", async () => {
    const fake = await fakeClamd(reply("stream: OK"));
    await new ClamdScanner({ host: "127.0.0.1", port: fake.port }, 5000).scan(Buffer.alloc(0));
    expect((await fake.received).equals(Buffer.from("zINSTREAM\0\0\0\0\0", "latin1"))).toBe(true);
  });

  it("reports the signature clamd found", async () => {
    const fake = await fakeClamd(reply("stream: Win.Test.EICAR_HDB-1 FOUND"));
    const result = await new ClamdScanner({ host: "127.0.0.1", port: fake.port }, 5000).scan(Buffer.from("x"));
    expect(result).toEqual({ verdict: "infected", signature: "Win.Test.EICAR_HDB-1" });
  });

  it("turns an ERROR reply into a ScannerError that is not 'unavailable'", async () => {
    const fake = await fakeClamd(reply("INSTREAM size limit exceeded. ERROR"));
    const e = await rejection(new ClamdScanner({ host: "127.0.0.1", port: fake.port }, 5000).scan(Buffer.from("x")));
    expect(e).toBeInstanceOf(ScannerError);
    expect(e).not.toBeInstanceOf(ScannerUnavailableError);
    expect((e as Error).message).toContain("size limit exceeded");
  });

  it("never takes an unexpected reply for clean", async () => {
    const fake = await fakeClamd(reply("stream: maybe"));
    const e = await rejection(new ClamdScanner({ host: "127.0.0.1", port: fake.port }, 5000).scan(Buffer.from("x")));
    expect(e).toBeInstanceOf(ScannerError);
  });

  it("is unavailable when nothing listens", async () => {
    const fake = await fakeClamd(reply("PONG"));
    await fake.close();
    const e = await rejection(new ClamdScanner({ host: "127.0.0.1", port: fake.port }, 5000).scan(Buffer.from("x")));
    expect(e).toBeInstanceOf(ScannerUnavailableError);
    expect((e as Error).message).toContain("ECONNREFUSED");
  });

  it("is unavailable when the daemon hangs, within the timeout", async () => {
    const fake = await fakeClamd(() => {}); // accepts, reads, never answers
    const started = Date.now();
    const e = await rejection(new ClamdScanner({ host: "127.0.0.1", port: fake.port }, 300).scan(Buffer.from("x")));
    const elapsed = Date.now() - started;
    expect(e).toBeInstanceOf(ScannerUnavailableError);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
  });

  it("is unavailable when the daemon hangs up without answering", async () => {
    const fake = await fakeClamd((_, socket) => socket.end());
    const e = await rejection(new ClamdScanner({ host: "127.0.0.1", port: fake.port }, 5000).scan(Buffer.from("x")));
    expect(e).toBeInstanceOf(ScannerUnavailableError);
  });

  it("speaks over a local socket and answers PING", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "acp-clamd-"));
    try {
      const socketPath = path.join(dir, "clamd.sock");
      await fakeClamd(reply("PONG"), socketPath);
      await expect(new ClamdScanner({ socketPath }, 5000).ping()).resolves.toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a PING answered with anything but PONG", async () => {
    const fake = await fakeClamd(reply("PANG"));
    await expect(new ClamdScanner({ host: "127.0.0.1", port: fake.port }, 5000).ping()).rejects.toBeInstanceOf(ScannerUnavailableError);
  });
});

describe("scannerFromEnv", () => {
  it("is null when no scanner is configured", () => {
    expect(scannerFromEnv({})).toBeNull();
    expect(scannerFromEnv({ ACP_CLAMD_HOST: " ", ACP_CLAMD_SOCKET: "" })).toBeNull();
  });

  it("uses the local socket", () => {
    expect(scannerFromEnv({ ACP_CLAMD_SOCKET: "/run/clamav/clamd.ctl" })?.target).toEqual({ socketPath: "/run/clamav/clamd.ctl" });
  });

  it("uses host and port, port 3310 by default", () => {
    expect(scannerFromEnv({ ACP_CLAMD_HOST: "127.0.0.1" })?.target).toEqual({ host: "127.0.0.1", port: DEFAULT_CLAMD_PORT });
    expect(DEFAULT_CLAMD_PORT).toBe(3310);
    expect(scannerFromEnv({ ACP_CLAMD_HOST: "localhost", ACP_CLAMD_PORT: "3399" })?.target).toEqual({ host: "localhost", port: 3399 });
  });

  it("refuses a bad port and an ambiguous configuration", () => {
    for (const p of ["0", "65536", "33x", "-1", "3310.5"]) {
      expect(() => scannerFromEnv({ ACP_CLAMD_HOST: "localhost", ACP_CLAMD_PORT: p })).toThrow(/ACP_CLAMD_PORT/);
    }
    expect(() => scannerFromEnv({ ACP_CLAMD_HOST: "localhost", ACP_CLAMD_SOCKET: "/s" })).toThrow(/not both/);
  });
});
