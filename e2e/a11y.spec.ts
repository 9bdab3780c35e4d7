import { expectNoAxeViolations, expect, test } from "./support/fixtures";
import { PAGES, SIGNED_IN_PAGES } from "./support/routes";
import { signIn } from "./support/auth";
import { fileExemption, switchTo } from "./support/exemptions";
import { recordCommissionerRequest } from "./support/disclosures";

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

// Pages behind sign-in, each opened by an account allowed to see it.
for (const p of SIGNED_IN_PAGES) {
  test(`${p.pattern} passes axe for ${p.as}`, async ({ page }) => {
    await signIn(page, p.as);
    if (p.path) await page.goto(p.path);
    else if (p.via === "first-assistant") {
      await page.goto("/assistants");
      await page.locator("main table a").first().click();
    } else if (p.via === "new-application") {
      await page.goto("/applications");
      await page.getByRole("button", { name: "Start a new application" }).click();
      await expect(page.locator("legend.usa-legend--large")).toHaveText("Applicant");
    } else if (p.via === "new-exemption") {
      await fileExemption(page);
    } else if (p.via === "filed-exemption") {
      await switchTo(page, "agency@example.org");
      const id = await fileExemption(page);
      await switchTo(page, p.as);
      await page.goto(`/exemptions/review/${id}`);
    } else if (p.via === "new-disclosure") {
      await recordCommissionerRequest(page);
    } else if (p.via === "first-agency") {
      await page.goto("/agencies");
      await page.locator("main table a").first().click();
    } else if (p.via === "first-application") {
      await page.goto("/review");
      await page.locator("main table a").first().click();
    } else if (p.via === "first-user") {
      await page.goto("/admin/users");
      await page.locator("main table a").first().click();
    } else {
      await page.goto("/participants");
      await page.getByLabel("Participant number or last name").fill("Sample");
      await page.locator("main").getByRole("button", { name: "Search" }).click();
      await page.locator("main table a").first().click();
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.heading);
    await expectNoAxeViolations(page);
  });
}
