import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { prismaErrorLine, runBin } from "../../scripts/lib/cli";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "embedded"; templateDir: string } | { kind: "postgres"; url: string };
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

/**
 * Integration tests run against a real database that the real `prisma migrate deploy` prepared:
 * an embedded template folder each test file copies (ACP_TEST_DB=embedded, the default), or a fresh
 * database on the PostgreSQL server named by TEST_DATABASE_URL (ACP_TEST_DB=postgres), dropped after.
 */
export default async function setup(project: TestProject) {
  const target = process.env.ACP_TEST_DB ?? "embedded";
  if (target === "postgres") {
    const server = process.env.TEST_DATABASE_URL;
    if (!server) throw new Error("ACP_TEST_DB=postgres needs TEST_DATABASE_URL");
    const name = `acp_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = withDatabase(server, name);
    const r = await runBin("prisma", ["migrate", "deploy"], { capture: true, env: { DATABASE_URL: url, ACP_DB_LOCK_TOKEN: "" } });
    if (r.code !== 0) throw new Error(`migrate deploy failed: ${prismaErrorLine(r.stdout + r.stderr)}`);
    project.provide("testDatabase", { kind: "postgres", url });
    return async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  const templateDir = mkdtempSync(path.join(os.tmpdir(), "acp-test-template-"));
  const r = await runBin("prisma", ["migrate", "deploy"], {
    capture: true,
    env: { DATABASE_URL: `pglite:${templateDir}`, ACP_DB_LOCK_TOKEN: "" },
  });
  if (r.code !== 0) throw new Error(`migrate deploy failed: ${prismaErrorLine(r.stdout + r.stderr)}`);
  project.provide("testDatabase", { kind: "embedded", templateDir });
  return () => rmSync(templateDir, { recursive: true, force: true });
}
