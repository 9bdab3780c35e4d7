import { z } from "zod";
import { ROLES } from "../auth/roles";

// Client-safe: the admin forms and the server actions share these.
export const roleSchema = z.enum(ROLES, "Choose a role.");

export const inviteSchema = z.object({
  email: z.string().trim().min(1, "Enter an e-mail address.").max(254).email("Enter an e-mail address like name@example.org."),
  displayName: z.string().trim().min(2, "Enter the person’s name.").max(120, "Use 120 characters or fewer."),
  role: roleSchema,
  organisationId: z.string().max(40).optional().default(""),
});

export const updateUserSchema = z
  .object({
    userId: z.string().min(1),
    op: z.enum(["deactivate", "reactivate", "change-role", "reset-mfa", "send-reset"]),
    role: roleSchema.optional(),
  })
  .refine((v) => v.op !== "change-role" || !!v.role, { path: ["role"], message: "Choose the new role." });
