import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { isEmbedded, openTestDatabase, type TestDatabase } from "../support/database";

const tsx = path.resolve("node_modules/.bin/tsx");

/** Run a script as a person would; the environment is clean of the developer's own database settings. */
function run(script: string, args: string[], env: Record<string, string>) {
  const base = { ...process.env };
  for (const k of ["DATABASE_URL", "ACP_DATA_DIR", "ACP_ENV", "ACP_DB_LOCK_TOKEN", "ACP_AUTO_MIGRATE"]) delete base[k];
  const r = spawnSync(tsx, [`scripts/${script}.ts`, ...args], { env: { ...base, ...env }, encoding: "utf8", timeout: 60_000 });
  const stderr = r.stderr.split("\n").filter((l) => l.trim() && !l.startsWith("npm warn"));
  return { code: r.status, stdout: r.stdout, stderr };
}

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe("scripts give one clear line on bad input", () => {
  it("refuses demo data in a production deployment unless forced", () => {
    const r = run("db-seed", [], { ...t.childEnv, ACP_ENV: "production" });
    expect(r.code).toBe(1);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^db:seed: refusing to load demo data into a production deployment/);
  });

  it("names an unknown environment value", () => {
    const r = run("db-migrate", [], { ...t.childEnv, ACP_ENV: "prod" });
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([expect.stringMatching(/^db:migrate: ACP_ENV is not valid: .*\(got "prod"\)\.$/)]);
  });

  it("rejects a DATABASE_URL of another kind", () => {
    const r = run("db-seed", [], { DATABASE_URL: "mysql://root@localhost/acp" });
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([expect.stringMatching(/^db:seed: DATABASE_URL must start with postgresql:\/\/, postgres:\/\/ or pglite:/)]);
  });

  it("reports an unreachable PostgreSQL server without a stack trace", () => {
    const r = run("db-seed", [], { DATABASE_URL: "postgresql://acp@127.0.0.1:1/acp" });
    expect(r.code).toBe(1);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/^db:seed: cannot reach the PostgreSQL at 127\.0\.0\.1:1\/acp/);
    expect(r.stderr[0]).not.toMatch(/password|at Object|\.ts:\d+/);
  });

  it("refuses a bad --scale", () => {
    const r = run("db-seed", ["--scale", "lots"], t.childEnv);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual(['db:seed: --scale takes a whole number of participants from 1 to 10000000 (got "lots").']);
  });
});

describe("the embedded database is one process's at a time", () => {
  it("refuses a second process while this one holds it, naming the holder", ({ skip }) => {
    if (!isEmbedded()) skip();
    for (const script of ["db-seed", "db-migrate"]) {
      const r = run(script, [], t.childEnv);
      expect(r.code).toBe(1);
      expect(r.stderr).toEqual([expect.stringMatching(new RegExp(`in use by another process \\(pid ${process.pid}, test,`))]);
    }
  });
});

describe("npm start on PostgreSQL", () => {
  it("refuses to start while migrations are pending, and says what to run", async ({ skip }) => {
    const target = inject("testDatabase");
    if (target.kind !== "postgres") return skip();
    const name = `acp_pending_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const u = new URL(target.url);
      u.pathname = `/${name}`;
      const r = run("start", [], { DATABASE_URL: u.href, PORT: "3999" });
      expect(r.code).toBe(1);
      expect(r.stderr).toEqual([expect.stringMatching(/pending migration\(s\)\. Run `npm run db:migrate` first \(or set ACP_AUTO_MIGRATE=1\)\.$/)]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
