import { z } from "zod";

// Client-safe: the sign-in form and the server use these same rules.
export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your e-mail address.").max(254).email("Enter an e-mail address like name@example.org."),
  password: z.string().min(1, "Enter your password.").max(1024),
  code: z.string().trim().max(32).optional(),
});
