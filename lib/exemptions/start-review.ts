import type { Db } from "../db/client";
import { exemptionSettings, type ExemptionSettings } from "./settings";
import { checkTransition } from "./status";
import { moveRequest, scopedRequest, type ExemptionActor } from "./transition";

/** 3.F: staff take a submitted request into review (SUBMITTED → UNDER_REVIEW). */
export async function startReview(db: Db, actor: ExemptionActor, requestId: string, settings: Partial<ExemptionSettings> = {}, now = new Date()) {
  const { reviewer } = exemptionSettings(settings);
  await db.$transaction(async (tx) => {
    const r = await scopedRequest(tx, actor, requestId);
    checkTransition({ from: r.status, to: "UNDER_REVIEW", by: actor.role, reviewer });
    await moveRequest(tx, actor, r.id, { from: r.status, to: "UNDER_REVIEW" }, now);
  });
}
