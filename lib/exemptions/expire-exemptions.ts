import type { Db } from "../db/client";
import { todayInMassachusetts } from "../dates/calendar";
import { checkTransition } from "./status";
import { moveRequest, tellFiler } from "./transition";

/**
 * 3.F: a grant ends at the end of its term (GRANTED → EXPIRED; 131.07(5)(c) [P], U-9). termEndsOn is
 * the last day the exemption applies, in Massachusetts. Run daily by the job runner
 * (instrumentation.ts); each request moves in its own transaction, so one failure stops nothing else.
 */
export async function expireExemptions(db: Db, now = new Date()): Promise<number> {
  const today = todayInMassachusetts(now);
  const due = await db.exemptionRequest.findMany({ where: { status: "GRANTED", termEndsOn: { lt: today } }, select: { id: true, submittedById: true } });
  let expired = 0;
  for (const r of due) {
    checkTransition({ from: "GRANTED", to: "EXPIRED", by: "SYSTEM", reviewer: "GENERAL_COUNSEL" });
    const done = await db
      .$transaction(async (tx) => {
        await moveRequest(tx, null, r.id, { from: "GRANTED", to: "EXPIRED" }, now);
        await tellFiler(tx, r, "expired", now);
        return true;
      })
      // Moved by someone else meanwhile (revoked, appealed): nothing to expire.
      .catch((e: { code?: string }) => {
        if (e?.code === "CHANGED") return false;
        throw e;
      });
    if (done) expired++;
  }
  return expired;
}
