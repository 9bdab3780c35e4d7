import bcrypt from "bcryptjs";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// SEC-03 / NIST SP 800-63B 5.1.1: a minimum length (default 12), a long maximum, a check against a
// list of common passwords (about 49,000, shipped locally), and no composition rules or forced changes.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
const HASH_COST = 11;

const common = new Set<string>((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export function isCommonPassword(p: string): boolean {
  const lower = p.toLowerCase();
  // Also catch a common password padded to length by repeating it ("password1password1").
  return common.has(lower) || (lower.length % 2 === 0 && lower.slice(0, lower.length / 2) === lower.slice(lower.length / 2) && common.has(lower.slice(0, lower.length / 2)));
}

/** The rules for a new password, shared by the form and the server (messages are plain words). */
export const newPasswordSchema = z
  .object({
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, "Validation.passwordTooShort")
      .max(PASSWORD_MAX_LENGTH, "Validation.passwordTooLong")
      .refine((p) => !isCommonPassword(p), "Validation.passwordCommon"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Validation.passwordsDiffer" });

export function hashPassword(p: string): Promise<string> {
  return bcrypt.hash(p, HASH_COST);
}

// A hash to compare against when the account does not exist, so the time taken does not tell.
const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKcEeO6vE1bHhM1sXZ3Q3vS6l2R7Xn0pQ4mFi";

export async function verifyPassword(p: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(p, DUMMY_HASH).catch(() => false);
    return false;
  }
  return bcrypt.compare(p, hash);
}
