// npm start — get the database ready, build if needed, and serve the app with `next start` on PORT.
//   Embedded database: take its lock, apply pending migrations, load the demo data into an empty one.
//   PostgreSQL: refuse to start while migrations are pending (unless ACP_AUTO_MIGRATE=1).
// `npm run dev` does the same with `next dev`.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describeDatabase } from "../lib/db/config";
import { seedDemo } from "../prisma/seed";
import { recordAudit, SYSTEM_ACTOR } from "../lib/audit/record-audit";
import { CliError, runBin, runMain } from "./lib/cli";
import { loadEnv, lockForScript, migrateDeploy, openForScript, pendingMigrations } from "./lib/db";

const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "package.json", "global.d.ts"];

function newestSourceChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const s = statSync(entry);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const d of readdirSync(entry, { withFileTypes: true })) {
    if (d.name === "generated" || d.name === "node_modules") continue;
    newest = Math.max(newest, newestSourceChange(path.join(entry, d.name)));
  }
  return newest;
}

/** Build when there is no production build, or the sources changed since the last one. */
function buildNeeded(): boolean {
  const id = ".next/BUILD_ID";
  if (!existsSync(id)) return true;
  const built = statSync(id).mtimeMs;
  return SOURCES.some((s) => newestSourceChange(s) > built);
}

runMain("start", async () => {
  const dev = process.argv.includes("--dev");
  const env = loadEnv();
  const where = describeDatabase(env.database);

  if (env.database.kind === "embedded") {
    lockForScript(env, dev ? "next dev" : "server");
    await migrateDeploy(env, true);
    const handle = await openForScript(env, "start");
    try {
      if ((await handle.db.user.count()) === 0 && env.ACP_ENV !== "production") {
        const s = await seedDemo(handle.db);
        await recordAudit(handle.db, SYSTEM_ACTOR, { action: "data.seeded", details: { kind: "demo" } });
        console.log(`First start: loaded demo data (${s.users} demo accounts; see README).`);
      }
    } finally {
      await handle.close();
    }
  } else {
    const handle = await openForScript(env, "start");
    let pending: string[];
    try {
      pending = await pendingMigrations(handle);
    } finally {
      await handle.close();
    }
    if (pending.length && !env.ACP_AUTO_MIGRATE) {
      throw new CliError(`the ${where} has ${pending.length} pending migration(s). Run \`npm run db:migrate\` first (or set ACP_AUTO_MIGRATE=1).`);
    }
    if (pending.length) await migrateDeploy(env);
  }

  if (!dev && buildNeeded()) {
    console.log("Building the app (first start or changed sources)…");
    const b = await runBin("next", ["build"]);
    if (b.code !== 0) throw new CliError("the build failed (see above).");
  }

  console.log(`Serving on port ${env.PORT} with the ${where}.`);
  const child = spawn(path.resolve("node_modules/.bin/next"), [dev ? "dev" : "start", "-p", String(env.PORT)], {
    stdio: "inherit",
    // next-auth builds its callback URLs from NEXTAUTH_URL.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: process.env.NEXTAUTH_URL || env.ACP_APP_URL },
  });
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => child.kill(sig));
  return new Promise<number>((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 0 : 1))));
});
