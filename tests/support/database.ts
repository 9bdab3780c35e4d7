import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { resolveDatabaseConfig, type DatabaseConfig } from "../../lib/db/config";
import { openDatabase, type DbHandle } from "../../lib/db/client";

export interface TestDatabase extends DbHandle {
  config: DatabaseConfig;
  /** Environment for a child process (a script under test) that should use this database. */
  childEnv: Record<string, string>;
}

/**
 * A migrated database for one test file: a private copy of the embedded template, or the shared
 * PostgreSQL test database (tests there create their own rows and never assume an empty table).
 */
export function openTestDatabase(): TestDatabase {
  const target = inject("testDatabase");
  if (target.kind === "postgres") {
    const config = resolveDatabaseConfig({ DATABASE_URL: target.url });
    return { ...openDatabase(config, "test"), config, childEnv: { DATABASE_URL: target.url } };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "acp-test-"));
  cpSync(target.templateDir, dir, { recursive: true });
  const config = resolveDatabaseConfig({ DATABASE_URL: `pglite:${dir}` });
  const handle = openDatabase(config, "test");
  return {
    ...handle,
    config,
    childEnv: { DATABASE_URL: `pglite:${dir}` },
    async close() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const isEmbedded = () => inject("testDatabase").kind === "embedded";
