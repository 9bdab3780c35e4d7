// npm run audit:verify — chain any events still waiting for a link, then recompute every link of the
// audit trail's hash chain. Exit 1 and name the first broken links when anything was changed.
import { describeDatabase } from "../lib/db/config";
import { chainPending, verifyAuditChain } from "../lib/audit/chain";
import { runMain } from "./lib/cli";
import { loadEnv, lockForScript, openForScript } from "./lib/db";

runMain("audit:verify", async () => {
  const env = loadEnv();
  lockForScript(env, "audit:verify");
  const handle = await openForScript(env, "audit:verify");
  try {
    const added = await chainPending(handle.db);
    const r = await verifyAuditChain(handle.db);
    if (r.problems.length === 0 && r.unchained === 0) {
      console.log(`Audit trail intact: ${r.links} events chained (${added} linked now) in the ${describeDatabase(env.database)}.`);
      return 0;
    }
    console.error(`Audit trail FAILED verification: ${r.problems.length} bad link(s), ${r.unchained} event(s) without a link.`);
    for (const p of r.problems.slice(0, 20)) console.error(`  seq ${p.seq} (event ${p.eventId}): ${p.problem}`);
    return 1;
  } finally {
    await handle.close();
  }
});
