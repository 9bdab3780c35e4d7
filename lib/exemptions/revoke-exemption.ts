import type { Db } from "../db/client";
import { exemptionSettings, type ExemptionSettings } from "./settings";
import { checkTransition } from "./status";
import { moveRequest, scopedRequest, tellFiler, type ExemptionActor } from "./transition";

/**
 * U-9: the PM may revoke a grant, in writing with reasons (GRANTED → REVOKED). From then on the
 * agency must use the substitute address again; the purge date still applies to what it holds.
 */
export async function revokeExemption(db: Db, actor: ExemptionActor, requestId: string, reasons: string, settings: Partial<ExemptionSettings> = {}, now = new Date()) {
  const { reviewer } = exemptionSettings(settings);
  await db.$transaction(async (tx) => {
    const r = await scopedRequest(tx, actor, requestId);
    checkTransition({ from: r.status, to: "REVOKED", by: actor.role, reviewer, note: reasons });
    await moveRequest(tx, actor, r.id, { from: r.status, to: "REVOKED", note: reasons.trim(), data: { revokedReason: reasons.trim() } }, now);
    await tellFiler(tx, r, "revoked", now);
  });
}
