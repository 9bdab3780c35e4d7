"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { assignApplication } from "@/lib/applications/queue";
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
