// npm run test:e2e — Playwright in Debian's Chromium against a production build on a fresh embedded database.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { CliError, runBin, runMain } from "./lib/cli";

function ensureChromium(): void {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return;
  if (process.env.CHROMIUM_PATH) throw new CliError(`CHROMIUM_PATH=${path} does not exist.`);
  if (process.getuid?.() !== 0) {
    throw new CliError("Chromium is not installed at /usr/bin/chromium. Install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.");
  }
  console.log("Installing Debian's Chromium for the browser tests…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

runMain("test:e2e", async () => {
  ensureChromium();
  rmSync(".data/e2e", { recursive: true, force: true });
  // Build here rather than inside the web server's start-up, so a slow build never hits its timeout.
  const build = await runBin("next", ["build"], { quiet: true });
  if (build.code !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    throw new CliError("next build failed.");
  }
  mkdirSync("test-results", { recursive: true });
  const r = await runBin("playwright", ["test", ...process.argv.slice(2)]);
  if (r.code !== 0) console.error("The server's log is in test-results/e2e-server.log.");
  return r.code;
});
