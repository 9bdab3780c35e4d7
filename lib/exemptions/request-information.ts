import type { Db } from "../db/client";
import { exemptionSettings, type ExemptionSettings } from "./settings";
import { checkTransition } from "./status";
import { moveRequest, scopedRequest, tellFiler, type ExemptionActor } from "./transition";

/**
 * Staff ask the agency a question during review (UNDER_REVIEW → INFORMATION_REQUESTED). The PM
 * decides "based on, but not limited to" the four items (131.07(4) [P]), so more may be asked. The
 * question is kept in the history and shown to the agency; the agency is told by content-free e-mail.
 */
export async function requestInformation(db: Db, actor: ExemptionActor, requestId: string, note: string, settings: Partial<ExemptionSettings> = {}, now = new Date()) {
  const { reviewer } = exemptionSettings(settings);
  await db.$transaction(async (tx) => {
    const r = await scopedRequest(tx, actor, requestId);
    checkTransition({ from: r.status, to: "INFORMATION_REQUESTED", by: actor.role, reviewer, note });
    await moveRequest(tx, actor, r.id, { from: r.status, to: "INFORMATION_REQUESTED", note: note.trim() }, now);
    await tellFiler(tx, r, "information-requested", now);
  });
}
