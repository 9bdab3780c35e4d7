import net from "node:net";

/**
 * SEC-12: uploaded evidence is scanned for malware before anyone can download it.
 *
 * A scanner answers clean or infected, or throws: ScannerUnavailableError when it cannot be reached,
 * drops the connection or does not answer in time; ScannerError (its base class) when it answers but
 * cannot scan. Either way the file was not scanned; callers catch ScannerError and record it so.
 */
export type ScanResult = { verdict: "clean" } | { verdict: "infected"; signature: string };

export interface MalwareScanner {
  scan(bytes: Buffer): Promise<ScanResult>;
}

export class ScannerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ScannerError";
  }
}

export class ScannerUnavailableError extends ScannerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ScannerUnavailableError";
  }
}

export type ClamdTarget = { host: string; port: number } | { socketPath: string };

export const DEFAULT_CLAMD_PORT = 3310;
export const DEFAULT_CLAMD_TIMEOUT_MS = 30_000;
/** INSTREAM chunk size. clamd's StreamMaxLength (default 100M) bounds the total, not the chunk. */
const CHUNK_BYTES = 64 * 1024;
/** No reply of clamd's is longer than this; more means we are not talking to clamd. */
const MAX_REPLY_BYTES = 4096;

const describeTarget = (t: ClamdTarget) => ("socketPath" in t ? `clamd at ${t.socketPath}` : `clamd at ${t.host}:${t.port}`);

/**
 * ClamAV's daemon over its INSTREAM protocol (clamd(8)): "zINSTREAM\0", then the file as chunks each
 * prefixed by its length (4 bytes, big-endian), then a zero length; clamd answers one NUL-terminated
 * line and closes. The file never touches our disk.
 *
 * Deployment: clamd spools the stream to its TemporaryDirectory while scanning, in plaintext, and the
 * TCP protocol is neither encrypted nor authenticated. Run clamd on the app's own host (a local socket
 * or 127.0.0.1) with a private TemporaryDirectory; never point ACP_CLAMD_HOST across a network.
 */
export class ClamdScanner implements MalwareScanner {
  constructor(
    readonly target: ClamdTarget,
    readonly timeoutMs: number = DEFAULT_CLAMD_TIMEOUT_MS,
  ) {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError("timeoutMs must be a positive number.");
  }

  async scan(bytes: Buffer): Promise<ScanResult> {
    const frames: Buffer[] = [Buffer.from("zINSTREAM\0", "latin1")];
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      const chunk = bytes.subarray(at, at + CHUNK_BYTES);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(chunk.length);
      frames.push(length, chunk);
    }
    frames.push(Buffer.alloc(4)); // zero length: end of stream
    const reply = await this.exchange(frames);

    if (reply === "stream: OK") return { verdict: "clean" };
    const found = /^stream: (.+) FOUND$/.exec(reply);
    if (found) return { verdict: "infected", signature: found[1] };
    if (reply.endsWith(" ERROR")) throw new ScannerError(`${describeTarget(this.target)} could not scan the file: ${reply}`);
    throw new ScannerError(`${describeTarget(this.target)} gave an unexpected reply to INSTREAM.`);
  }

  /** Resolves when clamd answers PING with PONG; ScannerUnavailableError otherwise. */
  async ping(): Promise<void> {
    const reply = await this.exchange([Buffer.from("zPING\0", "latin1")]);
    if (reply !== "PONG") throw new ScannerUnavailableError(`${describeTarget(this.target)} did not answer PING with PONG.`);
  }

  /** Send `frames` on a new connection and return clamd's one reply line, without its NUL. */
  private exchange(frames: Buffer[]): Promise<string> {
    const where = describeTarget(this.target);
    return new Promise<string>((resolve, reject) => {
      const socket = "socketPath" in this.target ? net.connect({ path: this.target.socketPath }) : net.connect({ host: this.target.host, port: this.target.port });
      const received: Buffer[] = [];
      let size = 0;
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        fn();
      };
      const timer = setTimeout(
        () => finish(() => reject(new ScannerUnavailableError(`${where} did not answer within ${this.timeoutMs} ms.`))),
        this.timeoutMs,
      );
      const replyText = () => Buffer.concat(received).toString("utf8").replace(/\0[\s\S]*$/, "").trim();

      socket.on("connect", () => {
        socket.cork();
        for (const f of frames) socket.write(f);
        socket.uncork();
      });
      socket.on("data", (chunk: Buffer) => {
        received.push(chunk);
        size += chunk.length;
        if (chunk.includes(0)) finish(() => resolve(replyText()));
        else if (size > MAX_REPLY_BYTES) finish(() => reject(new ScannerError(`${where} sent a reply that is too long.`)));
      });
      // clamd closes after its reply; a close with a complete line but no NUL is still that reply.
      socket.on("end", () => {
        if (size > 0) finish(() => resolve(replyText()));
        else finish(() => reject(new ScannerUnavailableError(`${where} closed the connection without answering.`)));
      });
      socket.on("error", (e: NodeJS.ErrnoException) => {
        finish(() => reject(new ScannerUnavailableError(`${where} cannot be reached${e.code ? ` (${e.code})` : ""}.`, { cause: e })));
      });
      socket.on("close", () => {
        finish(() => reject(new ScannerUnavailableError(`${where} closed the connection without answering.`)));
      });
    });
  }
}

/**
 * The scanner configured in the environment, or null when none is: the caller then records files as
 * not scanned. ACP_CLAMD_SOCKET (a local socket path) or ACP_CLAMD_HOST with ACP_CLAMD_PORT (default 3310).
 */
export function scannerFromEnv(
  source: Record<string, string | undefined> = process.env,
  timeoutMs: number = DEFAULT_CLAMD_TIMEOUT_MS,
): ClamdScanner | null {
  // Read here directly, so this works without the whole validated environment; lib/env.ts lists
  // ACP_CLAMD_SOCKET, ACP_CLAMD_HOST and ACP_CLAMD_PORT too (keep the two in step).
  const socketPath = source.ACP_CLAMD_SOCKET?.trim();
  const host = source.ACP_CLAMD_HOST?.trim();
  if (socketPath && host) throw new Error("Set ACP_CLAMD_SOCKET or ACP_CLAMD_HOST, not both.");
  if (socketPath) return new ClamdScanner({ socketPath }, timeoutMs);
  if (!host) return null;
  const rawPort = source.ACP_CLAMD_PORT?.trim();
  const port = rawPort ? Number(rawPort) : DEFAULT_CLAMD_PORT;
  if (!/^\d+$/.test(rawPort ?? "3310") || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`ACP_CLAMD_PORT is not valid: expected a port number from 1 to 65535 (got "${rawPort}").`);
  }
  return new ClamdScanner({ host, port }, timeoutMs);
}
