"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionState } from "@/lib/action";
import { inviteUser, setRevealDesignation, updateUser } from "@/lib/accounts/manage-users";
import { inviteSchema, updateUserSchema } from "@/lib/accounts/schema";
import { db } from "@/lib/db";

const invite = action("admin/invite-user", inviteSchema, async (input, { user }) => {
  await inviteUser(db(), user!, { ...input, organisationId: input.organisationId || null });
  revalidatePath("/admin/users");
  return { status: "ok", message: "invited" };
});
export async function inviteUserAction(prev: ActionState, formData: FormData) {
  return invite(prev, formData);
}

const update = action("admin/update-user", updateUserSchema, async (input, { user }) => {
  const change = input.op === "change-role" ? { op: input.op, role: input.role! } : { op: input.op };
  await updateUser(db(), user!, input.userId, change as Parameters<typeof updateUser>[3]);
  revalidatePath(`/admin/users/${input.userId}`);
  return { status: "ok", message: input.op };
});
export async function updateUserAction(prev: ActionState, formData: FormData) {
  return update(prev, formData);
}

const designate = action("admin/designate-reveal", z.object({ userId: z.string().min(1), designated: z.enum(["yes", "no"]) }), async (input, { user }) => {
  await setRevealDesignation(db(), user!, input.userId, input.designated === "yes");
  revalidatePath("/admin/access-review");
  return { status: "ok" };
});
export async function designateRevealAction(prev: ActionState, formData: FormData) {
  return designate(prev, formData);
}

// SEC-05: only the Program Manager gives or removes the roles that can always reveal.
const grantSchema = z.object({ userId: z.string().min(1).max(40), role: z.enum(["PROGRAM_STAFF", "GENERAL_COUNSEL", "PROGRAM_MANAGER"], "Validation.roleRequired") });
const grant = action("admin/grant-staff-role", grantSchema, async (input, { user }) => {
  const target = await db().user.findUnique({ where: { id: input.userId }, select: { role: true } });
  if (!target || !["PROGRAM_STAFF", "GENERAL_COUNSEL", "PROGRAM_MANAGER"].includes(target.role)) {
    return { status: "error", message: "Only program staff, General Counsel and Program Manager roles can be changed here." };
  }
  await updateUser(db(), user!, input.userId, { op: "change-role", role: input.role });
  revalidatePath("/admin/access-review");
  return { status: "ok" };
});
export async function grantStaffRoleAction(prev: ActionState, formData: FormData) {
  return grant(prev, formData);
}
