"use server";

import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { PROTECTED_FIELDS, REVEAL_PURPOSES } from "@/lib/audit/events";
import { db } from "@/lib/db";
import { revealProtectedField } from "@/lib/participants/reveal-protected-field";
import { searchParticipants } from "@/lib/participants/queries";

// Searches go by POST, never in the URL: a name in a query string ends up in history and logs.
const searchSchema = z.object({ q: z.string().trim().min(2, "Validation.min2").max(80), page: z.coerce.number().int().min(1).max(100_000).default(1) });
export type SearchResult = Awaited<ReturnType<typeof searchParticipants>> & { q: string };

const search = action<typeof searchSchema, SearchResult>("participants/search", searchSchema, async ({ q, page }, { user }) => {
  return { status: "ok", data: { ...(await searchParticipants(db(), user!, q, page)), q } };
});
export async function searchAction(prev: ActionState<SearchResult>, formData: FormData) {
  return search(prev, formData);
}

const revealSchema = z.object({
  participantId: z.string().min(1).max(40),
  field: z.enum(PROTECTED_FIELDS),
  purpose: z.enum(REVEAL_PURPOSES, "Validation.purposeRequired"),
  reason: z.string().trim().min(5, "Validation.reasonMin5").max(300, "Validation.max300"),
  code: z.string().trim().max(12).optional(),
});

const reveal = action<typeof revealSchema, { values: string[] }>("participants/reveal", revealSchema, async (input, { user }) => {
  const values = await revealProtectedField(db(), { actor: user!, sessionId: user!.sessionId, mfaVerifiedAt: user!.mfaVerifiedAt }, { ...input, code: input.code || undefined });
  return { status: "ok", data: { values } };
});
export async function revealAction(prev: ActionState<{ values: string[] }>, formData: FormData) {
  return reveal(prev, formData);
}
