"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { setPasswordWithToken } from "@/lib/accounts/manage-users";
import { newPasswordSchema } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { clientIpFrom } from "@/lib/logging/client-ip";

const schema = newPasswordSchema.and(z.object({ token: z.string().min(20).max(100) }));

const setPasswordAction = action("auth/set-password", schema, async ({ token, password }) => {
  await setPasswordWithToken(db(), token, password, clientIpFrom(await headers()));
  redirect("/sign-in?notice=password-set");
});

export async function setPassword(prev: ActionState, formData: FormData) {
  return setPasswordAction(prev, formData);
}
