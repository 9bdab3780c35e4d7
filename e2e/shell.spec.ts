import { expect, QUICK_EXIT_URL, test } from "./support/fixtures";

test.describe("quick exit", () => {
  test.use({ allowedExternal: [new URL(QUICK_EXIT_URL).origin] });
  test.beforeEach(async ({ page }) => {
    // The neutral site, served locally: tests never reach the internet.
    await page.route(`${QUICK_EXIT_URL}**`, (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><html lang=en><title>Weather</title><h1>Forecast</h1></html>" }),
    );
  });

  test("comes right after the skip link in tab order", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveText("Skip to main content");
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveText("Leave this site");
  });

  test("leaves by click and replaces this page in the history", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Privacy notice" }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await page.getByRole("link", { name: "Leave this site" }).click();
    await expect(page).toHaveURL(QUICK_EXIT_URL);
    await expect(page.getByRole("heading", { name: "Forecast" })).toBeVisible();
    // Back goes to the page before the one we left: the privacy page is gone from the history.
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
  });

  test("leaves when Shift is pressed three times", async ({ page }) => {
    await page.goto("/accessibility", { waitUntil: "networkidle" }); // the listener arrives with hydration
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await expect(page).toHaveURL(/\/accessibility$/); // two presses are not enough
    await page.keyboard.press("Shift");
    await expect(page).toHaveURL(QUICK_EXIT_URL);
  });

  test("does not fire when other keys come between the presses", async ({ page }) => {
    await page.goto("/", { waitUntil: "networkidle" });
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift+A");
    await page.keyboard.press("Shift");
    await page.keyboard.press("a");
    await page.keyboard.press("Shift");
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/\/$/);
  });

  test("is visible without scrolling on a 320 px wide screen", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 568 });
    await page.goto("/privacy");
    await expect(page.getByRole("link", { name: "Leave this site" })).toBeInViewport();
    // and stays in view further down the page
    await page.getByRole("link", { name: "Accessibility statement" }).scrollIntoViewIfNeeded();
    await expect(page.getByRole("link", { name: "Leave this site" })).toBeInViewport();
  });
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("the language switcher changes the page language and <html lang>, and keeps it", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Privacy notice");
  await expect(page.getByText(/borrador/i).first()).toBeVisible(); // the draft-translation notice
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByRole("button", { name: "Português" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "pt");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Address Confidentiality Program");
  // The choice is a session cookie only (privacy notice): no expiry.
  const cookie = (await page.context().cookies()).find((c) => c.name === "acp_locale");
  expect(cookie?.expires).toBe(-1);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Strict");
});

test.describe("not found", () => {
  test.use({ expectedConsole: [/status of 404/] });
  test("an unknown page says so plainly, with the shell around it", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByRole("link", { name: "Leave this site" })).toBeVisible();
  });
});
