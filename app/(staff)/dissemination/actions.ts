"use server";

import { AGENCY_KINDS } from "@/lib/agencies/agencies";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { db } from "@/lib/db";
import { acknowledgeAlert } from "@/lib/dissemination/queries";
import { AppError } from "@/lib/errors";
import { verifyParticipant, verifySchema, type VerifyAnswer } from "@/lib/verification/verify-participant";

const ack = action("dissemination/acknowledge-alert", z.object({ alertId: z.string().min(1).max(40) }), async ({ alertId }, { user }) => {
  await acknowledgeAlert(db(), user!, alertId);
  revalidatePath("/dissemination");
  return { status: "ok" };
});
export async function acknowledgeAlertAction(prev: ActionState, formData: FormData) {
  return ack(prev, formData);
}

const phoneSchema = verifySchema.and(
  z.object({
    agencyId: z.string().min(1, "Validation.choose").max(40),
    callerName: z.string().trim().min(2, "Validation.nameRequired").max(120, "Validation.max120"),
  }),
);

// 130.06(3): the phone route. Staff check the card for the caller and read out the same answer an
// agency gets online; the check goes into the dissemination log with the caller and the staff member.
const phoneVerify = action<typeof phoneSchema, VerifyAnswer>("dissemination/phone-verify", phoneSchema, async (input, { user }) => {
  const u = user!;
  const agency = await db().organisation.findFirst({ where: { id: input.agencyId, kind: { in: [...AGENCY_KINDS] } }, select: { id: true, name: true } });
  if (!agency) throw new AppError("AGENCY_UNKNOWN", "Validation.choose", "agencyId");
  const answer = await verifyParticipant(
    db(),
    { kind: "phone", staffId: u.id, staffName: u.displayName, staffRole: u.role as "PROGRAM_STAFF" | "PROGRAM_MANAGER", organisationId: agency.id, organisation: agency.name, recipientName: input.callerName, ip: u.ip },
    { participantNumber: input.participantNumber, lastName: input.lastName, dateOfBirth: input.dateOfBirth },
  );
  revalidatePath("/dissemination");
  return { status: "ok", data: answer };
});
export async function phoneVerifyAction(prev: ActionState<VerifyAnswer>, formData: FormData) {
  return phoneVerify(prev, formData);
}
