import { z } from "zod";
import { ROLES } from "../auth/roles";

// Client-safe: the admin forms and the server actions share these.
export const roleSchema = z.enum(ROLES, "Validation.roleRequired");

export const inviteSchema = z.object({
  email: z.string().trim().min(1, "Validation.emailAddressRequired").max(254).email("Validation.emailFormat"),
  displayName: z.string().trim().min(2, "Validation.nameRequired").max(120, "Validation.max120"),
  role: roleSchema,
  organisationId: z.string().max(40).optional().default(""),
});

export const updateUserSchema = z
  .object({
    userId: z.string().min(1),
    op: z.enum(["deactivate", "reactivate", "change-role", "reset-mfa", "send-reset"]),
    role: roleSchema.optional(),
  })
  .refine((v) => v.op !== "change-role" || !!v.role, { path: ["role"], message: "Validation.newRoleRequired" });
