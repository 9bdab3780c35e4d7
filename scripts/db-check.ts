// npm run db:check — exit 1 when prisma/schema.prisma differs from what the migrations produce (drift).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CliError, prismaErrorLine, runBin, runMain } from "./lib/cli";

runMain("db:check", async () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "acp-check-"));
  try {
    const r = await runBin(
      "prisma",
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { capture: true, env: { DATABASE_URL: `pglite:${scratch}`, ACP_DB_LOCK_TOKEN: "" } },
    );
    if (r.code === 0) {
      console.log("db:check: prisma/schema.prisma matches prisma/migrations.");
      return 0;
    }
    if (r.code === 2) {
      console.error("db:check: prisma/schema.prisma has changes with no migration. Run: npm run db:migration -- <name>");
      console.error(r.stdout.trim());
      return 1;
    }
    throw new CliError(prismaErrorLine(r.stdout + r.stderr));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
