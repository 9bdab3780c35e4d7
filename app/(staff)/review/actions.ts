"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { decideApplication } from "@/lib/applications/decisions";
import type { RequestableDocument } from "@/lib/applications/evidence-rules";
import { assignApplication } from "@/lib/applications/queue";
import { revealApplicationAnswers } from "@/lib/applications/reveal-answers";
import { REVEAL_PURPOSES } from "@/lib/audit/events";
import { db } from "@/lib/db";

const schema = z.object({ applicationId: z.string().min(1).max(40), assign: z.enum(["me", "release"]) });

const assign = action("applications/assign", schema, async ({ applicationId, assign }, { user }) => {
  await assignApplication(db(), user!, applicationId, assign === "me" ? user!.id : null);
  revalidatePath("/review");
  return { status: "ok" };
});
export async function assignAction(prev: ActionState, formData: FormData) {
  return assign(prev, formData);
}

const decideSchema = z.object({
  applicationId: z.string().min(1).max(40),
  to: z.enum(["UNDER_REVIEW", "AWAITING_DOCUMENTS", "PENDING_GC_APPROVAL", "CERTIFIED", "DENIED", "WITHDRAWN"], "Validation.choose"),
  reasons: z.string().trim().max(4000, "Validation.max4000").optional(),
  documents: z.string().max(300).optional(),
});

const decide = action("applications/decide", decideSchema, async (input, { user }) => {
  const documents = (input.documents ?? "").split(",").filter(Boolean) as RequestableDocument[];
  await decideApplication(db(), user!, { applicationId: input.applicationId, to: input.to, reasons: input.reasons, documents });
  revalidatePath(`/review/${input.applicationId}`);
  return { status: "ok", message: "Review.decided" };
});
export async function decideAction(prev: ActionState, formData: FormData) {
  return decide(prev, formData);
}

const revealSchema = z.object({
  applicationId: z.string().min(1).max(40),
  purpose: z.enum(REVEAL_PURPOSES, "Validation.purposeRequired"),
  reason: z.string().trim().min(5, "Validation.reasonMin5").max(300, "Validation.max300"),
  code: z.string().trim().max(12).optional(),
});

const reveal = action<typeof revealSchema, { values: Record<string, string> }>("applications/reveal-answers", revealSchema, async (input, { user }) => {
  const values = await revealApplicationAnswers(db(), { actor: user!, sessionId: user!.sessionId, mfaVerifiedAt: user!.mfaVerifiedAt }, { ...input, code: input.code || undefined });
  return { status: "ok", data: { values } };
});
export async function revealAnswersAction(prev: ActionState<{ values: Record<string, string> }>, formData: FormData) {
  return reveal(prev, formData);
}
