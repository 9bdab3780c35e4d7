import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "./client";

export interface MigrationStatus {
  /** Migrations in prisma/migrations that the database has not finished applying. */
  pending: string[];
  /** Migrations that started and failed (`prisma migrate resolve` is needed). */
  failed: string[];
  /** Applied in the database but missing from prisma/migrations (the code is older than the database). */
  unknown: string[];
}

/** The migration folders shipped with this build, oldest first. */
export function localMigrations(dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma/migrations")): string[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/**
 * Compare prisma/migrations with the `_prisma_migrations` history that `prisma migrate deploy`
 * writes. Read-only, so the server can answer /api/health and `npm start` can refuse to run
 * against a PostgreSQL database that is behind.
 */
export async function migrationStatus(db: Db, local = localMigrations()): Promise<MigrationStatus> {
  const [{ exists }] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS "exists"`;
  const rows = exists
    ? await db.$queryRaw<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]>`
        SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations`
    : [];
  const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  const localSet = new Set(local);
  return {
    pending: local.filter((m) => !done.has(m)),
    failed,
    unknown: [...done].filter((m) => !localSet.has(m)).sort(),
  };
}
