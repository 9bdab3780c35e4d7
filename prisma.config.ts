import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseConfig } from "./lib/db/config";

// Prisma's native schema engine cannot be downloaded here: every `prisma …` command uses our
// stand-in, which forwards to the WebAssembly engine (docs/decisions/0002-migrations-without-native-engine.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/schema-engine-shim.mjs");
try {
  process.loadEnvFile(".env"); // Prisma 7 does not load .env itself
} catch {}

function databaseUrl(): string {
  try {
    return resolveDatabaseConfig().engineUrl;
  } catch {
    return ""; // `prisma generate` needs no database; commands that do will report the bad value
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrl() },
});
