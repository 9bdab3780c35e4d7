"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action, type ActionState } from "@/lib/action";
import { db } from "@/lib/db";
import { answerInformation } from "@/lib/exemptions/answer-information";
import { appealExemption } from "@/lib/exemptions/appeal-exemption";
import { fileExemptionRequest } from "@/lib/exemptions/file-exemption-request";
import { reportParticipants } from "@/lib/exemptions/report-participants";
import { fileRequestSchema, noteSchema, reasonsSchema, reportParticipantsSchema } from "@/lib/exemptions/schema";

// Agency users (exemption:file). Each action adapts the form to one use case in lib/exemptions; the
// row scope there keeps every agency to its own requests.

/** The files chosen in the form's file input (none is fine). */
async function chosenFiles(formData: FormData): Promise<Buffer[]> {
  const files = formData.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  return Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer())));
}

const file = action("exemptions/file", fileRequestSchema, async (input, { user, formData }) => {
  const r = await fileExemptionRequest(db(), user!, input, await chosenFiles(formData));
  revalidatePath("/exemptions");
  redirect(`/exemptions/${r.id}?filed=1`);
});
export async function fileRequestAction(prev: ActionState, formData: FormData) {
  return file(prev, formData);
}

const answer = action("exemptions/answer", noteSchema, async ({ requestId, note }, { user, formData }) => {
  await answerInformation(db(), user!, requestId, note, await chosenFiles(formData));
  revalidatePath(`/exemptions/${requestId}`);
  // The answer form is gone once the request is back in review: the page says it was sent.
  redirect(`/exemptions/${requestId}?done=answered`);
});
export async function answerAction(prev: ActionState, formData: FormData) {
  return answer(prev, formData);
}

const appeal = action("exemptions/appeal", reasonsSchema, async ({ requestId, reasons }, { user }) => {
  await appealExemption(db(), user!, requestId, reasons);
  revalidatePath(`/exemptions/${requestId}`);
  redirect(`/exemptions/${requestId}?done=appealed`);
});
export async function appealAction(prev: ActionState, formData: FormData) {
  return appeal(prev, formData);
}

// U-16: the answer is the same whatever matched: never a hint of whether a number is a participant's.
const report = action("exemptions/report-participants", reportParticipantsSchema, async ({ requestId, numbers }, { user }) => {
  await reportParticipants(db(), user!, requestId, numbers);
  return { status: "ok", message: "Exemptions.reported" };
});
export async function reportParticipantsAction(prev: ActionState, formData: FormData) {
  return report(prev, formData);
}
