// npm run db:seed [-- --scale N] [-- --force]
//   (no option)  load the demo data set into an empty database
//   --scale N    add N generated participants with realistic distributions (benchmarks)
//   --canary TEXT  plant TEXT in one demo participant's protected address and phone (leak tests)
//   --force      allow either in a deployment marked ACP_ENV=production (never on a live system)
import { parseArgs } from "node:util";
import { describeDatabase } from "../lib/db/config";
import { plantCanary, seedDemo, seedScale } from "../prisma/seed";
import { recordAudit, SYSTEM_ACTOR } from "../lib/audit/record-audit";
import { CliError, runMain } from "./lib/cli";
import { loadEnv, lockForScript, openForScript, pendingMigrations } from "./lib/db";

runMain("db:seed", async () => {
  let values: { scale?: string; force?: boolean; canary?: string };
  try {
    ({ values } = parseArgs({ options: { scale: { type: "string" }, force: { type: "boolean" }, canary: { type: "string" } } }));
  } catch (e) {
    throw new CliError(`${(e as Error).message}. Usage: npm run db:seed [-- --scale N] [-- --force]`);
  }
  const scale = values.scale === undefined ? undefined : Number(values.scale);
  if (scale !== undefined && (!Number.isInteger(scale) || scale < 1 || scale > 10_000_000)) {
    throw new CliError(`--scale takes a whole number of participants from 1 to 10000000 (got "${values.scale}").`);
  }
  const env = loadEnv();
  if (env.ACP_ENV === "production" && !values.force) {
    throw new CliError("refusing to load demo data into a production deployment (ACP_ENV=production): demo accounts must never reach a live system. Use --force only on a disposable copy.");
  }
  lockForScript(env, "seed");
  const handle = await openForScript(env, "seed");
  try {
    const pending = await pendingMigrations(handle);
    if (pending.length) throw new CliError(`the ${describeDatabase(env.database)} has ${pending.length} pending migration(s): run npm run db:migrate first.`);
    const started = Date.now();
    if (values.canary !== undefined) {
      if (!/^[A-Za-z0-9_-]{8,64}$/.test(values.canary)) throw new CliError("--canary takes 8 to 64 letters, digits, - or _.");
      if ((await handle.db.user.count()) === 0) await seedDemo(handle.db);
      const participantId = await plantCanary(handle.db, values.canary);
      await recordAudit(handle.db, SYSTEM_ACTOR, { action: "data.seeded", details: { kind: "canary" } });
      // The id is opaque (never a name): the leak scan needs it to open that participant's page.
      console.log(`Planted the canary in the protected address and phone of participant ${participantId}.`);
      return;
    }
    if (scale === undefined) {
      if ((await handle.db.user.count()) > 0) {
        console.log(`The ${describeDatabase(env.database)} already holds users: the demo data set is only loaded into an empty database.`);
        return;
      }
      const s = await seedDemo(handle.db);
      await recordAudit(handle.db, SYSTEM_ACTOR, { action: "data.seeded", details: { kind: "demo" } });
      console.log(`Loaded demo data into the ${describeDatabase(env.database)}: ${s.users} accounts, ${s.organisations} organisations, ${s.applications} applications, ${s.participants} participants.`);
    } else {
      const s = await seedScale(handle.db, scale, (m) => process.stdout.write(`\r${m}   `));
      await recordAudit(handle.db, SYSTEM_ACTOR, { action: "data.seeded", details: { kind: "scale" } });
      process.stdout.write("\n");
      console.log(`Added ${s.participants} participants and ${s.applications} applications in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
  } finally {
    await handle.close();
  }
});
