import { expect, type Locator, type Page } from "@playwright/test";

/** USWDS draws its own box and moves the real checkbox off-screen: click the input itself. */
export const tick = (l: Locator) => l.evaluate((el) => (el as HTMLInputElement).click());

/** The number of a demo participant with addresses on file, found through the staff search (signed in as staff). */
export async function demoParticipantNumber(page: Page): Promise<string> {
  await page.goto("/participants");
  await page.getByLabel("Participant number or last name").fill("Sample");
  await page.locator("main").getByRole("button", { name: "Search" }).click();
  const n = (await page.locator("main table tbody tr td a").first().textContent())!.trim();
  expect(n).toMatch(/^\d{4} \d{4} \d{2}$/);
  return n;
}

/** The fields every route shares, on a fresh request form. */
export async function startRequest(page: Page, route: string, participantNumber: string, requester: { name: string; title: string }, reason: string) {
  await page.goto("/disclosures/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record a disclosure request");
  await page.getByLabel("Route of the request").selectOption(route);
  await page.getByLabel("Participant number", { exact: true }).fill(participantNumber);
  await tick(page.locator("#fields-residence"));
  await page.getByLabel("Requester's full name").fill(requester.name);
  await page.getByLabel("Requester's title").fill(requester.title);
  await page.getByLabel("Reason given for the request").fill(reason);
}

/** Send the form; the request's own page opens. Returns its URL. */
export async function submitRequest(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Record the request" }).click();
  await expect(page).toHaveURL(/\/disclosures\/[a-z0-9]{20,}$/);
  await expect(page.getByTestId("disclosure-status")).toHaveText("Received");
  return page.url();
}

/** An agency commissioner's request (§5(2)), recorded through the form as the signed-in staff member. */
export async function recordCommissionerRequest(page: Page, participantNumber?: string): Promise<string> {
  const number = participantNumber ?? (await demoParticipantNumber(page));
  await startRequest(page, "AGENCY_COMMISSIONER", number, { name: "Dana Commissioner (demo)", title: "Commissioner" }, "To serve a notice of assessment.");
  await page.getByLabel("Organisation").fill("Department of Demo Revenue (fictional)");
  await page.getByLabel("Who asks for the agency").selectOption("COMMISSIONER");
  await page.getByLabel("The bona fide statutory or administrative need shown").fill("A statutory duty to serve the notice at the actual address.");
  return submitRequest(page);
}
