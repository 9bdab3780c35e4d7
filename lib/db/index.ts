import "server-only";
import { env } from "../env";
import { openDatabase, type Db, type DbHandle } from "./client";

export type { Db } from "./client";

// One client per server process, kept on globalThis so `next dev` reloads do not open a second
// PGlite instance on the same folder.
const store = globalThis as unknown as { __acpDb?: DbHandle };

function handle(): DbHandle {
  store.__acpDb ??= openDatabase(env().database, "server");
  return store.__acpDb;
}

/** The app's database client. */
export function db(): Db {
  return handle().db;
}

/** "embedded" or "postgres", for the health report. */
export function databaseKind(): DbHandle["kind"] {
  return env().database.kind;
}
