/**
 * Next.js calls register() once when a server process starts. The background jobs live here, inside
 * the server, so they share the server's database client: the embedded database serves one process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this file too; a build must not open the database or send mail.
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  // Kept on globalThis so a `next dev` reload does not start a second set beside the first.
  const store = globalThis as unknown as { __acpJobs?: boolean };
  if (store.__acpJobs) return;
  store.__acpJobs = true;

  const [{ db }, { startOutboxRunner, startBackgroundJob }, { chainPending, registerChainWriter }, { disableIdleAccounts }, { expireRegistrations }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/jobs/runner"),
    import("@/lib/audit/chain"),
    import("@/lib/accounts/manage-users"),
    import("@/lib/assistants/registry"),
  ]);
  // Every audit write asks for chaining right after its commit; the job catches anything left over
  // (a crash between commit and chaining).
  registerChainWriter(db);
  startBackgroundJob("audit-chain", 10_000, async () => {
    await chainPending(db());
  });
  // Issue 6: the verification API on its own lean listener, when configured (agency systems only).
  const { env } = await import("@/lib/env");
  const verifyPort = env().ACP_VERIFY_API_PORT;
  if (verifyPort) {
    const { startVerifyApiServer } = await import("@/lib/verification/handle-verify-request");
    startVerifyApiServer(db, verifyPort);
  }
  if (process.env.ACP_DISABLE_JOBS === "1") return;
  startOutboxRunner(db);
  // SEC-04: accounts idle for 45 days are disabled; checking hourly is plenty.
  startBackgroundJob("idle-accounts", 3600_000, async () => {
    await disableIdleAccounts(db());
    // U-7: assistant registrations end after two years unless renewed.
    await expireRegistrations(db());
  });
  // SEC-12: files held because the malware scanner was unreachable are scanned once it answers.
  const { scanPendingEvidence } = await import("@/lib/applications/evidence");
  const { scanPendingExemptionAttachments } = await import("@/lib/exemptions/attachments");
  const { expireExemptions } = await import("@/lib/exemptions/expire-exemptions");
  startBackgroundJob("evidence-scan", 60_000, async () => {
    await scanPendingEvidence(db());
    await scanPendingExemptionAttachments(db());
  });
  // U-9: a granted exemption ends at the end of its term (hourly is plenty for a date).
  startBackgroundJob("exemption-expiry", 3600_000, async () => {
    await expireExemptions(db());
  });
}
