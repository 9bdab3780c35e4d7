import { z } from "zod";

// Client-safe: the registry forms and their server actions share these.
export const designateSchema = z.object({
  displayName: z.string().trim().min(2, "Validation.nameRequired").max(120, "Validation.max120"),
  email: z.union([z.literal(""), z.string().trim().max(254).email("Validation.emailFormat")]).optional(),
  organisationId: z.string().min(1, "Validation.employerRequired").max(40),
});

export const changeStatusSchema = z.object({
  assistantId: z.string().min(1).max(40),
  to: z.enum(["TRAINED", "ACCEPTED", "REGISTERED", "SUSPENDED", "REVOKED", "EXPIRED"]),
  reason: z.string().trim().max(500, "Validation.max500").optional(),
  trainedOn: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Validation.dateFormat")]).optional(),
});
