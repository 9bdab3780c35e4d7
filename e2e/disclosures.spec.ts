import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";
import { signIn } from "./support/auth";
import { demoParticipantNumber, recordCommissionerRequest, startRequest, submitRequest, tick } from "./support/disclosures";

test.describe.configure({ mode: "serial" });

// §5 disclosure requests end to end (issue 6, item 6): staff record an emergency law-enforcement
// request, which goes to the top of the queue; staff call back and verify; the Program Manager
// releases it to the agency user, who opens the one-time view once; a court-order request refused
// with reasons lands in the dissemination log.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const AGENCY = "Registry of Demo Vehicles (fictional)";
const AGENCY_PHONE = "617-555-0188";

async function switchTo(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

let participantNumber = "";
let emergencyUrl = "";
let emergencyReference = "";

const recordCommon = (page: Page, route: string, requester: { name: string; title: string }, reason: string) => startRequest(page, route, participantNumber, requester, reason);

test("staff record an emergency law-enforcement request: first in the queue, called back and verified", async ({ page }) => {
  test.setTimeout(120_000);
  await switchTo(page, "staff@example.org");
  // U-8: the callback number must be one already on file for the agency.
  await page.goto("/agencies");
  await page.locator("main").getByRole("link", { name: AGENCY }).click();
  await page.locator("#edit-contactPhone").fill(AGENCY_PHONE);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  participantNumber = await demoParticipantNumber(page);

  // An ordinary request first: the emergency one recorded after it must still come first.
  await recordCommissionerRequest(page, participantNumber);

  // Each route's proof is asked for: law enforcement without its fields is refused beside them.
  await recordCommon(page, "LAW_ENFORCEMENT", { name: "Chris Sergeant (demo)", title: "Sergeant" }, "Locating a witness to a violent crime.");
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page.locator("#callbackNumber-error")).toHaveText("Enter the callback number the requester gave.");
  await expect(page.locator("#namedOfficer-error")).toHaveText("Enter the officer who may receive the address.");
  await expect(page.locator("#agencyId-error")).toHaveText("Choose the law-enforcement agency from the list.");

  await page.getByLabel("Agency on file").selectOption({ label: AGENCY });
  await page.getByLabel("Recipient's account (e-mail)").fill("agency@example.org");
  await tick(page.locator("#emergency"));
  // A number the caller gives that is not the one on file is refused.
  await page.getByLabel("Callback number the requester gave").fill("617-555-0000");
  await page.getByLabel("Officer who may receive the address").fill("Det. Jordan Clerk (demo)");
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page.locator("#callbackNumber-error")).toHaveText("This is not the agency's number on file. Call the number on file instead.");
  await page.getByLabel("Callback number the requester gave").fill("(617) 555-0188");
  emergencyUrl = await submitRequest(page);
  emergencyReference = (await page.getByTestId("disclosure-reference").textContent())!.trim();
  await expect(page.getByText(/Emergency request\. The signed written request is due by/)).toBeVisible();

  await page.goto("/disclosures");
  const first = page.getByTestId("disclosure-queue").locator("tbody tr").first();
  await expect(first).toContainText(emergencyReference);
  await expect(first).toContainText("Emergency");
  await expectNoAxeViolations(page);

  await page.goto(emergencyUrl);
  // Not verifiable before the callback.
  await page.getByLabel("What you checked").fill("Spoke to the desk sergeant.");
  await page.getByRole("button", { name: "Mark as verified" }).click();
  await expect(page.getByText("Call the agency back on the number on file first.")).toBeVisible();
  await tick(page.locator("#callback-confirmed"));
  await page.getByRole("button", { name: "Record the callback" }).click();
  await expect(page.locator("main")).toContainText("called back and confirmed");
  await page.getByLabel("What you checked").fill("Called 617-555-0188 on file; the desk sergeant confirmed the request.");
  await page.getByRole("button", { name: "Mark as verified" }).click();
  await expect(page.getByTestId("disclosure-status")).toHaveText("Verified");
  // Staff cannot decide: there is no decision form for them.
  await expect(page.getByRole("heading", { name: "Decision" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the Program Manager releases it; the agency user opens the view once, and never again", async ({ page }) => {
  test.setTimeout(120_000);
  await switchTo(page, "manager@example.org");
  await page.goto(emergencyUrl);
  await page.getByLabel("Your decision").selectOption("RELEASE");
  await expect(page.getByTestId("release-method")).toContainText("agency@example.org");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByTestId("disclosure-status")).toHaveText("Released");
  const log = page.getByTestId("dissemination-log");
  await expect(log).toContainText("Release");
  await expect(log).toContainText(`${emergencyReference}: residence address (one-time online view)`);
  await expect(log).toContainText("Det. Jordan Clerk (demo)");
  await expect(log).toContainText("M.G.L. c. 9A §5(1)");
  // U-16: the participant is to be told.
  await page.goto("/disclosures/notices");
  await expect(page.getByTestId("participant-notices")).toContainText(emergencyReference);
  // U-16: the full notice is a letter (the e-mail, where there is one, is content-free).
  const letterHref = (await page.getByTestId("participant-notices").locator("tr", { hasText: emergencyReference }).getByRole("link", { name: "Notice letter (PDF, recorded)" }).getAttribute("href"))!;
  const letter = await page.request.get(letterHref);
  expect(letter.status()).toBe(200);
  const { getDocumentProxy, extractText } = await import("unpdf");
  const text = (await extractText(await getDocumentProxy(new Uint8Array(await letter.body())), { mergePages: true })).text as string;
  expect(text).toContain("M.G.L. c. 9A §5(1)");
  expect(text).toContain("your home address");

  await switchTo(page, "agency@example.org");
  await page.goto("/releases");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Open (once only): ${emergencyReference}` }).click();
  await page.waitForURL(/\/releases\/[A-Za-z0-9_-]{40,}$/);
  const viewUrl = page.url();
  await expect(page.getByText("This page cannot be opened again.", { exact: false })).toBeVisible();
  const shown = page.getByTestId("released-fields");
  await expect(shown.locator('dd[data-field="residence"]')).toHaveText(/, MA 0\d{4}/);
  // Exactly the released fields: the phone and mailing address on file are not there.
  await expect(shown.locator("dd[data-field]")).toHaveCount(1);
  await expectNoAxeViolations(page);

  await page.goto(viewUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This release has already been viewed or has expired");
  await expect(page.locator("dd[data-field]")).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText(/, MA 0\d{4}/);
  await page.goto("/releases");
  await expect(page.getByTestId("releases")).toContainText("Opened");
  await expect(page.getByRole("button", { name: `Open (once only): ${emergencyReference}` })).toHaveCount(0);
});

test("a court-order request refused with reasons is in the dissemination log", async ({ page }) => {
  test.setTimeout(120_000);
  await switchTo(page, "staff@example.org");
  await recordCommon(page, "COURT_ORDER", { name: "Avery Attorney (demo)", title: "Attorney" }, "Named in an order of the Demo Probate Court.");
  await page.getByLabel("Organisation").fill("Demo & Demo LLP (fictional)");
  await page.locator("#courtOrder").setInputFiles({ name: "order.txt", mimeType: "application/pdf", buffer: Buffer.from("just text") });
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page.locator("#courtOrder-error")).toHaveText("Upload a PDF, PNG or JPEG file.");
  await page.locator("#courtOrder").setInputFiles({ name: "order.pdf", mimeType: "application/pdf", buffer: PDF });
  const url = await submitRequest(page);
  const reference = (await page.getByTestId("disclosure-reference").textContent())!.trim();
  // Verification needs what the order says confirmed.
  await page.getByLabel("What you checked").fill("Read the order.");
  await page.getByRole("button", { name: "Mark as verified" }).click();
  await expect(page.locator("#order-names-error")).toHaveText("Confirm what the court order says first.");
  await expectNoAxeViolations(page);

  await switchTo(page, "manager@example.org");
  await page.goto(url);
  await page.getByLabel("Your decision").selectOption("REFUSE");
  await page.getByLabel("Reasons for the refusal").fill("The order does not name this participant.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByTestId("disclosure-status")).toHaveText("Refused");
  const log = page.getByTestId("dissemination-log");
  await expect(log).toContainText("Refusal");
  await expect(log).toContainText(`${reference}: refused, nothing disclosed (asked for residence address)`);
  await expect(log).toContainText("The order does not name this participant.");
  await expect(log).toContainText("Avery Attorney (demo), Demo & Demo LLP (fictional)");
  await expect(log).toContainText("M.G.L. c. 9A §5(3)");
});
