import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3917);
export const baseURL = `http://127.0.0.1:${PORT}`;

// scripts/e2e.ts runs the authorization matrix a second time against PostgreSQL: it names the
// database (already migrated and seeded), and a data folder for that server's local secrets.
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "";
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e";
const RUN = process.env.E2E_RUN_NAME ?? "e2e";

const MATRIX = /authorization-matrix\.spec\.ts$/;
const LEAK_SCAN = /canary\.spec\.ts$/;
// The full browser run (not the PostgreSQL pass of the matrix) also gets a real SMTP server and a
// second app server whose idle timeout is 16 seconds, so the timeout runs for real (e2e/idle.spec.ts).
const FULL_RUN = !DATABASE_URL;
const IDLE_PORT = Number(process.env.E2E_IDLE_PORT ?? 3919);
const SMTP_PORT = process.env.E2E_SMTP_PORT ?? "2526";
const ACCOUNT_CHANGING = /@account-changing/;

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/${RUN}`,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: `test-results/${RUN}.json` }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "off",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work here (STACK.md §5).
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // Tests that end every session of a demo account or change it (the matrix's sign-out-everywhere
  // and start-MFA calls) would break any test signed in as that account at the same moment: they run
  // in a teardown project, after everything else. Running one file still pulls it in (a few seconds).
  // The canary leak scan reads what every other test left behind (server log, URLs, titles): last.
  globalSetup: FULL_RUN ? "./e2e/support/global-setup.ts" : undefined,
  projects: [
    { name: "authorization", testMatch: MATRIX, grepInvert: ACCOUNT_CHANGING, teardown: "account-changing" },
    { name: "browser", testIgnore: [MATRIX, LEAK_SCAN], teardown: "account-changing" },
    { name: "leak-scan", testMatch: LEAK_SCAN, dependencies: ["authorization", "browser"] },
    { name: "account-changing", testMatch: MATRIX, grep: ACCOUNT_CHANGING },
  ],
  webServer: [
    {
      // The real start path: migrations, first-start seed, then `next start` on the production build.
      // Its log goes to a file, which later checks read (nothing personal may ever appear in it).
      command: `node_modules/.bin/tsx scripts/start.ts > test-results/${RUN}-server.log 2>&1`,
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      env: {
        PORT: String(PORT),
        ACP_DATA_DIR: DATA_DIR,
        ACP_ENV: "test",
        DATABASE_URL,
        ACP_AUTO_MIGRATE: DATABASE_URL ? "1" : "0",
        ACP_APP_URL: baseURL,
        // The suite signs the same demo accounts in many times within one 30-second TOTP step; the
        // replay guard itself is tested in tests/integration/access.test.ts.
        ACP_TOTP_REPLAY_GUARD: "0",
        NEXT_TELEMETRY_DISABLED: "1",
        ...(FULL_RUN ? { ACP_SMTP_HOST: "127.0.0.1", ACP_SMTP_PORT: SMTP_PORT, ACP_OUTBOX_INTERVAL_MS: "1000" } : {}),
      },
    },
    ...(FULL_RUN
      ? [
          {
            command: `node_modules/.bin/tsx scripts/start.ts > test-results/${RUN}-idle-server.log 2>&1`,
            url: `http://127.0.0.1:${IDLE_PORT}/api/health`,
            timeout: 240_000,
            reuseExistingServer: false,
            env: {
              PORT: String(IDLE_PORT),
              ACP_DATA_DIR: ".data/e2e-idle",
              ACP_ENV: "test",
              DATABASE_URL: "",
              ACP_APP_URL: `http://127.0.0.1:${IDLE_PORT}`,
              ACP_IDLE_TIMEOUT_SECONDS: "16",
              ACP_TOTP_REPLAY_GUARD: "0",
              ACP_DISABLE_JOBS: "1",
              NEXT_TELEMETRY_DISABLED: "1",
            },
          },
        ]
      : []),
  ],
});
