import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import type { DatabaseConfig } from "./config";
import { acquireDatabaseLock } from "./lock.mjs";

function guarded(client: PrismaClient) {
  // A bulk update or delete with an empty where would touch every row (STYLE.md §15).
  return client.$extends({
    query: {
      $allModels: {
        async updateMany({ model, args, query }) {
          if (!args.where || Object.keys(args.where).length === 0) throw new Error(`${model}.updateMany refused: empty where`);
          return query(args);
        },
        async deleteMany({ model, args, query }) {
          if (!args.where || Object.keys(args.where).length === 0) throw new Error(`${model}.deleteMany refused: empty where`);
          return query(args);
        },
      },
    },
  });
}

export type Db = ReturnType<typeof guarded>;

export interface DbHandle {
  db: Db;
  kind: DatabaseConfig["kind"];
  close(): Promise<void>;
}

/**
 * Open the database named by `config`. The only place that knows which driver is in use.
 * The embedded database takes the one-process lock first (lib/db/lock.mjs).
 */
export function openDatabase(config: DatabaseConfig, purpose: string): DbHandle {
  if (config.kind === "embedded") {
    const lock = acquireDatabaseLock(config.pgliteDir, purpose);
    mkdirSync(config.pgliteDir, { recursive: true });
    const pglite = new PGlite(config.pgliteDir);
    const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      db: guarded(client),
      kind: "embedded",
      async close() {
        await client.$disconnect();
        await pglite.close(); // $disconnect() does not close PGlite; an open instance keeps the process alive
        lock.release();
      },
    };
  }
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.url }) });
  return {
    db: guarded(client),
    kind: "postgres",
    async close() {
      await client.$disconnect();
    },
  };
}

/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Omit<Db, "$extends" | "$transaction" | "$disconnect" | "$connect" | "$on" | "$use">;
/** Either: use-case helpers take whichever the caller holds, so they join the caller's transaction. */
export type DbClient = Db | DbTransaction;
