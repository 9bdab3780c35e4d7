import type { Db } from "../db/client";
import { exemptionSettings, type ExemptionSettings } from "./settings";
import { checkTransition } from "./status";
import { moveRequest, scopedRequest, type ExemptionActor } from "./transition";

/**
 * 131.07(3) [P] mentions an appeal; U-9 makes it a reconsideration the agency asks for, with its
 * reasons, of either decision (GRANTED or WITHHELD → APPEALED). While it is open the agency keeps
 * using the substitute address (131.07(3)). A decision is reconsidered once.
 */
export async function appealExemption(db: Db, actor: ExemptionActor, requestId: string, reasons: string, settings: Partial<ExemptionSettings> = {}, now = new Date()) {
  const { reviewer } = exemptionSettings(settings);
  await db.$transaction(async (tx) => {
    const r = await scopedRequest(tx, actor, requestId);
    checkTransition({ from: r.status, to: "APPEALED", by: actor.role, reviewer, note: reasons, reconsidered: r.appealDecidedAt !== null });
    await moveRequest(tx, actor, r.id, { from: r.status, to: "APPEALED", note: reasons.trim(), data: { appealedFrom: r.status, appealReasons: reasons.trim() } }, now);
  });
}
