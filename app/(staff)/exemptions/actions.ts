"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action, type ActionState } from "@/lib/action";
import { db } from "@/lib/db";
import { decideAppeal } from "@/lib/exemptions/decide-appeal";
import { decideExemption } from "@/lib/exemptions/decide-exemption";
import { markNoticeSent } from "@/lib/exemptions/mark-notice-sent";
import { requestInformation } from "@/lib/exemptions/request-information";
import { revokeExemption } from "@/lib/exemptions/revoke-exemption";
import { decideAppealSchema, decideSchema, markNoticeSentSchema, noteSchema, reasonsSchema, startReviewSchema } from "@/lib/exemptions/schema";
import { startReview } from "@/lib/exemptions/start-review";
import { STAFF_DONE } from "@/lib/exemptions/status";

// The Secretary's staff (exemption:review). Which role may take which step is the transition table's
// call (lib/exemptions/status.ts): only the PM decides or revokes, only the configured reviewer
// decides a reconsideration.

/**
 * After a step the form that took it is gone (the next steps differ), so the page says what was
 * done: the redirect carries a code, never personal data.
 */
const done = (requestId: string, what: (typeof STAFF_DONE)[number]): never => {
  revalidatePath(`/exemptions/review/${requestId}`);
  revalidatePath("/exemptions/review");
  redirect(`/exemptions/review/${requestId}?done=${what}`);
};

const start = action("exemptions/start-review", startReviewSchema, async ({ requestId }, { user }) => {
  await startReview(db(), user!, requestId);
  return done(requestId, "stepDone");
});
export async function startReviewAction(prev: ActionState, formData: FormData) {
  return start(prev, formData);
}

const ask = action("exemptions/request-information", noteSchema, async ({ requestId, note }, { user }) => {
  await requestInformation(db(), user!, requestId, note);
  return done(requestId, "asked");
});
export async function requestInformationAction(prev: ActionState, formData: FormData) {
  return ask(prev, formData);
}

const decide = action("exemptions/decide", decideSchema, async (input, { user }) => {
  await decideExemption(db(), user!, input);
  return done(input.requestId, "decided");
});
export async function decideAction(prev: ActionState, formData: FormData) {
  return decide(prev, formData);
}

const revoke = action("exemptions/revoke", reasonsSchema, async ({ requestId, reasons }, { user }) => {
  await revokeExemption(db(), user!, requestId, reasons);
  return done(requestId, "revoked");
});
export async function revokeAction(prev: ActionState, formData: FormData) {
  return revoke(prev, formData);
}

const decideOnAppeal = action("exemptions/decide-appeal", decideAppealSchema, async (input, { user }) => {
  await decideAppeal(db(), user!, input);
  return done(input.requestId, "decided");
});
export async function decideAppealAction(prev: ActionState, formData: FormData) {
  return decideOnAppeal(prev, formData);
}

const markSent = action("exemptions/mark-notice-sent", markNoticeSentSchema, async ({ noticeId }, { user }) => {
  await markNoticeSent(db(), user!, noticeId);
  revalidatePath("/exemptions/notices");
  return { status: "ok", message: "Exemptions.noticeMarked" };
});
export async function markNoticeSentAction(prev: ActionState, formData: FormData) {
  return markSent(prev, formData);
}
