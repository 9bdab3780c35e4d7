import { expectNoAxeViolations, expect, test } from "./support/fixtures";
import { PAGES } from "./support/routes";

for (const locale of ["en", "es", "pt"] as const) {
  test.describe(`pages in ${locale}`, () => {
    test.use({ locale, extraHTTPHeaders: { "Accept-Language": locale } });
    for (const p of PAGES) {
      test(`${p.path} passes axe with no outside requests`, async ({ page }) => {
        await page.goto(p.path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        if (locale === "en") await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.heading);
        // Every page carries the quick exit, the safety notice and the footer links.
        await expect(page.getByRole("link", { name: locale === "en" ? "Leave this site" : /Salir|Sair/ })).toBeVisible();
        await expect(page.locator(".acp-safety")).toBeVisible();
        await expect(page.locator("footer a[href='/privacy']")).toBeVisible();
        await expect(page.locator("footer a[href='/accessibility']")).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }
  });
}

test("the banner's explanation opens by keyboard and passes axe open", async ({ page }) => {
  await page.goto("/");
  const button = page.getByRole("button", { name: "Here’s how you know" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByText("Official websites use .gov")).toBeVisible();
  await expectNoAxeViolations(page);
});
