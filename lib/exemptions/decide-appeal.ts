import type { Db } from "../db/client";
import { AppError } from "../errors";
import { determinationFindings, grantConditions, logGrant } from "./conditions";
import type { DecideAppealInput } from "./schema";
import { exemptionSettings, type ExemptionSettings } from "./settings";
import { appealTarget, checkTransition } from "./status";
import { moveRequest, scopedRequest, tellFiler, type ExemptionActor } from "./transition";

/**
 * The reconsideration (U-9: decided by the reviewer the configuration names, default General
 * Counsel). UPHELD returns the request to the decision appealed; CHANGED makes the other decision,
 * which is a new determination: the §4 findings again and, for a grant, every condition.
 */
export async function decideAppeal(db: Db, actor: ExemptionActor, input: DecideAppealInput, settings: Partial<ExemptionSettings> = {}, now = new Date()) {
  const { reviewer } = exemptionSettings(settings);
  await db.$transaction(async (tx) => {
    const r = await scopedRequest(tx, actor, input.requestId);
    if (r.status !== "APPEALED" || (r.appealedFrom !== "GRANTED" && r.appealedFrom !== "WITHHELD")) throw new AppError("TRANSITION_REFUSED", "AppErrors.exemptionTransitionRefused");
    // The form said which decision was appealed: if that is no longer so, someone else moved it.
    if (r.appealedFrom !== input.appealedFrom) throw new AppError("CHANGED", "AppErrors.exemptionChanged");
    const to = appealTarget(r.appealedFrom, input.outcome);
    checkTransition({ from: r.status, to, by: actor.role, reviewer, note: input.reasons });
    const reasons = input.reasons.trim();
    const changed = input.outcome === "CHANGED";
    const findings = changed ? determinationFindings(input, to === "GRANTED") : {};
    const conditions = changed && to === "GRANTED" ? grantConditions(input, now) : {};
    await moveRequest(
      tx,
      actor,
      r.id,
      {
        from: "APPEALED",
        to,
        note: reasons,
        // A change is the decision now in force, with the reviewer's reasons; an upheld decision keeps the PM's.
        data: { ...findings, ...conditions, ...(changed ? { reasons } : {}), appealOutcome: input.outcome, appealDecidedAt: now, appealDecidedById: actor.id },
      },
      now,
    );
    if (changed && to === "GRANTED") await logGrant(tx, r, (conditions as { termEndsOn: Date }).termEndsOn, now);
    await tellFiler(tx, r, `appeal-${input.outcome.toLowerCase()}`, now);
  });
}
