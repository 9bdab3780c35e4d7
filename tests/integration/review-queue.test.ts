import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignApplication, queueFilterSchema, reviewQueue } from "../../lib/applications/queue";
import { createApplication, createAssistant, createOrganisation, createUser } from "../../prisma/factories";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { makeUser } from "../support/people";

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const f = (v: Record<string, string> = {}) => queueFilterSchema.parse(v);

describe("the review queue (issue 5 §4)", () => {
  it("filters by status, track, organisation and age on the server, oldest first, and assigns", async () => {
    const staffUser = await makeUser(t.db, "PROGRAM_STAFF");
    const staff = { id: staffUser.id, role: "PROGRAM_STAFF" as const, ip: null };
    const org = await createOrganisation(t.db);
    const aaUser = await createUser(t.db, { role: "APPLICATION_ASSISTANT", organisationId: org.id });
    const aa = await createAssistant(t.db, { organisationId: org.id, userId: aaUser.id });
    const day = 86_400_000;
    const old = await createApplication(t.db, { assistantId: aa.id, status: "UNDER_REVIEW", submittedAt: new Date(Date.now() - 40 * day) });
    const fresh = await createApplication(t.db, { assistantId: aa.id, status: "SUBMITTED", submittedAt: new Date(Date.now() - 2 * day) });
    const decided = await createApplication(t.db, { assistantId: aa.id, status: "CERTIFIED", submittedAt: new Date(Date.now() - 50 * day) });

    const byOrg = await reviewQueue(t.db, staff, f({ organisationId: org.id }));
    expect(byOrg.rows.map((r) => r.id)).toEqual([old.id, fresh.id]); // open only, oldest first
    expect(byOrg.total).toBe(2);
    expect((await reviewQueue(t.db, staff, f({ organisationId: org.id, sort: "newest" }))).rows.map((r) => r.id)).toEqual([fresh.id, old.id]);
    expect((await reviewQueue(t.db, staff, f({ organisationId: org.id, olderThanDays: "30" }))).rows.map((r) => r.id)).toEqual([old.id]);
    expect((await reviewQueue(t.db, staff, f({ organisationId: org.id, status: "SUBMITTED" }))).rows.map((r) => r.id)).toEqual([fresh.id]);
    expect((await reviewQueue(t.db, staff, f({ organisationId: org.id, track: "HEALTH_CARE" }))).total).toBe(0);

    await assignApplication(t.db, staff, old.id, staff.id);
    expect((await reviewQueue(t.db, staff, f({ organisationId: org.id, assigned: "me" }))).rows.map((r) => r.id)).toEqual([old.id]);
    expect((await reviewQueue(t.db, staff, f({ organisationId: org.id, assigned: "nobody" }))).rows.map((r) => r.id)).toEqual([fresh.id]);
    await expect(assignApplication(t.db, staff, decided.id, staff.id)).rejects.toMatchObject({ code: "CLOSED" });
    await expect(assignApplication(t.db, staff, fresh.id, aaUser.id)).rejects.toMatchObject({ code: "ASSIGNEE_INVALID", field: "assigneeId" });
    expect(await t.db.auditEvent.count({ where: { targetId: old.id, action: "application.assigned" } })).toBe(1);

    // Scoped: the assistant sees only their own in the same query; an agency user sees nothing.
    expect((await reviewQueue(t.db, { id: aaUser.id, role: "APPLICATION_ASSISTANT" }, f({ organisationId: org.id }))).total).toBe(2);
    expect((await reviewQueue(t.db, { id: "x", role: "AGENCY_USER" }, f())).total).toBe(0);
  });

  it("ignores filter values it does not know instead of failing", () => {
    expect(f({ status: "DROP TABLE", page: "-3", olderThanDays: "abc", sort: "sideways" })).toEqual({ sort: "oldest", page: 1 });
  });
});
