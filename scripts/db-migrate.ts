// npm run db:migrate — apply pending migrations (prisma migrate deploy) to the configured database.
import { describeDatabase } from "../lib/db/config";
import { runMain } from "./lib/cli";
import { loadEnv, lockForScript, migrateDeploy } from "./lib/db";

runMain("db:migrate", async () => {
  const env = loadEnv();
  lockForScript(env, "migrate");
  console.log(`Applying migrations to the ${describeDatabase(env.database)}…`);
  await migrateDeploy(env);
});
