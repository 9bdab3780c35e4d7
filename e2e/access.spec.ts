import { randomBytes } from "node:crypto";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";
import { signIn, totp } from "./support/auth";
import { waitForMail } from "./support/mail";

test.describe.configure({ mode: "serial" });

test("a Program Manager signs in with the second factor, reveals an address with a purpose, and the reveal is in the audit trail", async ({ page }) => {
  await signIn(page, "manager@example.org");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Participants" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Participant number or last name").fill("Example");
  await page.locator("main").getByRole("button", { name: "Search" }).click();
  const first = page.locator("main table a").first();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Participant record");
  await expect(page).toHaveTitle(/^Participant record \|/); // no name or number in the title
  await expect(page.locator(".acp-masked").first()).toContainText("Hidden");
  await expectNoAxeViolations(page);

  const reveal = page.locator("details.acp-reveal").first();
  await reveal.locator("summary").click();
  await reveal.getByRole("button", { name: "Reveal" }).click();
  await expect(reveal.getByText("Choose why you need it.")).toBeVisible(); // the error beside its field
  await reveal.getByLabel("Why do you need it?").selectOption("MAIL_FORWARDING");
  await reveal.getByLabel("Details").fill("forwarding a certified letter");
  await reveal.getByRole("button", { name: "Reveal" }).click();
  await expect(page.locator(".acp-revealed__value").first()).toContainText(/, MA \d{5}/);
  // The first match is the participant scripts/e2e.ts planted the canary in: the leak scan's control.
  if (process.env.E2E_CANARY) await expect(page.locator(".acp-revealed__value").first()).toContainText(process.env.E2E_CANARY);
  expect(page.url()).not.toMatch(/Lane|Street|Road|Avenue|Court/);

  await page.goto("/audit?action=protected.revealed");
  await expect(page.locator("main table tbody tr").first()).toContainText("protected.revealed");
  await expect(page.locator("main table tbody tr").first()).toContainText("MAIL_FORWARDING: forwarding a certified letter");
  await expectNoAxeViolations(page);
});

test("an unknown address and a wrong password get the same answer", async ({ page }) => {
  await page.goto("/sign-in");
  const answer = async (email: string) => {
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill("definitely not it");
    await page.locator("main").getByRole("button", { name: "Sign in" }).click();
    const alert = page.locator("main [role=alert]");
    await expect(alert).toBeVisible();
    const text = await alert.textContent();
    await page.reload();
    return text;
  };
  expect(await answer(`nobody-${randomBytes(3).toString("hex")}@example.org`)).toBe(await answer("staff@example.org"));
  await expectNoAxeViolations(page);
});

test.describe("an account from invitation to lockout and deactivation", () => {
  const email = `clerk-${randomBytes(4).toString("hex")}@example.org`;
  const password = "a long and memorable passphrase";
  let secret = "";

  test("the administrator invites an agency user; the e-mail is content-free and the link sets a password", async ({ page, browser }) => {
    await signIn(page, "admin@example.org");
    await page.getByRole("link", { name: "Accounts" }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Full name").fill("Test Clerk (e2e)");
    await page.getByLabel("Role").selectOption("AGENCY_USER");
    await page.locator("main").getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Choose the organisation this person works for.")).toBeVisible();
    await expect(page.getByLabel("E-mail address")).toHaveValue(email); // nothing typed is lost
    await page.getByLabel("Organisation").selectOption({ label: "Registry of Demo Vehicles (fictional)" });
    await page.locator("main").getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Invitation sent.")).toBeVisible();

    const mail = await waitForMail(email);
    expect(mail.subject).toBe("Your account is ready to set up");
    for (const word of ["Address Confidentiality", "ACP", "Test Clerk", "Registry", "participant", "Secretary"]) expect(mail.body).not.toContain(word);
    const link = mail.body.match(/https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/)![0];

    const freshContext = await browser.newContext();
    const fresh = await freshContext.newPage();
    await fresh.goto(new URL(link).pathname + new URL(link).search);
    await fresh.getByLabel("New password").fill("password1234");
    await fresh.getByLabel("Type the password again").fill("password1234");
    await fresh.getByRole("button", { name: "Save my password" }).click();
    await expect(fresh.getByText("This password is too common. Choose another.")).toBeVisible();
    await expectNoAxeViolations(fresh);
    await fresh.getByLabel("New password").fill(password);
    await fresh.getByLabel("Type the password again").fill(password);
    await fresh.getByRole("button", { name: "Save my password" }).click();
    await expect(fresh).toHaveURL(/\/sign-in\?notice=password-set$/);
    await freshContext.close();
  });

  test("the new user must set up the second factor before anything else", async ({ page }) => {
    await signIn(page, email, { password, secret: null });
    await expect(page).toHaveURL(/\/account\/mfa$/);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/account\/mfa$/); // every other page sends them back
    await page.getByRole("button", { name: "Set up my authenticator app" }).click();
    secret = (await page.locator(".acp-secret").textContent())!.replace(/\s/g, "");
    await expectNoAxeViolations(page);
    await page.getByLabel("6-digit code").fill(totp(secret));
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText("Save your recovery codes")).toBeVisible();
    await expect(page.locator(".acp-recovery-codes li")).toHaveCount(10);
  });

  test("five wrong passwords lock the account; then even the right one is refused", async ({ page }) => {
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("E-mail address").fill(email);
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await page.locator("main").getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("main [role=alert]")).toBeVisible();
    }
    await page.getByLabel("Password").fill(password);
    await page.locator("main").getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("main [role=alert]")).toContainText("Too many attempts");
  });
});

test("a deactivated user's next request is refused", async ({ page, browser }) => {
  // Someone signed in (an account no other test relies on) …
  await signIn(page, "committee5@example.org");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  // … is deactivated by the administrator in another browser …
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@example.org");
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "Committee Member 5 (demo)" }).click();
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: "Deactivate account" }).click();
  await expect(admin.getByText("The account is deactivated.")).toBeVisible();
  // … and their very next request goes to the sign-in page.
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in$/);
  // Put the demo account back for the other tests.
  await admin.getByRole("button", { name: "Reactivate account" }).click();
  await expect(admin.getByText("The account is active again.")).toBeVisible();
  await adminContext.close();
});

test("the access review lists every account and downloads a watermarked CSV", async ({ page }) => {
  await signIn(page, "admin@example.org");
  await page.goto("/admin/access-review");
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the list (CSV)" }).click()]);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  expect(text).toMatch(/^# CONFIDENTIAL - exported by Alex Admin \(demo\) \(SYSTEM_ADMIN\) at /);
  expect(text).toContain("manager@example.org,PROGRAM_MANAGER");
});
