// npm test — every check, in order: types, lint, migration drift, unit tests, integration tests on the
// embedded database (and on PostgreSQL when TEST_DATABASE_URL names a server), then the browser tests.
// Runs them all even after a failure, then prints one summary line: "N passed, N failed".
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ensureClamd } from "./clamd";
import { runBin, runMain } from "./lib/cli";

interface Step {
  name: string;
  bin: string;
  args: string[];
  env?: Record<string, string>;
  report?: string; // a JSON report to count tests from
  kind: "vitest" | "playwright" | "check";
}

function count(step: Step, ok: boolean): { passed: number; failed: number } {
  if (step.kind === "check" || !step.report || !existsSync(step.report)) return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(step.report, "utf8"));
  if (step.kind === "vitest") return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (ok ? 0 : r.numFailedTests ? 0 : 1) };
  const s = r.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) + (ok ? 0 : s.unexpected ? 0 : 1) };
}

/** A vitest project as a step, with a JSON report to count its tests from. */
function vitestStep(name: string, project: string, report: string, env?: Record<string, string>): Step {
  const file = `test-results/${report}.json`;
  return { name, bin: "vitest", args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], env, report: file, kind: "vitest" };
}

runMain("test", async () => {
  const steps: Step[] = [
    { name: "typecheck", bin: "tsc", args: ["--noEmit"], kind: "check" },
    { name: "lint", bin: "eslint", args: ["--max-warnings=0", "."], kind: "check" },
    { name: "db:check", bin: "tsx", args: ["scripts/db-check.ts"], kind: "check" },
    vitestStep("unit", "unit", "unit"),
    vitestStep("integration (embedded)", "integration", "integration-embedded", { ACP_TEST_DB: "embedded" }),
  ];
  if (process.env.TEST_DATABASE_URL) {
    steps.push(vitestStep("integration (PostgreSQL)", "integration", "integration-postgres", { ACP_TEST_DB: "postgres" }));
  } else {
    console.log("TEST_DATABASE_URL is not set: the integration tests run on the embedded database only.");
  }
  steps.push({ name: "e2e", bin: "tsx", args: ["scripts/e2e.ts"], report: "test-results/e2e.json", kind: "playwright" });

  // SEC-12: the malware-scan tests run a real ClamAV daemon (Debian's package, installed when missing).
  ensureClamd();
  rmSync("test-results", { recursive: true, force: true });
  const results: { name: string; ok: boolean; passed: number; failed: number; seconds: number }[] = [];
  for (const step of steps) {
    console.log(`\n=== ${step.name} ===`);
    const started = Date.now();
    const r = await runBin(step.bin, step.args, { env: step.env });
    const ok = r.code === 0;
    results.push({ name: step.name, ok, ...count(step, ok), seconds: Math.round((Date.now() - started) / 1000) });
  }

  console.log("\n=== summary ===");
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(26)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds}s`);
  const passed = results.reduce((a, r) => a + r.passed, 0);
  const failed = results.reduce((a, r) => a + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return results.every((r) => r.ok) ? 0 : 1;
});
