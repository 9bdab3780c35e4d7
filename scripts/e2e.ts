// npm run test:e2e — Playwright in Debian's Chromium against a production build on a fresh embedded database.
// When TEST_DATABASE_URL names a PostgreSQL server, the authorization matrix then runs a second time
// against a fresh database there (created, migrated and seeded here, dropped after).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { CliError, runBin, runMain } from "./lib/cli";

const MATRIX_SPEC = "e2e/authorization-matrix.spec.ts";

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

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

async function onServer(server: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Run a setup script against the test database, showing its output only when it fails. */
async function step(what: string, script: string, env: Record<string, string>): Promise<void> {
  const r = await runBin("tsx", [script], { env, capture: true });
  if (r.code !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new CliError(`${what} failed.`);
  }
}

/**
 * The authorization matrix on PostgreSQL: the same answers must come from the other driver and
 * query planner. The web server gets its own port, data folder (local secrets shared with the seed)
 * and report files, so nothing of the embedded run is overwritten.
 */
async function postgresPass(server: string): Promise<number> {
  const name = `acp_e2e_${process.pid}`;
  const url = withDatabase(server, name);
  const dataDir = ".data/e2e-postgres";
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`\nAuthorization matrix on PostgreSQL (database ${name})…`);
  await onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await onServer(server, `CREATE DATABASE "${name}"`);
  try {
    const env = { DATABASE_URL: url, ACP_DATA_DIR: dataDir, ACP_ENV: "test" };
    await step("db:migrate", "scripts/db-migrate.ts", env);
    await step("db:seed", "scripts/db-seed.ts", env);
    const r = await runBin("playwright", ["test", MATRIX_SPEC], {
      env: { E2E_DATABASE_URL: url, E2E_DATA_DIR: dataDir, E2E_PORT: process.env.E2E_POSTGRES_PORT ?? "3918", E2E_RUN_NAME: "e2e-postgres" },
    });
    if (r.code !== 0) console.error("The PostgreSQL server's log is in test-results/e2e-postgres-server.log.");
    return r.code;
  } finally {
    await onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
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
  rmSync(".data/e2e-idle", { recursive: true, force: true });

  // The canary leak scan (e2e/canary.spec.ts): a fresh marker in one participant's protected
  // address and phone, planted before the server starts; it must then show up nowhere.
  const canary = `CANARY${randomBytes(8).toString("hex")}`;
  const local = { ACP_DATA_DIR: ".data/e2e", DATABASE_URL: "", ACP_ENV: "test" };
  await step("db:migrate", "scripts/db-migrate.ts", local);
  const planted = await runBin("tsx", ["scripts/db-seed.ts", "--canary", canary], { env: local, capture: true });
  const participant = planted.stdout.match(/participant (\S+)\./)?.[1];
  if (planted.code !== 0 || !participant) {
    process.stderr.write(planted.stdout + planted.stderr);
    throw new CliError("could not plant the canary.");
  }

  const args = process.argv.slice(2);
  const r = await runBin("playwright", ["test", ...args], { env: { E2E_CANARY: canary, E2E_CANARY_PARTICIPANT: participant } });
  if (r.code !== 0) console.error("The server's log is in test-results/e2e-server.log.");

  const server = process.env.TEST_DATABASE_URL;
  const files = args.filter((a) => !a.startsWith("-"));
  if (!server) return r.code;
  if (files.length && !files.some((f) => MATRIX_SPEC.includes(f.replace(/^\.\//, "")) || f.includes("authorization-matrix"))) {
    console.log("The chosen specs do not include the authorization matrix: no PostgreSQL pass.");
    return r.code;
  }
  const pgCode = await postgresPass(server);
  return r.code || pgCode;
});
