"use server";

import { headers } from "next/headers";
import { action, type ActionState } from "@/lib/action";
import { signUpHealthCareWorker, signUpSchema } from "@/lib/accounts/self-sign-up";
import { db } from "@/lib/db";
import { clientIpFrom } from "@/lib/logging/client-ip";

const signUp = action("auth/sign-up", signUpSchema, async (input) => {
  await signUpHealthCareWorker(db(), input, clientIpFrom(await headers()));
  return { status: "ok" };
});
export async function signUpAction(prev: ActionState, formData: FormData) {
  return signUp(prev, formData);
}
