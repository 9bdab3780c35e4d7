"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { agencySchema, createAgency, createApiKey, revokeApiKey, updateAgency } from "@/lib/agencies/agencies";
import { db } from "@/lib/db";

const create = action("agencies/create", agencySchema, async (input, { user }) => {
  await createAgency(db(), user!, input);
  revalidatePath("/agencies");
  return { status: "ok" };
});
export async function createAgencyAction(prev: ActionState, formData: FormData) {
  return create(prev, formData);
}

const update = action("agencies/update", agencySchema.and(z.object({ agencyId: z.string().min(1).max(40) })), async (input, { user }) => {
  const { agencyId, ...rest } = input;
  await updateAgency(db(), user!, agencyId, rest);
  revalidatePath(`/agencies/${agencyId}`);
  return { status: "ok" };
});
export async function updateAgencyAction(prev: ActionState, formData: FormData) {
  return update(prev, formData);
}

const keySchema = z.object({ agencyId: z.string().min(1).max(40), label: z.string().trim().min(2, "Validation.min2").max(120, "Validation.max120") });
const createKey = action<typeof keySchema, { key: string }>("agencies/create-key", keySchema, async ({ agencyId, label }, { user }) => {
  const { key } = await createApiKey(db(), user!, agencyId, label);
  revalidatePath(`/agencies/${agencyId}`);
  // Shown once, in this answer only; the server keeps its hash.
  return { status: "ok", data: { key } };
});
export async function createKeyAction(prev: ActionState<{ key: string }>, formData: FormData) {
  return createKey(prev, formData);
}

const revoke = action("agencies/revoke-key", z.object({ agencyId: z.string().min(1).max(40), keyId: z.string().min(1).max(40) }), async ({ agencyId, keyId }, { user }) => {
  await revokeApiKey(db(), user!, agencyId, keyId);
  revalidatePath(`/agencies/${agencyId}`);
  return { status: "ok" };
});
export async function revokeKeyAction(prev: ActionState, formData: FormData) {
  return revoke(prev, formData);
}
