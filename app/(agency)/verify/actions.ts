"use server";

import { action, type ActionState } from "@/lib/action";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { verifyParticipant, verifySchema, type VerifyAnswer } from "@/lib/verification/verify-participant";

const verify = action<typeof verifySchema, VerifyAnswer>("participants/verify", verifySchema, async (input, { user }) => {
  if (!env().ACP_SELF_SERVICE_VERIFY) throw new AppError("OFF", "AppErrors.verifyOff");
  const u = user!;
  const org = u.organisationId ? await db().organisation.findUnique({ where: { id: u.organisationId }, select: { name: true } }) : null;
  const answer = await verifyParticipant(db(), { kind: "user", userId: u.id, organisationId: u.organisationId, organisation: org?.name ?? null, recipientName: u.displayName, role: "AGENCY_USER", ip: u.ip }, input);
  return { status: "ok", data: answer };
});
export async function verifyAction(prev: ActionState<VerifyAnswer>, formData: FormData) {
  return verify(prev, formData);
}
