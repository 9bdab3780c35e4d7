"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { saveDraftStep, startApplication, submitApplication } from "@/lib/applications/drafts";
import { removeEvidence, uploadEvidence } from "@/lib/applications/evidence";
import { STEP_IDS, type StepId } from "@/lib/applications/form-definition";
import { db } from "@/lib/db";
import { EVIDENCE_KINDS } from "@/lib/applications/evidence-rules";

const id = z.string().min(1).max(40);

// The button sends confirm=start: a stray call with nothing in it does not create a draft.
const start = action("applications/start", z.object({ confirm: z.literal("start") }), async (_input, { user }) => {
  const app = await startApplication(db(), user!);
  redirect(`/applications/${app.id}`);
});
export async function startAction(prev: ActionState, formData: FormData) {
  return start(prev, formData);
}

// The step's answers arrive as further fields; saveDraftStep keeps only the names the step may hold.
const saveSchema = z.looseObject({ applicationId: id, step: z.enum(STEP_IDS), intent: z.enum(["autosave", "next", "back"]) });

const save = action("applications/save-step", saveSchema, async (input, { user }) => {
  const { applicationId, step, intent, ...rest } = input;
  const values = Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === "string"));
  const r = await saveDraftStep(db(), user!, { applicationId, step, intent, values });
  if (Object.keys(r.errors).length) return { status: "invalid", errors: r.errors, values };
  return { status: "ok", data: { nextStep: r.nextStep } };
});
export async function saveStepAction(prev: ActionState<{ nextStep: StepId }>, formData: FormData) {
  return save(prev, formData);
}

const submit = action("applications/submit", z.object({ applicationId: id }), async ({ applicationId }, { user }) => {
  const r = await submitApplication(db(), user!, applicationId);
  if (!r.ok) return { status: "invalid", errors: { ...r.errors, step: r.step }, values: {} };
  revalidatePath("/applications");
  redirect(`/applications/${applicationId}?submitted=1`);
});
export async function submitAction(prev: ActionState, formData: FormData) {
  return submit(prev, formData);
}

const upload = action("applications/upload-evidence", z.object({ applicationId: id, kind: z.enum(EVIDENCE_KINDS, { error: "Validation.evidenceKind" }) }), async ({ applicationId, kind }, { user, formData }) => {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { status: "invalid", errors: { file: "Validation.fileRequired" }, values: { kind } };
  await uploadEvidence(db(), user!, { applicationId, kind, bytes: Buffer.from(await file.arrayBuffer()) });
  revalidatePath(`/applications/${applicationId}`);
  return { status: "ok", message: "Wizard.evidence.uploaded" };
});
export async function uploadEvidenceAction(prev: ActionState, formData: FormData) {
  return upload(prev, formData);
}

const remove = action("applications/remove-evidence", z.object({ applicationId: id, evidenceId: id }), async ({ applicationId, evidenceId }, { user }) => {
  await removeEvidence(db(), user!, applicationId, evidenceId);
  revalidatePath(`/applications/${applicationId}`);
  return { status: "ok" };
});
export async function removeEvidenceAction(prev: ActionState, formData: FormData) {
  return remove(prev, formData);
}
