import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeAssistantStatus, designateAssistant, expireRegistrations, registeredAssistant } from "../../lib/assistants/registry";
import { calendarDate, isoDate, todayInMassachusetts, addCalendarYears } from "../../lib/dates/calendar";
import { AppError } from "../../lib/errors";
import { createApplication, createOrganisation, uniqueSuffix } from "../../prisma/factories";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { makeUser } from "../support/people";

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const as = (u: { id: string }, role: "PROGRAM_MANAGER" | "PROGRAM_STAFF") => ({ id: u.id, role, ip: null });
const yesterday = () => calendarDate(isoDate(new Date(todayInMassachusetts().getTime() - 86_400_000)));

describe("the Application Assistant registry (3.I, U-7)", () => {
  it("goes from designation to registration with a number, a two-year term and an account invitation", async () => {
    const staff = as(await makeUser(t.db, "PROGRAM_STAFF"), "PROGRAM_STAFF");
    const pm = as(await makeUser(t.db, "PROGRAM_MANAGER"), "PROGRAM_MANAGER");
    const org = await createOrganisation(t.db);
    const email = `advocate-${uniqueSuffix()}@example.org`;
    const a = await designateAssistant(t.db, staff, { organisationId: org.id, displayName: "Dana Advocate (test)", email });
    await changeAssistantStatus(t.db, staff, { assistantId: a.id, to: "TRAINED", trainedOn: yesterday() });
    await changeAssistantStatus(t.db, staff, { assistantId: a.id, to: "ACCEPTED" });
    // Staff record the steps; only the PM registers (130.02).
    await expect(changeAssistantStatus(t.db, staff, { assistantId: a.id, to: "REGISTERED" })).rejects.toMatchObject({ code: "PM_ONLY" });
    const reg = await changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "REGISTERED" });
    expect(reg.registrationNumber).toMatch(/^AA-[A-HJ-NP-Z2-9]{6}$/);
    expect(reg.registrationExpiresOn).toEqual(addCalendarYears(todayInMassachusetts(), 2));
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("APPLICATION_ASSISTANT");
    expect(reg.userId).toBe(user.id);
    expect(await t.db.outboxMessage.count({ where: { recipient: email, template: "invite" } })).toBe(1);
    expect(await registeredAssistant(t.db, reg.registrationNumber!.toLowerCase())).toMatchObject({ id: a.id });
    const history = await t.db.assistantStatusChange.findMany({ where: { assistantId: a.id }, orderBy: { at: "asc" } });
    expect(history.map((h) => h.toStatus)).toEqual(["DESIGNATED", "TRAINED", "ACCEPTED", "REGISTERED"]);
    expect(await t.db.auditEvent.count({ where: { targetId: a.id, action: "assistant.status-changed" } })).toBe(3);
  });

  it("refuses steps out of order, and asks for reasons and training dates", async () => {
    const pm = as(await makeUser(t.db, "PROGRAM_MANAGER"), "PROGRAM_MANAGER");
    const org = await createOrganisation(t.db);
    const a = await designateAssistant(t.db, pm, { organisationId: org.id, displayName: "Eli Advocate (test)" });
    await expect(changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "REGISTERED" })).rejects.toMatchObject({ code: "TRANSITION_REFUSED" });
    await expect(changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "TRAINED" })).rejects.toMatchObject({ code: "TRAINING_DATE_REQUIRED", field: "trainedOn" });
    const tomorrow = calendarDate(isoDate(new Date(todayInMassachusetts().getTime() + 86_400_000)));
    await expect(changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "TRAINED", trainedOn: tomorrow })).rejects.toMatchObject({ code: "TRAINING_DATE_FUTURE" });
    await expect(changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "REVOKED" })).rejects.toMatchObject({ code: "REASON_REQUIRED", field: "reason" });
    expect((await t.db.applicationAssistant.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("DESIGNATED");
  });

  it("on revocation disables the account at once, moves open drafts to the PM, and refuses the number", async () => {
    const pm = as(await makeUser(t.db, "PROGRAM_MANAGER"), "PROGRAM_MANAGER");
    const org = await createOrganisation(t.db);
    const email = `revoked-${uniqueSuffix()}@example.org`;
    const a = await designateAssistant(t.db, pm, { organisationId: org.id, displayName: "Fran Advocate (test)", email });
    await changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "TRAINED", trainedOn: yesterday() });
    await changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "ACCEPTED" });
    const reg = await changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "REGISTERED" });
    const draft = await createApplication(t.db, { assistantId: a.id, status: "DRAFT" });
    const submitted = await createApplication(t.db, { assistantId: a.id, status: "SUBMITTED" });
    await changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "REVOKED", reason: "Left the employer" });
    expect((await t.db.user.findUniqueOrThrow({ where: { email } })).status).toBe("DEACTIVATED");
    expect((await t.db.application.findUniqueOrThrow({ where: { id: draft.id } })).heldByUserId).toBe(pm.id);
    expect((await t.db.application.findUniqueOrThrow({ where: { id: submitted.id } })).heldByUserId).toBeNull();
    expect(await registeredAssistant(t.db, reg.registrationNumber!)).toBeNull();
    await expect(changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "REGISTERED" })).rejects.toBeInstanceOf(AppError);
  });

  it("expires registrations after two years; renewal needs the refresher date and starts a new term", async () => {
    const pm = as(await makeUser(t.db, "PROGRAM_MANAGER"), "PROGRAM_MANAGER");
    const org = await createOrganisation(t.db);
    const a = await designateAssistant(t.db, pm, { organisationId: org.id, displayName: "Gale Advocate (test)" });
    await changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "TRAINED", trainedOn: yesterday() });
    await changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "ACCEPTED" });
    await changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "REGISTERED" });
    const twoYearsOn = new Date(Date.now() + (2 * 366 + 1) * 86_400_000);
    expect(await expireRegistrations(t.db, twoYearsOn)).toBeGreaterThanOrEqual(1);
    expect((await t.db.applicationAssistant.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("EXPIRED");
    await expect(changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "REGISTERED" })).rejects.toMatchObject({ code: "TRAINING_DATE_REQUIRED" });
    const renewed = await changeAssistantStatus(t.db, pm, { assistantId: a.id, to: "REGISTERED", trainedOn: yesterday() });
    expect(renewed.status).toBe("REGISTERED");
    expect(renewed.registrationExpiresOn).toEqual(addCalendarYears(todayInMassachusetts(), 2));
  });
});
