"use server";

import { revalidatePath } from "next/cache";
import { action, type ActionState } from "@/lib/action";
import { changeAssistantStatus, designateAssistant } from "@/lib/assistants/registry";
import { changeStatusSchema, designateSchema } from "@/lib/assistants/schema";
import { calendarDate } from "@/lib/dates/calendar";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const designate = action("assistants/designate", designateSchema, async (input, { user }) => {
  await designateAssistant(db(), user!, { organisationId: input.organisationId, displayName: input.displayName, email: input.email || undefined });
  revalidatePath("/assistants");
  return { status: "ok" };
});
export async function designateAction(prev: ActionState, formData: FormData) {
  return designate(prev, formData);
}

const change = action("assistants/change-status", changeStatusSchema, async (input, { user }) => {
  let trainedOn;
  try {
    trainedOn = input.trainedOn ? calendarDate(input.trainedOn) : undefined;
  } catch {
    throw new AppError("DATE_INVALID", "Validation.dateFormat", "trainedOn");
  }
  await changeAssistantStatus(db(), user!, { assistantId: input.assistantId, to: input.to, reason: input.reason || undefined, trainedOn });
  revalidatePath(`/assistants/${input.assistantId}`);
  return { status: "ok" };
});
export async function changeStatusAction(prev: ActionState, formData: FormData) {
  return change(prev, formData);
}
