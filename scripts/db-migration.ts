// npm run db:migration -- <name> — write prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that takes the committed migrations to prisma/schema.prisma. Uses `prisma migrate diff` on a
// throwaway embedded database, so it needs no server and never touches your data.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CliError, prismaErrorLine, runBin, runMain } from "./lib/cli";

runMain("db:migration", async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new CliError("give the migration a name in lower case, digits and underscores: npm run db:migration -- add_evidence");
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), "acp-migration-"));
  try {
    const r = await runBin(
      "prisma",
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--script", "--exit-code"],
      { capture: true, env: { DATABASE_URL: `pglite:${scratch}`, ACP_DB_LOCK_TOKEN: "" } },
    );
    if (r.code === 0) {
      console.log("The schema matches the migrations: nothing to create.");
      return;
    }
    if (r.code !== 2) throw new CliError(prismaErrorLine(r.stdout + r.stderr));
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), r.stdout);
    console.log(`Created ${dir}/migration.sql. Review it (this tool gives no data-loss warnings), then run npm run db:migrate.`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
