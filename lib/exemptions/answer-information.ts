import type { Db } from "../db/client";
import { discardAttachments, recordAttachments, scanNew, sealAttachments, type AttachmentDeps } from "./attachments";
import { exemptionSettings, type ExemptionSettings } from "./settings";
import { checkTransition } from "./status";
import { moveRequest, scopedRequest, type ExemptionActor } from "./transition";

/**
 * The agency answers the program's questions, with files if it likes; the request goes back to
 * review (INFORMATION_REQUESTED → UNDER_REVIEW). Only the requesting agency's users reach it (scope).
 */
export async function answerInformation(db: Db, actor: ExemptionActor, requestId: string, note: string, files: Buffer[] = [], deps: AttachmentDeps & { settings?: Partial<ExemptionSettings> } = {}, now = new Date()) {
  const { reviewer } = exemptionSettings(deps.settings);
  // Check the step before sealing anything: a refused answer leaves no file behind.
  const current = await scopedRequest(db, actor, requestId);
  checkTransition({ from: current.status, to: "UNDER_REVIEW", by: actor.role, reviewer, note });
  const { sealed, scanner, store } = await sealAttachments(db, files, deps);
  let ids: string[];
  try {
    ids = await db.$transaction(async (tx) => {
      const r = await scopedRequest(tx, actor, requestId);
      checkTransition({ from: r.status, to: "UNDER_REVIEW", by: actor.role, reviewer, note });
      await moveRequest(tx, actor, r.id, { from: r.status, to: "UNDER_REVIEW", note: note.trim() }, now);
      return recordAttachments(tx, actor, r.id, sealed, !!scanner);
    });
  } catch (e) {
    await discardAttachments(store, sealed);
    throw e;
  }
  await scanNew(db, store, scanner, ids, sealed);
}
