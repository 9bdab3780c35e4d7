import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";
import { DEMO_PASSWORD, signIn } from "./support/auth";
import { waitForMail } from "./support/mail";

test.describe.configure({ mode: "serial" });

// Issue 5 end to end: an assistant's application with evidence, a request for documents, the PM's
// certification and the card; "other" evidence through the General Counsel; a denial with reasons;
// the health-care track without an assistant; a wrong assistant number refused.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const suffix = () => randomBytes(2).toString("hex");

async function pdfText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(href);
  expect(res.status(), `GET ${href}`).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const { getDocumentProxy, extractText } = await import("unpdf");
  const doc = await getDocumentProxy(new Uint8Array(await res.body()));
  return (await extractText(doc, { mergePages: true })).text as string;
}

/** USWDS draws its own box and moves the real checkbox off-screen: click the input itself, as a label click would. */
const tick = (l: Locator) => l.evaluate((el) => (el as HTMLInputElement).click());
const next = (page: Page) => page.locator("main").getByRole("button", { name: "Save and continue" }).click();
const onStep = (page: Page, name: string) => expect(page.locator("legend.usa-legend--large")).toHaveText(name);

interface Applicant {
  first: string;
  last: string;
  street: string;
  evidence: "Certified court record" | "Other evidence" | "Proof of your health-care role (licence or employer letter)";
  track: "survivor" | "health-care";
}

/** Fill every step of the wizard up to the sign step. */
async function fillWizard(page: Page, a: Applicant) {
  await onStep(page, "Applicant");
  await page.getByLabel("First name", { exact: true }).fill(a.first);
  await page.getByLabel("Last name", { exact: true }).fill(a.last);
  await page.getByLabel("Date of birth", { exact: true }).fill("1988-02-29");
  if (a.track === "survivor") await page.getByLabel("Applying for").selectOption("SELF");
  await next(page);

  await onStep(page, "Eligibility");
  await tick(page.getByLabel("The applicant lives in Massachusetts now."));
  if (a.track === "survivor") await tick(page.getByLabel("Stalking"));
  else {
    await page.getByLabel("Your work in legally-protected health care").selectOption("PROVIDES");
    await page.getByLabel("Your role or profession").fill("Nurse practitioner");
  }
  await next(page);

  await onStep(page, "Contact");
  await page.getByLabel("Home street address").fill(a.street);
  await page.getByLabel("City or town", { exact: true }).fill("Springfield");
  await page.getByLabel("ZIP code", { exact: true }).fill("90210");
  await page.getByLabel("Is the mailing address the same as the home address?").selectOption("YES");
  await page.getByLabel("Phone number", { exact: true }).fill("617-555-0142");
  await next(page);
  // A wrong answer is named beside its field, and nothing typed is lost.
  await expect(page.locator("#f-residenceZip-error")).toHaveText(/Massachusetts ZIP code/);
  await expect(page.getByLabel("Home street address")).toHaveValue(a.street);
  await page.getByLabel("ZIP code", { exact: true }).fill("01103");
  await next(page);

  await onStep(page, "Addresses");
  await page.getByLabel("Kind of address").selectOption("RESIDENCE");
  await page.getByLabel("Street address").fill(a.street);
  await page.getByLabel("City or town").fill("Springfield");
  await page.getByLabel("ZIP code").fill("01103");
  await next(page);

  await onStep(page, "Household");
  await next(page);

  await onStep(page, "Evidence");
  await page.getByLabel("What is this file?").selectOption({ label: a.evidence });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "record.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.getByText("The file was added.")).toBeVisible();
  await expect(page.locator(".acp-evidence table")).toContainText(a.evidence);
  await next(page);

  await onStep(page, "Agreements");
  await tick(page.getByLabel(/as my agent to receive legal papers/));
  await tick(page.getByLabel(/use the substitute address/));
  await tick(page.getByLabel(/follow the program rules/));
  await page.getByLabel("Name to print on the authorization card").fill(`${a.first} ${a.last}`);
  await next(page);

  await onStep(page, "Sign and send");
  await expect(page.getByText("Notice version")).toBeVisible();
  await tick(page.getByLabel("I have read how this information is used."));
  await tick(page.getByLabel("I make the affirmation above."));
  await page.getByLabel(/Applicant's signature/).fill(`${a.first} ${a.last}`);
  await tick(page.getByLabel(/typing their name is their signature/));
}

async function signAsAssistant(page: Page, number: string) {
  await page.getByLabel(/Application Assistant's signature/).fill("Avery Advocate");
  await page.getByLabel("Your registration number").fill(number);
  await tick(page.getByLabel(/I helped prepare this application/));
}

/** Sign in as someone else in the same browser (the old session's cookies go first). */
async function switchTo(page: Page, email: string, opts?: Parameters<typeof signIn>[2]) {
  await page.context().clearCookies();
  await signIn(page, email, opts);
}

async function startAsAssistant(page: Page): Promise<string> {
  await switchTo(page, "assistant@example.org");
  await page.goto("/applications");
  const number = (await page.getByText(/Your registration number:/).textContent())!.replace(/.*:\s*/, "").trim();
  await page.getByRole("button", { name: "Start a new application" }).click();
  return number;
}

async function submit(page: Page) {
  await page.getByRole("button", { name: "Sign and send the application" }).click();
  await expect(page.getByTestId("application-status")).toHaveText("Sent, waiting for review");
  return page.url().match(/\/applications\/([^/?]+)/)![1];
}

async function decide(page: Page, applicationId: string, step: string, opts: { reasons?: string; documents?: string[] } = {}) {
  await page.goto(`/review/${applicationId}`);
  await page.getByLabel("What happens next").selectOption({ label: step });
  for (const d of opts.documents ?? []) await tick(page.getByLabel(d));
  if (opts.reasons) await page.locator("#decide-reasons").fill(opts.reasons);
  await page.getByRole("button", { name: "Record the step" }).click();
  await expect(page.getByText("Recorded.", { exact: true })).toBeVisible();
}

let firstId = "";
const first: Applicant = { first: "Jordan", last: `Testcase${suffix()}`, street: `41 Hidden Elm Street ${suffix()}`, evidence: "Certified court record", track: "survivor" };

test("an assistant completes an application with evidence; a wrong registration number is refused", async ({ page }) => {
  const number = await startAsAssistant(page);
  await fillWizard(page, first);
  await expectNoAxeViolations(page);
  // §2(2)(i): only a registered assistant's own number.
  await signAsAssistant(page, "AA-000000");
  await page.getByRole("button", { name: "Sign and send the application" }).click();
  await expect(page.locator("#f-assistantRegistrationNumber-error")).toHaveText(/not the number of a registered Application Assistant/);
  await expect(page.getByLabel(/Applicant's signature/)).toHaveValue(`${first.first} ${first.last}`);
  await page.getByLabel("Your registration number").fill(number);
  firstId = await submit(page);
  // SEC-05: after submission the assistant sees the status, not the answers.
  await expect(page.locator("main")).not.toContainText(first.street);
  await page.goto("/applications");
  await expect(page.locator("main table")).toContainText("Hidden after submission");
});

test("staff ask for documents; the assistant sees the request and uploads", async ({ page }) => {
  await switchTo(page, "staff@example.org");
  await decide(page, firstId, "Start or resume the review (or return to review)");
  await decide(page, firstId, "Ask for documents", { documents: ["Proof of identity (birth certificate or passport)"], reasons: "Please send a copy of an identity document." });
  const letter = await pdfText(page, `/review/${firstId}/letters/request-for-documents`);
  expect(letter).toContain("birth certificate");
  expect(letter).not.toContain(first.street);

  await switchTo(page, "assistant@example.org");
  await page.goto(`/applications/${firstId}`);
  await expect(page.getByTestId("application-status")).toHaveText("Documents requested");
  await expect(page.locator("main")).toContainText("Proof of identity");
  await page.getByLabel("What is this file?").selectOption({ label: "Proof of identity" });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "id.png", mimeType: "image/png", buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3 * 1024 * 1024)]) }); // a phone photo's size
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.getByText("The file was added.")).toBeVisible();
  // A renamed text file is refused by its content.
  await page.getByLabel("What is this file?").selectOption({ label: "Proof of identity" });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "fake.pdf", mimeType: "application/pdf", buffer: Buffer.from("just text") });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.locator("#evidence-file-error")).toHaveText("Upload a PDF, PNG or JPEG file.");
});

test("the Program Manager certifies; the card holds the number and substitute address, never the actual address", async ({ page }) => {
  await switchTo(page, "manager@example.org");
  await decide(page, firstId, "Start or resume the review (or return to review)");
  await decide(page, firstId, "Certify");
  await expect(page.getByTestId("review-status")).toHaveText("Certified");
  const cardHref = (await page.getByTestId("card-link").first().getAttribute("href"))!;
  const card = await pdfText(page, cardHref);
  const number = (await page.locator("main").getByText(/— \d{4} \d{4} \d{2} —/).first().textContent())!.match(/\d{4} \d{4} \d{2}/)![0];
  expect(card.replace(/\s/g, "")).toContain(number.replace(/\s/g, ""));
  expect(card).toContain("P.O. Box 000");
  expect(card).toContain(first.last);
  expect(card).not.toContain("Hidden Elm");
  const letter = await pdfText(page, `/review/${firstId}/letters/certification`);
  expect(letter.replace(/\s/g, "")).toContain(number.replace(/\s/g, ""));
  await expectNoAxeViolations(page);
});

test('"other" evidence needs the General Counsel: the PM proposes, counsel certifies', async ({ page }) => {
  const number = await startAsAssistant(page);
  await fillWizard(page, { first: "Riley", last: `Othercase${suffix()}`, street: `9 Quiet Lane ${suffix()}`, evidence: "Other evidence", track: "survivor" });
  await signAsAssistant(page, number);
  const id = await submit(page);
  await switchTo(page, "manager@example.org");
  await decide(page, id, "Start or resume the review (or return to review)");
  await page.goto(`/review/${id}`);
  await expect(page.getByLabel("What happens next").locator("option", { hasText: /^Certify$/ })).toHaveCount(0);
  await decide(page, id, "Propose certification to General Counsel (other evidence)");
  await expect(page.getByTestId("review-status")).toHaveText("Waiting for General Counsel");
  await switchTo(page, "counsel@example.org");
  await decide(page, id, "Certify");
  await expect(page.getByTestId("review-status")).toHaveText("Certified");
});

test("a denial needs written reasons and gives the appeal right", async ({ page }) => {
  const number = await startAsAssistant(page);
  const street = `77 Denial Road ${suffix()}`;
  await fillWizard(page, { first: "Casey", last: `Deniedcase${suffix()}`, street, evidence: "Certified court record", track: "survivor" });
  await signAsAssistant(page, number);
  const id = await submit(page);
  await switchTo(page, "manager@example.org");
  await decide(page, id, "Start or resume the review (or return to review)");
  await page.goto(`/review/${id}`);
  await page.getByLabel("What happens next").selectOption({ label: "Deny" });
  await page.getByRole("button", { name: "Record the step" }).click();
  await expect(page.locator("#decide-reasons-error")).toHaveText("Write the reason. It is kept with the decision.");
  await decide(page, id, "Deny", { reasons: "The records do not show a qualifying event." });
  await expect(page.getByTestId("review-status")).toHaveText("Denied");
  const letter = await pdfText(page, `/review/${id}/letters/denial`);
  expect(letter).toContain("The records do not show a qualifying event.");
  expect(letter).toMatch(/30 days/);
});

test("health-care track: self sign-up by e-mail link, no assistant, the PM alone certifies", async ({ page }) => {
  const email = `clinician-${suffix()}${suffix()}@example.org`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Taylor Clinician");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.getByText("Tick the box to confirm.")).toBeVisible();
  await expect(page.getByLabel("E-mail address")).toHaveValue(email);
  await tick(page.getByLabel(/legally-protected health care in Massachusetts/));
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  const mail = await waitForMail(email);
  expect(mail.subject).not.toMatch(/confidential|program|address confidentiality/i);
  const link = mail.body.match(/https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/)![0];
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD + "-hc");
  await page.getByLabel("Type the password again").fill(DEMO_PASSWORD + "-hc");
  await page.getByRole("button", { name: "Save my password" }).click();
  await switchTo(page, email, { password: DEMO_PASSWORD + "-hc", secret: null });
  await page.goto("/applications");
  await expect(page.getByText("Set up an authenticator app")).toBeVisible();
  await page.getByRole("button", { name: "Start a new application" }).click();
  const hc: Applicant = { first: "Taylor", last: `Clinician${suffix()}`, street: `5 Clinic Way ${suffix()}`, evidence: "Proof of your health-care role (licence or employer letter)", track: "health-care" };
  await fillWizard(page, hc);
  await expect(page.getByLabel("Your registration number")).toHaveCount(0);
  const id = await submit(page);
  await switchTo(page, "manager@example.org");
  await decide(page, id, "Start or resume the review (or return to review)");
  await decide(page, id, "Certify");
  await expect(page.getByTestId("review-status")).toHaveText("Certified");
});
