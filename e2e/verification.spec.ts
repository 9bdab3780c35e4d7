import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./support/fixtures";
import { signIn } from "./support/auth";

test.describe.configure({ mode: "serial" });

// Issue 6 §5 and §7: confirm-only verification by agency users and by agency systems (API keys),
// and the dissemination log that records every check.

const AGENCY = "Registry of Demo Vehicles (fictional)";

async function switchTo(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

let participant = { number: "", lastName: "", expires: "" };
let apiKey = "";

test("staff find an active participant and give the agency an API key, shown once", async ({ page }) => {
  await switchTo(page, "staff@example.org");
  await page.goto("/participants");
  await page.getByLabel("Participant number or last name").fill("Sample");
  await page.locator("main").getByRole("button", { name: "Search" }).click();
  const row = page.locator("main table tbody tr", { hasText: "Active" }).first();
  participant = {
    number: (await row.locator("td").first().textContent())!.trim(),
    lastName: (await row.locator("th").textContent())!.split(",")[0].trim(),
    expires: "",
  };

  await page.getByRole("link", { name: "Agencies" }).click();
  await page.getByRole("link", { name: AGENCY }).click();
  await page.getByLabel("Name of the key").fill("Records system (e2e)");
  await page.getByRole("button", { name: "Create a key" }).click();
  apiKey = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(apiKey).toMatch(/^acp_[A-Za-z0-9_-]{40}$/);
  await expectNoAxeViolations(page);
  // Shown once: a reload shows only its first characters.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.locator("main table")).toContainText(apiKey.slice(0, 10));
  await expect(page.locator("main")).not.toContainText(apiKey);
});

test("the API answers with exactly the allowed fields, the same 'no match' for any wrong detail, and 401 without a key", async ({ request }) => {
  const post = (data: unknown, key = apiKey) => request.post("/api/v1/verify", { data, headers: key ? { authorization: `Bearer ${key}` } : {} });
  const ok = await post({ participantNumber: participant.number, lastName: participant.lastName.toLowerCase() });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(Object.keys(body).sort()).toEqual(["active", "validUntil"]);
  expect(body.active).toBe(true);
  expect(body.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  participant.expires = body.validUntil;
  for (const wrong of [
    { participantNumber: participant.number, lastName: "Nobody" },
    { participantNumber: "1234567890", lastName: participant.lastName },
    { participantNumber: participant.number, lastName: participant.lastName, dateOfBirth: "1901-01-01" },
  ]) {
    const r = await post(wrong);
    expect(r.status()).toBe(200);
    expect(await r.json()).toEqual({ active: false });
  }
  expect((await post({ lastName: "x" })).status()).toBe(400);
  expect((await post({ participantNumber: participant.number, lastName: participant.lastName }, "")).status()).toBe(401);
  expect((await post({ participantNumber: participant.number, lastName: participant.lastName }, "acp_" + "x".repeat(40))).status()).toBe(401);
});

test("an agency user checks a card on the page: active until a date, or one neutral 'no match'", async ({ page }) => {
  await switchTo(page, "agency@example.org");
  await page.getByRole("link", { name: "Verify a participant" }).click();
  await page.getByLabel("Participant number (on the card)").fill(participant.number);
  await page.getByLabel("Last name").fill(participant.lastName.toUpperCase());
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("verify-answer")).toContainText("Active participant. Authorization valid until");
  await expectNoAxeViolations(page);
  await page.getByLabel("Participant number (on the card)").fill(participant.number);
  await page.getByLabel("Last name").fill("Somebody");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("verify-answer")).toHaveText("No active participant matches these details.");
  // Nothing but the answer: no address, no name, no household.
  await expect(page.locator("main")).not.toContainText(/Unit|P\.O\. Box|Street/);
});

test("the dissemination log shows every check with its legal route, and exports as a watermarked CSV", async ({ page }) => {
  await switchTo(page, "manager@example.org");
  await page.getByRole("link", { name: "Dissemination log" }).click();
  await page.locator("#participantNumber").fill(participant.number.replace(/\s/g, ""));
  await page.getByRole("button", { name: "Apply" }).click();
  const table = page.locator("main table");
  await expect(table).toContainText(`Verification: active, valid until ${participant.expires}`);
  await expect(table).toContainText("950 CMR 130.06(3)");
  await expect(table).toContainText(AGENCY);
  await expectNoAxeViolations(page);
  // The phone route: the same answer, read out by staff, and logged with who checked.
  await page.getByLabel("Agency calling").selectOption({ label: AGENCY });
  await page.getByLabel("Caller's name").fill("Morgan Caller");
  await page.locator("#phone-number").fill(participant.number);
  await page.locator("#phone-last").fill(participant.lastName);
  await page.getByRole("button", { name: "Check and log" }).click();
  await expect(page.getByTestId("phone-answer")).toContainText("Active participant. Authorization valid until");
  await page.goto(page.url());
  await expect(table).toContainText("By phone; checked by Pat Manager");
  await expect(table).toContainText("Morgan Caller");
  const href = (await page.getByRole("link", { name: "Download as CSV (recorded)" }).getAttribute("href"))!;
  const csv = await (await page.request.get(href)).text();
  expect(csv.split("\n")[0]).toMatch(/^# CONFIDENTIAL - exported by Pat Manager/);
  expect(csv).toContain(participant.number.replace(/\s/g, ""));
});

test("a revoked key stops working at once", async ({ page, request }) => {
  await switchTo(page, "staff@example.org");
  await page.goto("/agencies");
  await page.getByRole("link", { name: AGENCY }).click();
  await page.getByRole("button", { name: "Revoke the key Records system (e2e)" }).click();
  await expect(page.locator("main table")).toContainText("Revoked");
  const r = await request.post("/api/v1/verify", { data: { participantNumber: participant.number, lastName: participant.lastName }, headers: { authorization: `Bearer ${apiKey}` } });
  expect(r.status()).toBe(401);
});
