// A throwaway ClamAV daemon for the malware-scanning tests (SEC-12), and its installation.
//
// No signature updates can be downloaded here (freshclam needs the internet), and the tests need none:
// the daemon is started on a database of one signature of our own that matches the EICAR test string.
// Run directly (`tsx scripts/clamd.ts`) to install Debian's clamav-daemon when it is missing.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ClamdScanner } from "../lib/evidence/scanner";
import { CliError, runMain } from "./lib/cli";

/** The EICAR anti-malware test file (68 bytes): harmless, and reported by every scanner. */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
/** Our signature's name in the test database. */
export const TEST_SIGNATURE = "Acp.Test.EICAR";
/** What clamd reports for it: it marks names from databases that are not ClamAV's own ".UNOFFICIAL". */
export const TEST_SIGNATURE_REPORTED = `${TEST_SIGNATURE}.UNOFFICIAL`;

const clamdPath = () => process.env.CLAMD_PATH ?? "/usr/sbin/clamd";

/** Install Debian's clamav-daemon unless clamd is already there (as scripts/e2e.ts does for Chromium). */
export function ensureClamd(): void {
  const bin = clamdPath();
  if (existsSync(bin)) return;
  if (process.env.CLAMD_PATH) throw new CliError(`CLAMD_PATH=${bin} does not exist.`);
  if (process.getuid?.() !== 0) {
    throw new CliError("ClamAV's daemon is not installed at /usr/sbin/clamd. Install Debian's clamav-daemon package (apt-get install clamav-daemon) or set CLAMD_PATH.");
  }
  console.log("Installing Debian's ClamAV daemon for the malware-scanning tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "clamav-daemon"], { stdio: "inherit", env });
}

export interface TestClamd {
  host: string;
  port: number;
  /** Milliseconds from spawning clamd to its first PONG. */
  startedInMs: number;
  /** Stop the daemon and remove its folder. Safe to call more than once. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Start clamd on 127.0.0.1 (a free port), with a private folder for its configuration, log, temporary
 * files and a signature database holding only our EICAR body signature. Resolves once it answers PING.
 */
export async function startTestClamd(opts: { startTimeoutMs?: number } = {}): Promise<TestClamd> {
  const bin = clamdPath();
  if (!existsSync(bin)) throw new Error(`clamd is not installed at ${bin}: run ensureClamd() from scripts/clamd.ts (tsx scripts/clamd.ts) first.`);

  const dir = mkdtempSync(path.join(os.tmpdir(), "acp-clamd-"));
  const dbDir = path.join(dir, "db");
  const tmpDir = path.join(dir, "tmp");
  mkdirSync(dbDir);
  mkdirSync(tmpDir);
  // An extended (.ndb) body signature, Name:TargetType:Offset:HexSignature: any file type (0), anywhere
  // in the file (*), so it also matches EICAR inside a larger file. (A .hdb line "md5:68:Name" would
  // match only a file that is exactly the EICAR string.)
  writeFileSync(path.join(dbDir, "acp-test.ndb"), `${TEST_SIGNATURE}:0:*:${Buffer.from(EICAR, "latin1").toString("hex")}\n`);

  const host = "127.0.0.1";
  const port = await freePort();
  const logFile = path.join(dir, "clamd.log");
  const config = [
    "Foreground yes",
    `DatabaseDirectory ${dbDir}`,
    `TemporaryDirectory ${tmpDir}`,
    `TCPAddr ${host}`,
    `TCPSocket ${port}`,
    `PidFile ${path.join(dir, "clamd.pid")}`,
    `LogFile ${logFile}`,
    "LogTime yes",
    "MaxThreads 2",
    // Evidence is at most 10 MiB (lib/evidence/file-type.ts); a little more here, so our limit is the one that bites.
    "StreamMaxLength 11M",
    // No "User": clamd keeps the identity it was started with (root in CI, or the developer).
  ];
  const configFile = path.join(dir, "clamd.conf");
  writeFileSync(configFile, `${config.join("\n")}\n`);

  const started = Date.now();
  const child = spawn(bin, ["-c", configFile], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  child.on("error", (e) => (stderr += `${e.message}\n`));
  // Never leave a daemon behind if the test process ends without stop().
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", killOnExit);
    if (!exited) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const why = () => {
    const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
    return `${stderr}${log}`.trim().split("\n").slice(-8).join("\n");
  };
  const scanner = new ClamdScanner({ host, port }, 1000);
  const deadline = started + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      const detail = why();
      await stop();
      throw new Error(`clamd exited during start-up:\n${detail}`);
    }
    try {
      await scanner.ping();
      return { host, port, startedInMs: Date.now() - started, stop };
    } catch {
      if (Date.now() > deadline) {
        const detail = why();
        await stop();
        throw new Error(`clamd did not answer PING within ${opts.startTimeoutMs ?? 60_000} ms:\n${detail}`);
      }
      await sleep(25);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain("clamd", async () => {
    ensureClamd();
    const d = await startTestClamd();
    console.log(`clamd ${clamdPath()} answers PING (started in ${d.startedInMs} ms).`);
    await d.stop();
  });
}
