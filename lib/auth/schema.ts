import { z } from "zod";

// Client-safe: the sign-in form and the server use these same rules.
export const signInSchema = z.object({
  email: z.string().trim().min(1, "Validation.emailRequired").max(254).email("Validation.emailFormat"),
  password: z.string().min(1, "Validation.passwordRequired").max(1024),
  code: z.string().trim().max(32).optional(),
});
