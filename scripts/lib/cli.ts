import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";

/** An error whose message is meant for the person at the terminal, printed as one line. */
export class CliError extends Error {}

/**
 * Run a script's main function: bad input or an unreachable database ends in one clear line on
 * stderr and exit code 1, never a stack trace (set ACP_DEBUG=1 to see one).
 */
export function runMain(name: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (e: unknown) => {
      const msg = e instanceof Error ? e.message.split("\n").find((l) => l.trim()) ?? e.name : String(e);
      process.stderr.write(`${name}: ${msg}\n`);
      if (process.env.ACP_DEBUG === "1" && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.exit(1);
    },
  );
}

const bin = (name: string) => path.resolve("node_modules/.bin", name);

/** Run a command from node_modules/.bin, inheriting the terminal; resolves with its exit code. */
export function runBin(
  name: string,
  args: string[],
  opts: { env?: Record<string, string | undefined>; capture?: boolean; quiet?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const spawnOpts: SpawnOptions = {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...opts.env },
      stdio: opts.capture || opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    };
    const child = spawn(bin(name), args, spawnOpts);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += d));
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout, stderr }));
  });
}

/** The last meaningful line of a failed Prisma command, for a one-line error. */
export function prismaErrorLine(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("Prisma schema loaded") && !l.startsWith("Datasource") && !l.startsWith("Loaded Prisma config"));
  const err = lines.find((l) => /^Error|P\d{4}|error/i.test(l)) ?? lines.at(-1);
  return err ?? "the Prisma command failed";
}
