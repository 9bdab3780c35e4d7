import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationScope, participantScope } from "../../lib/auth/scopes";
import { createApplication, createAssistant, createHousehold, createOrganisation, createParticipant, createUser } from "../../prisma/factories";
import { openTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe("row scopes (issue 4 §3)", () => {
  it("show an Application Assistant only the applications they filed, not a colleague's", async () => {
    const org = await createOrganisation(t.db);
    const me = await createUser(t.db, { role: "APPLICATION_ASSISTANT", organisationId: org.id });
    const colleague = await createUser(t.db, { role: "APPLICATION_ASSISTANT", organisationId: org.id });
    const mine = await createAssistant(t.db, { organisationId: org.id, userId: me.id });
    const theirs = await createAssistant(t.db, { organisationId: org.id, userId: colleague.id });
    const a1 = await createApplication(t.db, { assistantId: mine.id });
    const a2 = await createApplication(t.db, { assistantId: theirs.id });
    const seen = await t.db.application.findMany({ where: { AND: [applicationScope({ id: me.id, role: "APPLICATION_ASSISTANT" }), { id: { in: [a1.id, a2.id] } }] } });
    expect(seen.map((a) => a.id)).toEqual([a1.id]);
    const staff = await t.db.application.count({ where: { AND: [applicationScope({ id: "s", role: "PROGRAM_STAFF" }), { id: { in: [a1.id, a2.id] } }] } });
    expect(staff).toBe(2);
    for (const role of ["AGENCY_USER", "SYSTEM_ADMIN", "APPEALS_COMMITTEE", "PARTICIPANT"] as const) {
      expect(await t.db.application.count({ where: applicationScope({ id: me.id, role }) })).toBe(0);
    }
  });

  it("show participant records to case-work staff only", async () => {
    const h = await createHousehold(t.db, 900_000 + Math.floor(Math.random() * 90_000));
    await createParticipant(t.db, { householdId: h.id });
    expect(await t.db.participant.count({ where: participantScope({ id: "x", role: "PROGRAM_MANAGER" }) })).toBeGreaterThan(0);
    for (const role of ["AGENCY_USER", "APPLICATION_ASSISTANT", "SYSTEM_ADMIN", "APPEALS_COMMITTEE"] as const) {
      expect(await t.db.participant.count({ where: participantScope({ id: "x", role }) })).toBe(0);
    }
  });
});
