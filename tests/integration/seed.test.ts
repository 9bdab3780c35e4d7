import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidParticipantNumber } from "../../lib/participants/participant-number";
import { certificationExpiry } from "../../lib/participants/certification-term";
import { DEMO_ACCOUNTS, seedDemo, seedScale } from "../../prisma/seed";
import type { Role } from "../../lib/db/generated/client";
import { ROLES } from "../../lib/auth/roles";
import { isEmbedded, openTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const ALL_ROLES: Role[] = [...ROLES];

describe("demo seed", () => {
  it("creates an account for every role, applications in every state and participants in every status", async ({ skip }) => {
    // The demo set uses fixed e-mail addresses: on the shared PostgreSQL database it may be there already.
    if (!isEmbedded() && (await t.db.user.count({ where: { email: DEMO_ACCOUNTS[0].email } })) > 0) skip();
    await seedDemo(t.db);
    const roles = await t.db.user.groupBy({ by: ["role"], where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } });
    expect(roles.map((r) => r.role).sort()).toEqual([...ALL_ROLES].sort());
    const demoEmails = DEMO_ACCOUNTS.map((a) => a.email);
    expect(await t.db.user.count({ where: { role: "APPEALS_COMMITTEE", email: { in: demoEmails } } })).toBe(5);

    const appStatuses = await t.db.application.groupBy({ by: ["status"] });
    expect(appStatuses.map((s) => s.status).sort()).toEqual(
      ["AWAITING_DOCUMENTS", "CERTIFIED", "DENIED", "DRAFT", "PENDING_GC_APPROVAL", "SUBMITTED", "UNDER_REVIEW", "WITHDRAWN"].sort(),
    );
    const pStatuses = await t.db.participant.groupBy({ by: ["status"] });
    expect(pStatuses.map((s) => s.status).sort()).toEqual(["ACTIVE", "CANCELLATION_PENDING", "CANCELLED", "EXPIRED", "NON_RENEWED", "WITHDRAWN"].sort());

    // Every AA account is a registered assistant with a registration number (§2(2)(i)).
    const aas = await t.db.user.findMany({ where: { role: "APPLICATION_ASSISTANT", email: { in: demoEmails } }, include: { assistant: true } });
    expect(aas).toHaveLength(3);
    for (const u of aas) {
      expect(u.assistant?.status).toBe("REGISTERED");
      expect(u.assistant?.registrationNumber).toMatch(/^AA-[0-9A-F]{6}$/);
    }
    // Demo names are visibly fake.
    for (const u of await t.db.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } })) {
      expect(u.displayName).toMatch(/\(demo\)$/);
    }
  });
});

describe("scale seed", () => {
  it("adds exactly N participants with valid unique numbers, four-year terms and a realistic mix", async () => {
    const before = await t.db.participant.count();
    const summary = await seedScale(t.db, 1500);
    expect(summary.participants).toBe(1500);
    expect(await t.db.participant.count()).toBe(before + 1500);

    const rows = await t.db.participant.findMany({ select: { participantNumber: true, effectiveOn: true, expiresOn: true, status: true, track: true } });
    expect(new Set(rows.map((r) => r.participantNumber)).size).toBe(rows.length);
    for (const r of rows) {
      expect(isValidParticipantNumber(r.participantNumber)).toBe(true);
      expect(r.expiresOn).toEqual(certificationExpiry(r.effectiveOn));
    }
    const active = rows.filter((r) => r.status === "ACTIVE").length / rows.length;
    expect(active).toBeGreaterThan(0.6);
    expect(active).toBeLessThan(0.95);
    expect(rows.some((r) => r.track === "HEALTH_CARE")).toBe(true);
    // Open applications for the review queue.
    expect(await t.db.application.count({ where: { status: { in: ["SUBMITTED", "UNDER_REVIEW"] } } })).toBeGreaterThan(0);
  });
});
