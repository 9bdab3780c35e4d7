import path from "node:path";

/**
 * Where the database lives. This is the only place that reads DATABASE_URL / ACP_DATA_DIR:
 * the app, the Prisma CLI config and every script ask here, so they can never disagree.
 *
 * - No DATABASE_URL: embedded PostgreSQL (PGlite) under ACP_DATA_DIR (default ./.data).
 * - DATABASE_URL=pglite:<dir>: the same, with <dir> as the data folder.
 * - DATABASE_URL=postgres://… or postgresql://…: that server.
 */
export type DatabaseConfig =
  | { kind: "embedded"; dataDir: string; pgliteDir: string; lockFile: string; engineUrl: string }
  | { kind: "postgres"; url: string; engineUrl: string };
// engineUrl is what Prisma's schema engine (our stand-in) is given: pglite:<PGlite folder> or the server URL.

export class DatabaseConfigError extends Error {}

export function resolveDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const raw = env.DATABASE_URL?.trim();
  if (raw && /^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new DatabaseConfigError("DATABASE_URL is not a valid URL (expected postgresql://user@host:port/database).");
    }
    return { kind: "postgres", url: raw, engineUrl: raw };
  }
  let dataDir: string;
  if (raw) {
    if (!raw.startsWith("pglite:")) {
      throw new DatabaseConfigError(
        "DATABASE_URL must start with postgresql://, postgres:// or pglite: (leave it unset for the embedded database).",
      );
    }
    dataDir = raw.slice("pglite:".length);
  } else {
    dataDir = env.ACP_DATA_DIR?.trim() || ".data";
  }
  if (!dataDir) throw new DatabaseConfigError("The embedded database folder is empty: set ACP_DATA_DIR or DATABASE_URL=pglite:<folder>.");
  const abs = path.resolve(/*turbopackIgnore: true*/ dataDir);
  const pgliteDir = path.join(abs, "pglite");
  return { kind: "embedded", dataDir: abs, pgliteDir, lockFile: `${pgliteDir}.lock`, engineUrl: `pglite:${pgliteDir}` };
}

/** A label safe to print: never the password of a PostgreSQL URL. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "embedded") {
    const rel = path.relative(process.cwd(), config.dataDir);
    return `embedded database in ${rel === "" ? "." : rel.startsWith("..") ? config.dataDir : rel}`;
  }
  const u = new URL(config.url);
  return `PostgreSQL at ${u.hostname}:${u.port || "5432"}${u.pathname}`;
}
