import type { Db } from "../db/client";
import { determinationFindings, grantConditions, logGrant } from "./conditions";
import type { DecideInput } from "./schema";
import { exemptionSettings, type ExemptionSettings } from "./settings";
import { checkTransition } from "./status";
import { moveRequest, scopedRequest, tellFiler, type ExemptionActor } from "./transition";

/**
 * The Program Manager's determination (131.07(4)–(5) [P]; §4 [V]). Every determination records the
 * two findings of the §4 test (a bona fide statutory or administrative requirement the agency cannot
 * meet without the actual address; use limited to that purpose), written findings and written
 * reasons. A grant is discretionary, needs both findings met, and carries its conditions: duties,
 * use and access limits, record format, term and purge date (U-9). WITHHELD is the regulation's word.
 */
export async function decideExemption(db: Db, actor: ExemptionActor, input: DecideInput, settings: Partial<ExemptionSettings> = {}, now = new Date()) {
  const { reviewer } = exemptionSettings(settings);
  const grant = input.outcome === "GRANTED";
  await db.$transaction(async (tx) => {
    const r = await scopedRequest(tx, actor, input.requestId);
    checkTransition({ from: r.status, to: input.outcome, by: actor.role, reviewer, note: input.reasons });
    const findings = determinationFindings(input, grant);
    const conditions = grant ? grantConditions(input, now) : {};
    const reasons = input.reasons.trim();
    await moveRequest(tx, actor, r.id, { from: r.status, to: input.outcome, note: reasons, data: { ...findings, ...conditions, reasons, decidedAt: now, decidedById: actor.id } }, now);
    if (grant) await logGrant(tx, r, (conditions as { termEndsOn: Date }).termEndsOn, now);
    await tellFiler(tx, r, input.outcome.toLowerCase(), now);
  });
}
