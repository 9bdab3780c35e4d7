import type { Page } from "@playwright/test";
import { addCalendarDays, isoDate, todayInMassachusetts } from "../lib/dates/calendar";
import { generateParticipantNumber } from "../lib/participants/participant-number";
import { EXEMPTION_REQUEST, fileExemption, switchTo } from "./support/exemptions";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";

test.describe.configure({ mode: "serial" });

// Issue 6, items 2–4, in the browser: an agency files an exemption request, staff ask for more
// information, the agency answers, the Program Manager grants with conditions and a term, and the
// letter names every condition; then a request withheld and changed on reconsideration by the
// General Counsel (U-9). The interim rule (131.07(3)) shows on every screen of an open request.

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const day = (n: number) => isoDate(addCalendarDays(todayInMassachusetts(), n));

async function pdfText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(href);
  expect(res.status(), `GET ${href}`).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const { getDocumentProxy, extractText } = await import("unpdf");
  const doc = await getDocumentProxy(new Uint8Array(await res.body()));
  return ((await extractText(doc, { mergePages: true })).text as string).replace(/\s+/g, " ");
}

const status = (page: Page) => page.getByTestId("exemption-status");
const interim = (page: Page) => page.getByTestId("interim-notice");

async function fillFindings(page: Page, bonaFide: "Yes" | "No", useLimited: "Yes" | "No", findings: string) {
  await page.getByLabel(/real \(bona fide\) requirement/).selectOption({ label: bonaFide });
  await page.getByLabel(/only for that purpose\?/).selectOption({ label: useLimited });
  await page.getByLabel("Findings", { exact: true }).fill(findings);
}

const CONDITIONS = {
  duties: "Never show the address on any screen, letter or report outside the named people.",
  access: "Only Avery Records and Blake Audit, only to issue the commercial licence.",
  format: "A separate encrypted column that no report prints.",
};

async function fillConditions(page: Page, purgeOn: string) {
  await page.getByLabel("Confidentiality duties").fill(CONDITIONS.duties);
  await page.getByLabel("Limits on use and access").fill(CONDITIONS.access);
  await page.getByLabel("Record format").fill(CONDITIONS.format);
  await page.getByLabel("Purge the addresses by").fill(purgeOn);
}

let grantedId = "";

test("an agency user files a request with a document; the interim rule shows on every screen of it", async ({ page }) => {
  await switchTo(page, "agency@example.org");
  await page.goto("/exemptions");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Request an exemption" }).click();
  await expect(interim(page)).toContainText("Keep using the substitute address");
  // A mistake is named beside its field, and what was typed stays.
  await page.getByLabel(/Which law or rule requires/).fill(EXEMPTION_REQUEST.statuteOrRule);
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.locator("#ex-certified-error")).toHaveText("Tick the box to confirm.");
  await expect(page.locator("#ex-people-error")).toHaveText("Add at least one.");
  await expect(page.getByLabel(/Which law or rule requires/)).toHaveValue(EXEMPTION_REQUEST.statuteOrRule);
  await expectNoAxeViolations(page);

  grantedId = await fileExemption(page, {}, [{ name: "statute.png", mimeType: "image/png", buffer: PNG }]);
  await expect(status(page)).toHaveText("Received");
  await expect(interim(page)).toBeVisible();
  await expect(page.locator("main")).toContainText("Avery Records, records officer");
  await expect(page.locator("main")).toContainText("Not checked");
  await expectNoAxeViolations(page);
  await page.goto("/exemptions");
  await expect(interim(page)).toBeVisible();
  await expect(page.getByRole("link", { name: /^EXR-/ }).first()).toBeVisible();
});

test("staff start the review and ask the agency for more information", async ({ page }) => {
  await switchTo(page, "staff@example.org");
  await page.goto("/exemptions/review");
  await expect(page.getByRole("link", { name: /^EXR-/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/exemptions/review/${grantedId}`);
  await expect(status(page)).toHaveText("Received");
  await page.getByRole("button", { name: "Start the review" }).click();
  await expect(status(page)).toHaveText("Being reviewed");
  // Program staff cannot decide: only the PM's page has the decision form.
  await expect(page.getByRole("heading", { name: "Record the decision" })).toHaveCount(0);
  await page.getByLabel("Your question").fill("Which federal rule requires the residential address? Please quote it.");
  await page.getByRole("button", { name: "Send the question" }).click();
  await expect(page.getByText("The question was sent to the agency.")).toBeVisible();
  await expect(status(page)).toHaveText("More information needed");
  await expectNoAxeViolations(page);
});

test("the agency sees the question and answers it; the request goes back to review", async ({ page }) => {
  await switchTo(page, "agency@example.org");
  await page.goto(`/exemptions/${grantedId}`);
  await expect(status(page)).toHaveText("More information needed");
  await expect(interim(page)).toBeVisible();
  await expect(page.getByTestId("open-question")).toContainText("Which federal rule requires the residential address?");
  await expectNoAxeViolations(page);
  await page.getByLabel("Your answer").fill("49 CFR 383.153 (fictional quote for the test): the licence record holds the residence.");
  await page.getByRole("button", { name: "Send the answer" }).click();
  await expect(page.getByText("Thank you. We sent your answer to the program.")).toBeVisible();
  await expect(status(page)).toHaveText("Being reviewed");
  await expect(page.getByTestId("exemption-history")).toContainText("49 CFR 383.153");
});

test("another agency cannot open the request or its letter", async ({ page }) => {
  await switchTo(page, "agency2@example.org");
  // Through the request API: a 404 page in the browser would log a console error.
  expect((await page.request.get(`/exemptions/${grantedId}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get(`/exemptions/${grantedId}/letter`)).status()).toBe(404);
});

test("the Program Manager grants with conditions and a term; the letter names every condition", async ({ page }) => {
  await switchTo(page, "manager@example.org");
  await page.goto(`/exemptions/review/${grantedId}`);
  await page.getByLabel("Decision", { exact: true }).selectOption("GRANTED");
  await fillFindings(page, "Yes", "Yes", "The federal rule requires the residence in the record; use is limited to licensing.");
  await page.getByLabel("Reasons for the decision").fill("The agency cannot meet the federal rule with the substitute address.");
  // The term defaults to one term from today; the purge date is required (U-9).
  await expect(page.getByLabel("The exemption ends on")).toHaveValue(day(365));
  await page.getByLabel("Confidentiality duties").fill(CONDITIONS.duties);
  await page.getByLabel("Record format").fill(CONDITIONS.format);
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.locator("#decide-purge-error")).toHaveText("Enter the purge date. A grant needs one.");
  await expect(page.getByLabel("Record format")).toHaveValue(CONDITIONS.format);
  await expectNoAxeViolations(page);

  await page.getByLabel("The exemption ends on").fill(day(300));
  await fillConditions(page, day(330));
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(status(page)).toHaveText("Granted");
  await expect(page.getByTestId("finding-bona-fide")).toHaveText("Yes");

  const letter = await pdfText(page, `/exemptions/review/${grantedId}/letter`);
  for (const s of [
    "exemption request is granted, with conditions",
    CONDITIONS.duties,
    CONDITIONS.access,
    CONDITIONS.format,
    "Avery Records, records officer",
    "Blake Audit, internal auditor",
    "Purge date",
    "What we found",
    "The agency cannot meet the federal rule",
  ]) expect(letter).toContain(s);
  const long = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });
  expect(letter).toContain(long(day(300)));
  expect(letter).toContain(long(day(330)));

  await page.goto("/exemptions/register");
  await expect(page.getByTestId("active-grants")).toContainText(EXEMPTION_REQUEST.recordSeries);
  await expectNoAxeViolations(page);
});

test("the agency downloads its letter and reports participant numbers, with one neutral answer", async ({ page }) => {
  await switchTo(page, "agency@example.org");
  await page.goto(`/exemptions/${grantedId}`);
  await expect(status(page)).toHaveText("Granted");
  await expect(interim(page)).toHaveCount(0);
  await expect(page.getByTestId("grant-notice")).toBeVisible();
  const letter = await pdfText(page, `/exemptions/${grantedId}/letter`);
  expect(letter).toContain(CONDITIONS.access);
  // A mistyped number fails its check digit, which says nothing about anyone.
  const n = generateParticipantNumber();
  const mistyped = n.slice(0, -1) + String((Number(n.at(-1)) + 1) % 10);
  await page.getByLabel("Participant numbers").fill(mistyped);
  await page.getByRole("button", { name: "Send the numbers" }).click();
  await expect(page.locator("#report-numbers-error")).toContainText("not a participant number");
  await page.getByLabel("Participant numbers").fill(`${n}\n${generateParticipantNumber()}`);
  await page.getByRole("button", { name: "Send the numbers" }).click();
  await expect(page.getByText("Thank you. We received the numbers.")).toBeVisible();
  await expectNoAxeViolations(page);

  await switchTo(page, "staff@example.org");
  await page.goto("/exemptions/notices");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Participant notices to send");
  await expectNoAxeViolations(page);
});

test("a request is withheld with reasons, and the General Counsel changes it on reconsideration", async ({ page }) => {
  await switchTo(page, "agency2@example.org");
  const id = await fileExemption(page, { recordSeries: "Dog licence register (test series)", statuteOrRule: "Town bylaw 12 (fictional)" });

  await switchTo(page, "manager@example.org");
  await page.goto(`/exemptions/review/${id}`);
  await page.getByRole("button", { name: "Start the review" }).click();
  await expect(status(page)).toHaveText("Being reviewed");
  await page.getByLabel("Decision", { exact: true }).selectOption("WITHHELD");
  // A withholding needs findings and reasons too.
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.locator("#decide-findings-error")).toHaveText("Write the findings (at least 10 characters).");
  await expect(page.locator("#decide-reasons-error")).toBeVisible();
  await fillFindings(page, "No", "Yes", "A bylaw does not require the residence on the register.");
  await page.getByLabel("Reasons for the decision").fill("The register can hold the substitute address.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(status(page)).toHaveText("Withheld (not granted)");

  await switchTo(page, "agency2@example.org");
  await page.goto(`/exemptions/${id}`);
  await expect(page.getByTestId("no-exemption-notice")).toBeVisible();
  const withheld = await pdfText(page, `/exemptions/${id}/letter`);
  expect(withheld).toContain("exemption request is withheld");
  expect(withheld).toContain("The register can hold the substitute address.");
  expect(withheld).toContain("reconsidered by the General Counsel");
  await page.getByLabel("Why should the decision be reconsidered?").fill("State law 140 § 137 (fictional) requires the owner's residence on the licence.");
  await page.getByRole("button", { name: "Ask for reconsideration" }).click();
  await expect(page.getByText("We received your request for reconsideration.")).toBeVisible();
  await expect(status(page)).toHaveText("Reconsideration asked for");
  await expect(interim(page)).toBeVisible();

  // The PM is not the configured reviewer (U-9 default: General Counsel).
  await switchTo(page, "manager@example.org");
  await page.goto(`/exemptions/review/${id}`);
  await expect(page.getByTestId("no-step")).toHaveText("The General Counsel decides this reconsideration.");

  await switchTo(page, "counsel@example.org");
  await page.goto(`/exemptions/review/${id}`);
  await page.getByLabel("Your decision").selectOption("CHANGED");
  await page.getByLabel("Reasons for the decision").fill("The state statute does require the residence on the licence.");
  // A change to a grant needs the findings and every condition.
  await page.getByRole("button", { name: "Record the reconsideration" }).click();
  await expect(page.locator("#appeal-purge-error")).toBeVisible();
  await expectNoAxeViolations(page);
  await fillFindings(page, "Yes", "Yes", "The state statute requires the residence; use is limited to licensing dogs.");
  await fillConditions(page, day(400));
  await page.getByRole("button", { name: "Record the reconsideration" }).click();
  await expect(status(page)).toHaveText("Granted");

  const changed = await pdfText(page, `/exemptions/review/${id}/letter`);
  expect(changed).toContain("On reconsideration, the General Counsel granted");
  expect(changed).toContain("changed it");
  expect(changed).toContain(CONDITIONS.format);
  expect(changed).not.toContain("If you disagree");
});
