"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, IDLE, type ActionState } from "@/lib/action";
import { acknowledgeTraining, confirmMfaEnrolment, signOutEverywhere, signOutSession, startMfaEnrolment } from "@/lib/accounts/account-actions";
import { db } from "@/lib/db";

async function clearSessionCookie() {
  const jar = await cookies();
  for (const n of ["acp.session", "__Secure-acp.session"]) jar.delete(n);
}

const signOutAction = action("account/sign-out", z.object({}), async (_i, { user }) => {
  await signOutSession(db(), user!, user!.sessionId);
  await clearSessionCookie();
  redirect("/sign-in?notice=signed-out");
});
export async function signOut(formData: FormData): Promise<void> {
  await signOutAction(IDLE, formData);
}

const everywhereAction = action("account/sign-out-everywhere", z.object({}), async (_i, { user }) => {
  await signOutEverywhere(db(), user!);
  await clearSessionCookie();
  redirect("/sign-in?notice=signed-out");
});
export async function signOutEverywhereAction(formData: FormData): Promise<void> {
  await everywhereAction(IDLE, formData);
}

const trainingAction = action("account/acknowledge-training", z.object({ confirm: z.literal("yes", "Validation.tickToConfirm") }), async (_i, { user }) => {
  await acknowledgeTraining(db(), user!);
  return { status: "ok" };
});
export async function acknowledgeTrainingAction(prev: ActionState, formData: FormData) {
  return trainingAction(prev, formData);
}

const startMfaAction = action("account/start-mfa", z.object({}), async (_i, { user }) => {
  await startMfaEnrolment(db(), user!);
  redirect("/account/mfa");
});
export async function startMfa(formData: FormData): Promise<void> {
  await startMfaAction(IDLE, formData);
}

const confirmSchema = z.object({ code: z.string().trim().regex(/^\d{3}\s?\d{3}$/, "Validation.totpFormat") });
const confirmMfaAction = action<typeof confirmSchema, { recoveryCodes: string[] }>("account/confirm-mfa", confirmSchema, async ({ code }, { user }) => {
  const recoveryCodes = await confirmMfaEnrolment(db(), user!, user!.sessionId, code);
  return { status: "ok", data: { recoveryCodes } };
});
export async function confirmMfa(prev: ActionState<{ recoveryCodes: string[] }>, formData: FormData) {
  return confirmMfaAction(prev, formData);
}

// "Stay signed in": any checked request renews the session's idle clock (lib/auth/sessions.ts).
const keepAliveAction = action("account/keep-alive", z.object({}), async () => ({ status: "ok" }));
export async function keepAlive(prev: ActionState, formData: FormData) {
  return keepAliveAction(prev, formData);
}
