import { randomBytes } from "node:crypto";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";
import { signIn } from "./support/auth";
import { waitForMail } from "./support/mail";

test.describe.configure({ mode: "serial" });

const name = `Kim Advocate ${randomBytes(2).toString("hex")} (e2e)`;
const email = `kim-${randomBytes(3).toString("hex")}@example.org`;

test("program staff record a designation, the training and the acceptance; registering is left to the PM", async ({ page }) => {
  await signIn(page, "staff@example.org");
  await page.getByRole("link", { name: "Application Assistants" }).click();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Work e-mail address").fill(email);
  await page.locator("main").getByRole("button", { name: "Record designation" }).click();
  await expect(page.getByText("Choose the employer.")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue(name); // kept after the error
  await page.getByLabel("Employer").selectOption({ label: "Riverside Family Services (fictional)" });
  await page.locator("main").getByRole("button", { name: "Record designation" }).click();
  await expect(page.getByText("Designation recorded.")).toBeVisible();
  await page.getByRole("link", { name }).click();
  await expect(page.locator(".acp-facts")).toContainText("Designated");

  await page.getByRole("button", { name: "Record training" }).click();
  await expect(page.getByText("Enter the date the training was completed.")).toBeVisible();
  await page.getByLabel("Training completed on").fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Record training" }).click();
  await expect(page.locator(".acp-facts")).toContainText("Trained");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.locator(".acp-facts")).toContainText("Accepted");
  await expect(page.getByText("Registering, suspending and revoking are for the Program Manager.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Register" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the Program Manager registers the assistant: a number, a two-year term and an account invitation", async ({ page }) => {
  await signIn(page, "manager@example.org");
  await page.goto("/assistants");
  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.locator(".acp-facts")).toContainText("Registered");
  await expect(page.locator(".acp-facts")).toContainText(/AA-[A-Z2-9]{6}/);
  const mail = await waitForMail(email);
  expect(mail.subject).toBe("Your account is ready to set up");
  expect(mail.body).not.toContain("Kim");

  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Write the reason. It is kept with the decision.")).toBeVisible();
  await page.getByLabel("Reason").last().fill("Left the employer");
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.locator(".acp-facts")).toContainText("Revoked");
  await expect(page.getByText("Left the employer")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("staff filter the review queue and assign an application to themselves", async ({ page }) => {
  await signIn(page, "counsel@example.org");
  await page.getByRole("link", { name: "Review queue" }).click();
  await page.getByLabel("Status").selectOption("UNDER_REVIEW");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=UNDER_REVIEW/);
  const row = page.locator("main table tbody tr").first();
  await expect(row).toContainText("Under review");
  await row.getByRole("button", { name: /^Assign to me/ }).click();
  await expect(page.locator("main table tbody tr").first()).toContainText("You");
  await expectNoAxeViolations(page);
});
