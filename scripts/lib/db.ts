import { parseEnv, type Env } from "../../lib/env";
import { describeDatabase } from "../../lib/db/config";
import { openDatabase, type DbHandle } from "../../lib/db/client";
import { acquireDatabaseLock, type DatabaseLock } from "../../lib/db/lock.mjs";
import { migrationStatus } from "../../lib/db/migrations";
import { CliError, prismaErrorLine, runBin } from "./cli";

export function loadEnv(): Env {
  try {
    return parseEnv();
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/**
 * Take the embedded database's lock for a script and hand its token to child processes
 * (the Prisma CLI and its engine), so they share it instead of refusing.
 */
export function lockForScript(env: Env, purpose: string): DatabaseLock | null {
  if (env.database.kind !== "embedded") return null;
  const lock = acquireDatabaseLock(env.database.pgliteDir, purpose);
  process.env.ACP_DB_LOCK_TOKEN = lock.token;
  return lock;
}

/** Open the database for a script, turning connection failures into one line. */
export async function openForScript(env: Env, purpose: string): Promise<DbHandle> {
  const handle = openDatabase(env.database, purpose);
  try {
    await handle.db.$queryRaw`SELECT 1`;
  } catch (e) {
    await handle.close().catch(() => {});
    throw new CliError(`cannot reach the ${describeDatabase(env.database)}: ${firstLine(e)}`);
  }
  return handle;
}

export function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? m;
}

/** `prisma migrate deploy`: apply pending migrations with the standard CLI (through the engine stand-in). */
export async function migrateDeploy(env: Env, quiet = false): Promise<void> {
  const r = await runBin("prisma", ["migrate", "deploy"], { capture: true });
  if (!quiet || r.code !== 0) {
    const out = (r.stdout + r.stderr).split("\n").filter((l) => /migration|applied|No pending|Error|P\d{4}/i.test(l));
    if (r.code === 0) for (const l of out) console.log(l);
  }
  if (r.code !== 0) throw new CliError(`migrations failed on the ${describeDatabase(env.database)}: ${prismaErrorLine(r.stdout + r.stderr)}`);
}

export async function pendingMigrations(handle: DbHandle): Promise<string[]> {
  const s = await migrationStatus(handle.db);
  if (s.failed.length) throw new CliError(`migration ${s.failed[0]} failed earlier; fix it and run \`npx prisma migrate resolve\`.`);
  return s.pending;
}
