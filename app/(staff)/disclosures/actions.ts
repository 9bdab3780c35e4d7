"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action, type ActionState } from "@/lib/action";
import { db } from "@/lib/db";
import { decideDisclosureRequest } from "@/lib/disclosures/decide-request";
import { updateParticipantNotice } from "@/lib/disclosures/participant-notice";
import { recordDisclosureRequest } from "@/lib/disclosures/record-request";
import { confirmCallback, receiveWrittenRequest } from "@/lib/disclosures/requester-checks";
import { callbackSchema, decideSchema, fieldList, noticeSchema, recordRequestSchema, verifySchema, writtenRequestSchema } from "@/lib/disclosures/schema";
import { verifyDisclosureRequest } from "@/lib/disclosures/verify-request";

// Thin adapters (STYLE.md §1): each parses its form with the module's schema and calls one use case.

const record = action("disclosures/record", recordRequestSchema, async (input, { user, formData }) => {
  const file = formData.get("courtOrder");
  const bytes = input.route === "COURT_ORDER" && file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : null;
  const created = await recordDisclosureRequest(db(), user!, input, bytes);
  revalidatePath("/disclosures");
  redirect(`/disclosures/${created.id}`);
});
export async function recordRequestAction(prev: ActionState, formData: FormData) {
  return record(prev, formData);
}

const callback = action("disclosures/confirm-callback", callbackSchema, async ({ requestId }, { user }) => {
  await confirmCallback(db(), user!, requestId);
  revalidatePath(`/disclosures/${requestId}`);
  return { status: "ok", message: "Disclosures.callbackRecorded" };
});
export async function confirmCallbackAction(prev: ActionState, formData: FormData) {
  return callback(prev, formData);
}

const written = action("disclosures/receive-written", writtenRequestSchema, async ({ requestId, signerName }, { user }) => {
  await receiveWrittenRequest(db(), user!, { requestId, signerName });
  revalidatePath(`/disclosures/${requestId}`);
  return { status: "ok", message: "Disclosures.writtenRecorded" };
});
export async function receiveWrittenAction(prev: ActionState, formData: FormData) {
  return written(prev, formData);
}

const verify = action("disclosures/verify", verifySchema, async (input, { user }) => {
  await verifyDisclosureRequest(db(), user!, input);
  revalidatePath(`/disclosures/${input.requestId}`);
  return { status: "ok", message: "Disclosures.verified" };
});
export async function verifyRequestAction(prev: ActionState, formData: FormData) {
  return verify(prev, formData);
}

const decide = action("disclosures/decide", decideSchema, async (input, { user }) => {
  let fields;
  if (input.decision === "RELEASE") {
    const parsed = fieldList.safeParse(input.fields);
    if (!parsed.success) return { status: "invalid", errors: { fields: "Validation.disclosureFields" }, values: { decision: input.decision } };
    fields = parsed.data;
  }
  await decideDisclosureRequest(db(), user!, { ...input, fields });
  revalidatePath(`/disclosures/${input.requestId}`);
  revalidatePath("/disclosures");
  return { status: "ok", message: input.decision === "RELEASE" ? "Disclosures.released" : "Disclosures.refused" };
});
export async function decideRequestAction(prev: ActionState, formData: FormData) {
  return decide(prev, formData);
}

const notice = action("disclosures/participant-notice", noticeSchema, async (input, { user }) => {
  await updateParticipantNotice(db(), user!, input);
  revalidatePath("/disclosures/notices");
  return { status: "ok", message: "Disclosures.noticeUpdated" };
});
export async function participantNoticeAction(prev: ActionState, formData: FormData) {
  return notice(prev, formData);
}
