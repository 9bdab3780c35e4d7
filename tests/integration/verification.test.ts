import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyCaller, createAgency, createApiKey, revokeApiKey, updateAgency } from "../../lib/agencies/agencies";
import { fieldCipher } from "../../lib/crypto";
import { addCalendarDays, calendarDate, isoDate, todayInMassachusetts } from "../../lib/dates/calendar";
import { attachVerifyPool, verifyParticipant, type VerifyCaller } from "../../lib/verification/verify-participant";
import { createHousehold, createParticipant, uniqueSuffix } from "../../prisma/factories";
import { isEmbedded, openTestDatabase, type TestDatabase } from "../support/database";
import { makeUser } from "../support/people";

let t: TestDatabase;
let pool: { end(): Promise<void> } | undefined;
beforeAll(() => {
  t = openTestDatabase();
  // On PostgreSQL the app runs the statement through the driver (as the server does): test that path.
  if (!isEmbedded() && t.config.kind === "postgres") pool = attachVerifyPool(t.db, t.config.url);
});
afterAll(async () => {
  await pool?.end();
  await t.close();
});

async function agencyCaller(): Promise<VerifyCaller & { kind: "user" }> {
  const staff = await makeUser(t.db, "PROGRAM_STAFF");
  const org = await createAgency(t.db, { id: staff.id, role: "PROGRAM_STAFF", ip: null }, { name: `Registry ${uniqueSuffix()}`, kind: "STATE_AGENCY", contactName: null, contactEmail: null, contactPhone: null });
  const user = await makeUser(t.db, "AGENCY_USER");
  await t.db.user.update({ where: { id: user.id }, data: { organisationId: org.id } });
  return { kind: "user", userId: user.id, organisationId: org.id, organisation: org.name, recipientName: "Jordan Clerk", role: "AGENCY_USER", ip: "203.0.113.9" };
}

async function participant(lastName: string, status: "ACTIVE" | "CANCELLATION_PENDING" | "CANCELLED" | "WITHDRAWN" | "EXPIRED" | "NON_RENEWED" = "ACTIVE", effectiveOn = todayInMassachusetts()) {
  const h = await createHousehold(t.db);
  return createParticipant(t.db, { householdId: h.id, lastName, status, effectiveOn });
}

describe("confirm-only verification (130.06(3), rules 3.J)", () => {
  it("answers active with the expiry for the right number and last name, ignoring case, spaces and accents", async () => {
    const caller = await agencyCaller();
    const p = await participant(`Núñez ${uniqueSuffix()}`);
    const typed = `  ${p.lastName.toUpperCase().replace("Ú", "U").replace("Ñ", "N")}  `;
    const answer = await verifyParticipant(t.db, caller, { participantNumber: `${p.participantNumber.slice(0, 4)} ${p.participantNumber.slice(4, 8)}-${p.participantNumber.slice(8)}`, lastName: typed });
    // The exact shape: nothing else ever leaves (no address, reason, household or id).
    expect(answer).toEqual({ active: true, validUntil: isoDate(p.expiresOn) });
    const log = await t.db.disseminationLog.findFirstOrThrow({ where: { userId: caller.userId }, orderBy: { id: "desc" } });
    expect(log).toMatchObject({ kind: "VERIFICATION", participantId: p.id, legalRoute: "950 CMR 130.06(3)", recipientName: "Jordan Clerk", organisationId: caller.organisationId });
    expect(log.disclosed).toBe(`Verification: active, valid until ${isoDate(p.expiresOn)}`);
    expect(log.subjectKey).toMatch(/^[0-9a-f]{64}$/);
    expect(log.subjectKey).not.toContain(p.participantNumber);
  });

  it("gives one and the same 'no match' for a wrong name, a bad check digit, and every inactive status", async () => {
    const caller = await agencyCaller();
    const active = await participant(`Active ${uniqueSuffix()}`);
    const cases: { participantNumber: string; lastName: string }[] = [
      { participantNumber: active.participantNumber, lastName: "Someone Else" },
      { participantNumber: active.participantNumber.slice(0, 9) + ((Number(active.participantNumber[9]) + 1) % 10), lastName: active.lastName },
    ];
    for (const status of ["CANCELLED", "WITHDRAWN", "EXPIRED", "NON_RENEWED"] as const) {
      const p = await participant(`Gone ${uniqueSuffix()}`, status);
      cases.push({ participantNumber: p.participantNumber, lastName: p.lastName });
    }
    // Certified more than four years ago: past its last valid day, whatever its status says.
    const lapsed = await participant(`Lapsed ${uniqueSuffix()}`, "ACTIVE", addCalendarDays(todayInMassachusetts(), -(4 * 365 + 2)));
    cases.push({ participantNumber: lapsed.participantNumber, lastName: lapsed.lastName });
    for (const c of cases) expect(await verifyParticipant(t.db, caller, c)).toEqual({ active: false });
    const logs = await t.db.disseminationLog.findMany({ where: { userId: caller.userId } });
    expect(logs).toHaveLength(cases.length);
    expect(logs.every((l) => l.participantId === null && l.disclosed === "Verification: no active participant matches")).toBe(true);
  });

  it("counts a pending cancellation as active (certification stays in force until it takes effect)", async () => {
    const caller = await agencyCaller();
    const p = await participant(`Pending ${uniqueSuffix()}`, "CANCELLATION_PENDING");
    expect(await verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: p.lastName })).toEqual({ active: true, validUntil: isoDate(p.expiresOn) });
  });

  it("checks a date of birth when one is given, with the same answer when it differs", async () => {
    const caller = await agencyCaller();
    const p = await participant(`Dob ${uniqueSuffix()}`);
    await t.db.participant.update({ where: { id: p.id }, data: { dateOfBirthEnc: await fieldCipher(t.db).seal("date-of-birth", "1990-04-28") } });
    expect(await verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: p.lastName, dateOfBirth: "1990-04-28" })).toEqual({ active: true, validUntil: isoDate(p.expiresOn) });
    expect(await verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: p.lastName, dateOfBirth: "1990-04-29" })).toEqual({ active: false });
    expect(await t.db.disseminationLog.count({ where: { userId: caller.userId } })).toBe(2);
  });

  it("throttles a user past the per-minute quota with a clear error, and alerts staff once", async () => {
    const caller = await agencyCaller();
    const p = await participant(`Busy ${uniqueSuffix()}`);
    const at = new Date("2026-11-24T15:00:10Z");
    for (let i = 0; i < 30; i++) await verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: p.lastName }, at);
    await expect(verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: p.lastName }, at)).rejects.toMatchObject({ code: "THROTTLED", message: "AppErrors.verifyThrottled" });
    await expect(verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: p.lastName }, at)).rejects.toMatchObject({ code: "THROTTLED" });
    // Over the limit: nothing was looked up or logged.
    expect(await t.db.disseminationLog.count({ where: { userId: caller.userId } })).toBe(30);
    expect(await t.db.staffAlert.count({ where: { userId: caller.userId, kind: "verification-throttled" } })).toBe(1);
    // The next minute starts afresh.
    expect(await verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: p.lastName }, new Date("2026-11-24T15:01:00Z"))).toMatchObject({ active: true });
  });

  it("alerts staff to a sweep: many distinct numbers from one user in ten minutes", async () => {
    const caller = await agencyCaller();
    const base = new Date("2026-11-24T16:00:00Z");
    for (let i = 0; i < 20; i++) {
      const number = `1${String(100000000 + i).slice(1)}0`;
      await verifyParticipant(t.db, caller, { participantNumber: number, lastName: "Guess" }, new Date(base.getTime() + i * 5_000));
    }
    const alerts = await t.db.staffAlert.findMany({ where: { userId: caller.userId } });
    expect(alerts.map((a) => a.kind)).toEqual(["verification-sweep"]);
    // The same number twenty times is no sweep.
    const calm = await agencyCaller();
    const p = await participant(`Calm ${uniqueSuffix()}`);
    for (let i = 0; i < 20; i++) await verifyParticipant(t.db, calm, { participantNumber: p.participantNumber, lastName: p.lastName }, new Date(base.getTime() + i * 5_000));
    expect(await t.db.staffAlert.count({ where: { userId: calm.userId } })).toBe(0);
  });
});

describe("the phone route (130.06(3))", () => {
  it("logs a staff member's check for a caller: the caller, the agency, who checked, the same answers", async () => {
    const staffUser = await makeUser(t.db, "PROGRAM_STAFF");
    const org = await createAgency(t.db, { id: staffUser.id, role: "PROGRAM_STAFF", ip: null }, { name: `Phone ${uniqueSuffix()}`, kind: "LOCAL_AGENCY", contactName: null, contactEmail: null, contactPhone: null });
    const p = await participant(`Phoned ${uniqueSuffix()}`);
    const caller: VerifyCaller = { kind: "phone", staffId: staffUser.id, staffName: "Sam Staff", staffRole: "PROGRAM_STAFF", organisationId: org.id, organisation: org.name, recipientName: "Caller Clerk", ip: "198.51.100.2" };
    expect(await verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: p.lastName })).toEqual({ active: true, validUntil: isoDate(p.expiresOn) });
    expect(await verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: "Other" })).toEqual({ active: false });
    const rows = await t.db.disseminationLog.findMany({ where: { organisationId: org.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.recipientName, r.userId, r.reason, r.participantId])).toEqual([
      ["Caller Clerk", null, "By phone; checked by Sam Staff", p.id],
      ["Caller Clerk", null, "By phone; checked by Sam Staff", null],
    ]);
  });
});

describe("API keys for agency systems", () => {
  it("are shown once, stored hashed, and stop working when revoked", async () => {
    const staffUser = await makeUser(t.db, "PROGRAM_STAFF");
    const staff = { id: staffUser.id, role: "PROGRAM_STAFF" as const, ip: null };
    const org = await createAgency(t.db, staff, { name: `Clerk ${uniqueSuffix()}`, kind: "LOCAL_AGENCY", contactName: null, contactEmail: null, contactPhone: null });
    const { key } = await createApiKey(t.db, staff, org.id, "Records system");
    expect(key).toMatch(/^acp_[A-Za-z0-9_-]{40}$/);
    const row = await t.db.agencyApiKey.findFirstOrThrow({ where: { organisationId: org.id } });
    expect(row.keyHash).not.toContain(key.slice(4));
    expect(row.prefix).toBe(key.slice(0, 10));
    expect(await apiKeyCaller(t.db, key)).toEqual({ apiKeyId: row.id, organisationId: org.id, organisation: org.name });
    expect(await apiKeyCaller(t.db, `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`)).toBeNull();
    await revokeApiKey(t.db, staff, org.id, row.id);
    expect(await apiKeyCaller(t.db, key)).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: { in: ["api-key.created", "api-key.revoked", "api-key.refused"] }, targetId: row.id } })).toBe(3);
  });

  it("keep their own, higher quota and log under the key", async () => {
    const staffUser = await makeUser(t.db, "PROGRAM_STAFF");
    const staff = { id: staffUser.id, role: "PROGRAM_STAFF" as const, ip: null };
    const org = await createAgency(t.db, staff, { name: `Court ${uniqueSuffix()}`, kind: "STATE_AGENCY", contactName: null, contactEmail: null, contactPhone: null });
    const { key } = await createApiKey(t.db, staff, org.id, "Case system");
    const owner = (await apiKeyCaller(t.db, key))!;
    const p = await participant(`Keyed ${uniqueSuffix()}`);
    const caller: VerifyCaller = { kind: "key", ...owner, recipientName: `API key of ${owner.organisation}` };
    for (let i = 0; i < 40; i++) expect(await verifyParticipant(t.db, caller, { participantNumber: p.participantNumber, lastName: p.lastName })).toMatchObject({ active: true });
    expect(await t.db.disseminationLog.count({ where: { apiKeyId: owner.apiKeyId, participantId: p.id } })).toBe(40);
  });
});

describe("agencies", () => {
  it("record which fields an edit changed (the phone on file is the law-enforcement callback number)", async () => {
    const staffUser = await makeUser(t.db, "PROGRAM_STAFF");
    const staff = { id: staffUser.id, role: "PROGRAM_STAFF" as const, ip: null };
    const input = { name: `Police ${uniqueSuffix()}`, kind: "LOCAL_AGENCY" as const, contactName: "Desk", contactEmail: null, contactPhone: "508-555-0300" };
    const org = await createAgency(t.db, staff, input);
    await updateAgency(t.db, staff, org.id, { ...input, contactPhone: "508-555-0301" });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "agency.updated", targetId: org.id } });
    expect(event.details).toEqual({ changed: ["contactPhone"] });
  });
});

describe("the dissemination log", () => {
  it("is append-only", async () => {
    const caller = await agencyCaller();
    await verifyParticipant(t.db, caller, { participantNumber: "1234567897", lastName: "Nobody" });
    const row = await t.db.disseminationLog.findFirstOrThrow({ where: { userId: caller.userId } });
    await expect(t.db.disseminationLog.update({ where: { id: row.id }, data: { disclosed: "changed" } })).rejects.toThrow(/append-only/);
    await expect(t.db.disseminationLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    expect(isoDate(calendarDate(isoDate(row.at)))).toBe(isoDate(row.at));
  });
});

describe("the lean verification listener (ACP_VERIFY_API_PORT)", () => {
  it("gives exactly the route's answers: the allowed JSON, 401 without a key, 405, 404 elsewhere", async () => {
    const { startVerifyApiServer } = await import("../../lib/verification/handle-verify-request");
    const staffUser = await makeUser(t.db, "PROGRAM_STAFF");
    const staff = { id: staffUser.id, role: "PROGRAM_STAFF" as const, ip: null };
    const org = await createAgency(t.db, staff, { name: `Lean ${uniqueSuffix()}`, kind: "STATE_AGENCY", contactName: null, contactEmail: null, contactPhone: null });
    const { key } = await createApiKey(t.db, staff, org.id, "Lean system");
    const p = await participant(`Lean ${uniqueSuffix()}`);
    const server = startVerifyApiServer(() => t.db, 0);
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    try {
      const post = (body: unknown, auth: string | null = `Bearer ${key}`) =>
        fetch(`${base}/api/v1/verify`, { method: "POST", headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(body) });
      const ok = await post({ participantNumber: p.participantNumber, lastName: p.lastName });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ active: true, validUntil: isoDate(p.expiresOn) });
      expect(ok.headers.get("cache-control")).toBe("no-store");
      expect(ok.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await (await post({ participantNumber: p.participantNumber, lastName: "Wrong" })).json()).toEqual({ active: false });
      expect((await post({ participantNumber: p.participantNumber, lastName: p.lastName }, null)).status).toBe(401);
      expect((await post({ lastName: "x" })).status).toBe(400);
      expect((await fetch(`${base}/api/v1/verify`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(405);
      expect((await fetch(`${base}/other`)).status).toBe(404);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
