import { expect, type Page } from "@playwright/test";
import { signIn } from "./auth";

/** A complete exemption request (131.07(1)), fictional. */
export const EXEMPTION_REQUEST = {
  statuteOrRule: "M.G.L. c. 90, § 8 (fictional test citation)",
  recordSeries: "Commercial driver licence files (test series)",
  namedIndividuals: "Avery Records, records officer\nBlake Audit, internal auditor",
  whyProceduresInsufficient: "A federal rule requires the residential address in the licence file itself.",
  confidentialityMeasures: "A restricted table that only the named people can open.",
  agencyHeadName: "Casey Head",
  agencyHeadTitle: "Registrar (test)",
};

/** Sign in as someone else in the same page: cookies cleared first (e2e/certification.spec.ts). */
export async function switchTo(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

/** USWDS hides the checkbox input behind its label: tick it as a click on the input itself. */
export async function tick(page: Page, label: string | RegExp) {
  await page.getByLabel(label).evaluate((el) => (el as HTMLInputElement).click());
}

/** File a request through the form as the signed-in agency user; returns its id. */
export async function fileExemption(page: Page, over: Partial<typeof EXEMPTION_REQUEST> = {}, files: { name: string; mimeType: string; buffer: Buffer }[] = []): Promise<string> {
  const v = { ...EXEMPTION_REQUEST, ...over };
  await page.goto("/exemptions/new");
  await page.getByLabel(/Which law or rule requires/).fill(v.statuteOrRule);
  await page.getByLabel(/Which record, or series of records/).fill(v.recordSeries);
  await page.getByLabel("Who will see the actual addresses?").fill(v.namedIndividuals);
  await page.getByLabel(/Why can't a change to your agency's internal procedures/).fill(v.whyProceduresInsufficient);
  await page.getByLabel(/How will your agency keep the actual addresses confidential/).fill(v.confidentialityMeasures);
  await page.getByLabel("Name of the head of your agency").fill(v.agencyHeadName);
  await page.getByLabel("Job title of the head of your agency").fill(v.agencyHeadTitle);
  await tick(page, /The head of our agency certifies/);
  if (files.length) await page.getByLabel("Supporting documents (optional)").setInputFiles(files);
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page).toHaveURL(/\/exemptions\/[^/?]+\?filed=1$/);
  return page.url().match(/\/exemptions\/([^/?]+)/)![1];
}
