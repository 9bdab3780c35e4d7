"use server";

import { action, type ActionState } from "@/lib/action";
import { db } from "@/lib/db";
import { issueReleaseLink } from "@/lib/disclosures/open-release";
import { openReleaseSchema } from "@/lib/disclosures/schema";

// The recipient asks for the one-time link to a release; the page then opens it once.
const open = action<typeof openReleaseSchema, { path: string }>("releases/open", openReleaseSchema, async ({ releaseId }, { user }) => {
  const token = await issueReleaseLink(db(), user!, releaseId);
  return { status: "ok", data: { path: `/releases/${token}` } };
});
export async function openReleaseAction(prev: ActionState<{ path: string }>, formData: FormData) {
  return open(prev, formData);
}
