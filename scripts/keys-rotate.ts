// npm run keys:rotate
//   Re-wrap every data key with the current (first) master key in ACP_MASTER_KEYS (SEC-07 key
//   lifecycle). Put the new key first and keep the old one listed, restart the app, run this, then
//   remove the old key. Protected values are not re-encrypted. docs/decisions/0004-protected-field-encryption.md
import { describeDatabase } from "../lib/db/config";
import { EnvKeyProvider, keyProviderFromEnv, rewrapDataKeys } from "../lib/crypto";
import { CliError, runMain } from "./lib/cli";
import { loadEnv, lockForScript, openForScript, pendingMigrations } from "./lib/db";

runMain("keys:rotate", async () => {
  const env = loadEnv();
  // Check the keys before taking the database: a typo in ACP_MASTER_KEYS should not need the server stopped.
  const configured = env.ACP_MASTER_KEYS ? new EnvKeyProvider(env.ACP_MASTER_KEYS) : undefined;
  lockForScript(env, "keys:rotate");
  const handle = await openForScript(env, "keys:rotate");
  try {
    const pending = await pendingMigrations(handle);
    if (pending.length) throw new CliError(`the ${describeDatabase(env.database)} has ${pending.length} pending migration(s): run npm run db:migrate first.`);
    // Without ACP_MASTER_KEYS: the development key file in the data folder (refused in production).
    const provider = configured ?? keyProviderFromEnv();
    const { rewrapped, alreadyCurrent } = await rewrapDataKeys(handle.db, provider);
    console.log(`Re-wrapped ${rewrapped} data key${rewrapped === 1 ? "" : "s"} with master key "${provider.currentKeyId}" (${alreadyCurrent} already current).`);
  } finally {
    await handle.close();
  }
});
