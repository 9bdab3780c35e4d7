"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { db } from "@/lib/db";
import { acknowledgeAlert } from "@/lib/dissemination/queries";

const ack = action("dissemination/acknowledge-alert", z.object({ alertId: z.string().min(1).max(40) }), async ({ alertId }, { user }) => {
  await acknowledgeAlert(db(), user!, alertId);
  revalidatePath("/dissemination");
  return { status: "ok" };
});
export async function acknowledgeAlertAction(prev: ActionState, formData: FormData) {
  return ack(prev, formData);
}
