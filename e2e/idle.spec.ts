import { expect, test } from "./support/fixtures";
import { signIn } from "./support/auth";

// A second server with a 16-second idle timeout (playwright.config.ts), so the real timeout runs
// in seconds instead of 15 minutes. Its database is its own.
test.use({ baseURL: process.env.E2E_IDLE_BASE_URL ?? "http://127.0.0.1:3919" });

test("staff see a warning before the idle timeout, can stay signed in, and are then signed out", async ({ page }) => {
  await signIn(page, "counsel@example.org");
  const warning = page.getByRole("alertdialog");
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(warning).toContainText("you will be signed out soon");
  await page.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning).toBeHidden();
  await expect(page).toHaveURL(/\/sign-in\?notice=idle$/, { timeout: 30_000 });
  await expect(page.getByText("You were signed out because you were inactive")).toBeVisible();
});

test("the server ends an idle session even when no page is open to notice", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.goto("about:blank"); // the tab has left: nothing in the browser counts down
  await page.waitForTimeout(17_000);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in$/);
});
