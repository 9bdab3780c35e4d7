import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "../../lib/auth/sign-in";
import { checkSession, revokeAllSessions } from "../../lib/auth/sessions";
import { currentTotp, hashRecoveryCode } from "../../lib/auth/totp";
import { ACCOUNT_FAILURE_LIMIT } from "../../lib/auth/throttle";
import { disableIdleAccounts, inviteUser, setPasswordWithToken, updateUser } from "../../lib/accounts/manage-users";
import { AppError } from "../../lib/errors";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { makeUser, TEST_PASSWORD } from "../support/people";

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const ip = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("sign-in (SEC-02, SEC-03)", () => {
  it("gives the same answer for an unknown address and a wrong password, and records both with the IP", async () => {
    const u = await makeUser(t.db, "PROGRAM_STAFF");
    const addr = ip();
    const wrong = await signInWithPassword(t.db, { email: u.email, password: "not the password" }, addr);
    const unknown = await signInWithPassword(t.db, { email: `nobody-${u.id}@example.org`, password: "not the password" }, addr);
    expect(wrong).toEqual({ ok: false, error: "INVALID" });
    expect(unknown).toEqual({ ok: false, error: "INVALID" });
    const events = await t.db.auditEvent.findMany({ where: { action: "auth.sign-in-failed", actorId: u.id } });
    expect(events).toHaveLength(1);
    expect(events[0].ip).toBe(addr); // staff: the whole address, for the remote-access log
    expect(events[0].details).toEqual({ reason: "bad-credentials" });
  });

  it("asks for the second factor, refuses a wrong code, then signs in and records it", async () => {
    const u = await makeUser(t.db, "PROGRAM_MANAGER");
    expect(await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD }, ip())).toEqual({ ok: false, error: "MFA_REQUIRED" });
    expect(await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD, code: "000000" }, ip())).toEqual({ ok: false, error: "MFA_INVALID" });
    const ok = await signInWithPassword(t.db, { email: u.email.toUpperCase(), password: TEST_PASSWORD, code: currentTotp(u.secret) }, ip());
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const session = await t.db.session.findUniqueOrThrow({ where: { id: ok.sessionId } });
    expect(session.mfaVerifiedAt).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "auth.sign-in", actorId: u.id } })).toBe(1);
  });

  it("never accepts the same authenticator code twice", async () => {
    const u = await makeUser(t.db, "PROGRAM_STAFF");
    const code = currentTotp(u.secret);
    expect((await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD, code }, ip())).ok).toBe(true);
    expect(await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD, code }, ip())).toEqual({ ok: false, error: "MFA_INVALID" });
  });

  it("counts parallel guesses: a burst cannot get past the lockout", async () => {
    const u = await makeUser(t.db, "PROGRAM_STAFF");
    const results = await Promise.all(Array.from({ length: 8 }, () => signInWithPassword(t.db, { email: u.email, password: "guess guess guess" }, ip())));
    expect(results.filter((r) => !r.ok && r.error === "LOCKED").length).toBeGreaterThanOrEqual(3);
    expect(await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD, code: currentTotp(u.secret) }, ip())).toEqual({ ok: false, error: "LOCKED" });
  });

  it("accepts each recovery code once", async () => {
    const u = await makeUser(t.db, "AGENCY_USER");
    await t.db.mfaRecoveryCode.create({ data: { userId: u.id, codeHash: hashRecoveryCode("AAAA-BBBB-CCCC") } });
    expect((await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD, code: "aaaa-bbbb-cccc" }, ip())).ok).toBe(true);
    expect(await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD, code: "AAAA-BBBB-CCCC" }, ip())).toEqual({ ok: false, error: "MFA_INVALID" });
  });

  it("locks an account after 5 failures, even with the right password then, and an unknown address the same way", async () => {
    const u = await makeUser(t.db, "PARTICIPANT");
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await signInWithPassword(t.db, { email: u.email, password: "wrong password" }, ip());
    expect(await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD }, ip())).toEqual({ ok: false, error: "LOCKED" });
    const ghost = `ghost-${u.id}@example.org`;
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await signInWithPassword(t.db, { email: ghost, password: "wrong password" }, ip());
    expect(await signInWithPassword(t.db, { email: ghost, password: "wrong password" }, ip())).toEqual({ ok: false, error: "LOCKED" });
    // A participant's address is stored shortened (SEC-28).
    const ev = await t.db.auditEvent.findFirstOrThrow({ where: { actorId: u.id, action: "auth.sign-in-failed" } });
    expect(ev.ip).toMatch(/\.0$/);
  });

  it("refuses a deactivated account with the same answer", async () => {
    const u = await makeUser(t.db, "HEALTH_CARE_APPLICANT");
    await t.db.user.update({ where: { id: u.id }, data: { status: "DEACTIVATED" } });
    expect(await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD }, ip())).toEqual({ ok: false, error: "INVALID" });
  });
});

describe("sessions end at once (issue 4 §2)", () => {
  async function signedIn(role: "PROGRAM_STAFF" | "PARTICIPANT") {
    const u = await makeUser(t.db, role);
    const r = await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD, code: role === "PARTICIPANT" ? undefined : currentTotp(u.secret) }, ip());
    if (!r.ok) throw new Error(r.error);
    return { u, sid: r.sessionId };
  }

  it("are live until the user is deactivated, then refused on the next request", async () => {
    const { u, sid } = await signedIn("PROGRAM_STAFF");
    expect("live" in (await checkSession(t.db, sid, u.id))).toBe(true);
    const admin = await makeUser(t.db, "SYSTEM_ADMIN");
    await updateUser(t.db, { id: admin.id, role: "SYSTEM_ADMIN", ip: null }, u.id, { op: "deactivate" });
    expect(await checkSession(t.db, sid, u.id)).toEqual({ ended: "revoked" });
  });

  it("end on a role change and on sign out everywhere", async () => {
    const a = await signedIn("PROGRAM_STAFF");
    const admin = await makeUser(t.db, "SYSTEM_ADMIN");
    await updateUser(t.db, { id: admin.id, role: "SYSTEM_ADMIN", ip: null }, a.u.id, { op: "change-role", role: "APPEALS_COMMITTEE" });
    expect("ended" in (await checkSession(t.db, a.sid, a.u.id))).toBe(true);
    const b = await signedIn("PROGRAM_STAFF");
    await revokeAllSessions(t.db, b.u.id);
    expect("ended" in (await checkSession(t.db, b.sid, b.u.id))).toBe(true);
  });

  it("end after 15 idle minutes for staff, not for participants, and after 12 hours for everyone", async () => {
    const staff = await signedIn("PROGRAM_STAFF");
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await checkSession(t.db, staff.sid, staff.u.id, later)).toEqual({ ended: "idle" });
    expect(await t.db.auditEvent.count({ where: { actorId: staff.u.id, action: "auth.session-ended" } })).toBe(1);
    const p = await signedIn("PARTICIPANT");
    expect("live" in (await checkSession(t.db, p.sid, p.u.id, later))).toBe(true);
    expect(await checkSession(t.db, p.sid, p.u.id, new Date(Date.now() + 13 * 3600_000))).toEqual({ ended: "absolute" });
  });

  it("refuse a session id presented for another user", async () => {
    const a = await signedIn("PARTICIPANT");
    expect(await checkSession(t.db, a.sid, "someone-else")).toEqual({ ended: "unknown" });
  });
});

describe("account administration (issue 4 §7)", () => {
  it("invites by e-mail through the outbox, in the same transaction, with a single-use link", async () => {
    const admin = await makeUser(t.db, "SYSTEM_ADMIN");
    const org = await t.db.organisation.create({ data: { name: `Org ${admin.id}`, kind: "STATE_AGENCY" } });
    const user = await inviteUser(t.db, { id: admin.id, role: "SYSTEM_ADMIN", ip: null }, { email: `New.Clerk.${admin.id}@Example.org`, displayName: "New Clerk", role: "AGENCY_USER", organisationId: org.id });
    expect(user.email).toBe(`new.clerk.${admin.id}@example.org`);
    expect(user.passwordHash).toBeNull();
    const mail = await t.db.outboxMessage.findFirstOrThrow({ where: { recipient: user.email } });
    expect(mail.template).toBe("invite");
    const token = new URL(mail.link!).searchParams.get("token")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await setPasswordWithToken(t.db, token, "a long and memorable passphrase", null);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(/^\$2/);
    await expect(setPasswordWithToken(t.db, token, "another long passphrase", null)).rejects.toThrow(AppError);
    expect(await t.db.auditEvent.count({ where: { targetId: user.id, action: "account.invited" } })).toBe(1);
  });

  it("refuses a second account for the same address, naming the field", async () => {
    const admin = await makeUser(t.db, "SYSTEM_ADMIN");
    const err = await inviteUser(t.db, { id: admin.id, role: "SYSTEM_ADMIN", ip: null }, { email: admin.email, displayName: "Dup", role: "PROGRAM_STAFF", organisationId: null }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.field).toBe("email");
  });

  it("refuses an AA or agency account without an organisation, and writes nothing", async () => {
    const admin = await makeUser(t.db, "SYSTEM_ADMIN");
    const email = `orphan-${admin.id}@example.org`;
    await expect(inviteUser(t.db, { id: admin.id, role: "SYSTEM_ADMIN", ip: null }, { email, displayName: "Orphan", role: "AGENCY_USER", organisationId: null })).rejects.toMatchObject({ code: "ORG_REQUIRED", field: "organisationId" });
    expect(await t.db.user.count({ where: { email } })).toBe(0);
  });

  it("disables staff accounts idle for 45 days, not participants'", async () => {
    const staff = await makeUser(t.db, "PROGRAM_STAFF");
    const participant = await makeUser(t.db, "PARTICIPANT");
    const old = new Date(Date.now() - 46 * 24 * 3600_000);
    await t.db.user.updateMany({ where: { id: { in: [staff.id, participant.id] } }, data: { lastActiveAt: old } });
    await disableIdleAccounts(t.db);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: staff.id } })).status).toBe("DEACTIVATED");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe("ACTIVE");
  });
});

describe("password reset by an administrator", () => {
  it("mails a one-hour, single-use link that sets a new password and ends other sessions", async () => {
    const admin = await makeUser(t.db, "SYSTEM_ADMIN");
    const u = await makeUser(t.db, "AGENCY_USER");
    await updateUser(t.db, { id: admin.id, role: "SYSTEM_ADMIN", ip: null }, u.id, { op: "send-reset" });
    const mail = await t.db.outboxMessage.findFirstOrThrow({ where: { recipient: u.email, template: "password-reset" } });
    const token = new URL(mail.link!).searchParams.get("token")!;
    const row = await t.db.accountToken.findFirstOrThrow({ where: { userId: u.id, purpose: "PASSWORD_RESET" } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(3600_000 + 5_000);
    const before = (await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion;
    await setPasswordWithToken(t.db, token, "a brand new long passphrase", null);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion).toBe(before + 1);
    expect((await signInWithPassword(t.db, { email: u.email, password: "a brand new long passphrase", code: currentTotp(u.secret) }, ip())).ok).toBe(true);
  });
});

describe("deactivation spends what reactivation must not hand back", () => {
  it("clears the reveal designation and spends unused links", async () => {
    const admin = await makeUser(t.db, "SYSTEM_ADMIN");
    const staff = await makeUser(t.db, "PROGRAM_STAFF", { revealDesignated: true });
    const actor = { id: admin.id, role: "SYSTEM_ADMIN" as const, ip: null };
    await updateUser(t.db, actor, staff.id, { op: "send-reset" });
    const mail = await t.db.outboxMessage.findFirstOrThrow({ where: { recipient: staff.email, template: "password-reset" } });
    await updateUser(t.db, actor, staff.id, { op: "deactivate" });
    await updateUser(t.db, actor, staff.id, { op: "reactivate" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: staff.id } })).revealDesignated).toBe(false);
    await expect(setPasswordWithToken(t.db, new URL(mail.link!).searchParams.get("token")!, "a brand new long passphrase", null)).rejects.toThrow(AppError);
  });

  it("lets only the Program Manager give the roles that can reveal", async () => {
    const admin = await makeUser(t.db, "SYSTEM_ADMIN");
    const pm = await makeUser(t.db, "PROGRAM_MANAGER");
    const staff = await makeUser(t.db, "PROGRAM_STAFF");
    await expect(updateUser(t.db, { id: admin.id, role: "SYSTEM_ADMIN", ip: null }, staff.id, { op: "change-role", role: "GENERAL_COUNSEL" })).rejects.toMatchObject({ code: "REVEALING_ROLE" });
    await expect(inviteUser(t.db, { id: admin.id, role: "SYSTEM_ADMIN", ip: null }, { email: `gc-${staff.id}@example.org`, displayName: "GC", role: "GENERAL_COUNSEL", organisationId: null })).rejects.toMatchObject({ code: "REVEALING_ROLE" });
    await updateUser(t.db, { id: pm.id, role: "PROGRAM_MANAGER", ip: null }, staff.id, { op: "change-role", role: "GENERAL_COUNSEL" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: staff.id } })).role).toBe("GENERAL_COUNSEL");
  });
});
