import { Secret, TOTP } from "otpauth";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/factories";
import { DEMO_TOTP_SECRET } from "../../prisma/seed";

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };

export function totp(secret = DEMO_TOTP_SECRET, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });
}

/** Sign in through the real form, as a person would, with the second step when asked. */
export async function signIn(page: Page, email: string, opts: { password?: string; secret?: string | null } = {}) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(opts.password ?? DEMO_PASSWORD);
  await page.locator("main").getByRole("button", { name: "Sign in" }).click();
  if (opts.secret !== null) {
    const code = page.getByLabel("Code from your authenticator app");
    await code.waitFor();
    await code.fill(totp(opts.secret ?? DEMO_TOTP_SECRET));
    await page.locator("main").getByRole("button", { name: "Continue" }).click();
  }
  await expect(page).toHaveURL(/\/account(\/mfa)?$/);
}
