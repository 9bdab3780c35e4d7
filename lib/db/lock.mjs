// One process per embedded database folder. PGlite gives no error when a second process opens a
// folder that is in use, and a write is then silently lost (STACK.md §3.6), so every opener
// (server, migrate, seed, shim, scripts) takes this lock first. Plain JS because the Prisma
// schema-engine shim, which is spawned as a bare `node` executable, uses it too.
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";

export class DatabaseLockedError extends Error {
  constructor(message) {
    super(message);
    this.name = "DatabaseLockedError";
  }
}

/** The lock file that guards a PGlite data folder. */
export function lockFileFor(pgliteDir) {
  return `${pgliteDir.replace(/[\\/]+$/, "")}.lock`;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

function readHolder(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * Take the lock on `pgliteDir` for `purpose` ("server", "migrate", "seed", …).
 * A child process started by the holder passes the holder's token in ACP_DB_LOCK_TOKEN and shares
 * the lock instead of failing. Returns the token to hand to children, and release().
 */
export function acquireDatabaseLock(pgliteDir, purpose, env = process.env) {
  const file = lockFileFor(pgliteDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const inherited = env.ACP_DB_LOCK_TOKEN;
  for (let attempt = 0; attempt < 5; attempt++) {
    const token = randomUUID();
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, token, purpose, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readHolder(file)?.token === token) {
          try {
            unlinkSync(file);
          } catch {}
        }
      };
      process.once("exit", release);
      return { token, inherited: false, release };
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
    }
    const holder = readHolder(file);
    if (holder === null) {
      // Being written by another process this instant, or left empty by a crash: look again.
      const waitUntil = Date.now() + 50;
      while (Date.now() < waitUntil);
      if (attempt >= 2) unlinkFile(file);
      continue;
    }
    if (inherited && holder.token === inherited) return { token: inherited, inherited: true, release: () => {} };
    if (holder.pid === process.pid || !alive(holder.pid)) {
      unlinkFile(file); // stale: the holder has ended
      continue;
    }
    throw new DatabaseLockedError(
      `The embedded database in ${path.dirname(file)} is in use by another process (pid ${holder.pid}, ${holder.purpose}, since ${holder.since}). ` +
        `Stop that process first: only one process may open the embedded database at a time.`,
    );
  }
  throw new DatabaseLockedError(`Could not take the lock ${file}; remove it if no process is using the database.`);
}

function unlinkFile(file) {
  try {
    unlinkSync(file);
  } catch {}
}
