import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revealProtectedField, type RevealContext } from "../../lib/participants/reveal-protected-field";
import { signInWithPassword } from "../../lib/auth/sign-in";
import { currentTotp } from "../../lib/auth/totp";
import type { Role } from "../../lib/db/generated/enums";
import { AppError } from "../../lib/errors";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { makeParticipantWithContacts, makeUser, TEST_PASSWORD } from "../support/people";

let t: TestDatabase;
let participantId: string;
const HOME = "88 Hidden Way, Springfield, MA 01103";

beforeAll(async () => {
  t = openTestDatabase();
  participantId = (await makeParticipantWithContacts(t.db, HOME)).id;
});
afterAll(async () => {
  await t.close();
});

async function ctxFor(role: Role, opts: { trained?: boolean; revealDesignated?: boolean; mfaAgoMs?: number } = {}): Promise<RevealContext & { secret: string }> {
  const u = await makeUser(t.db, role, opts);
  const r = await signInWithPassword(t.db, { email: u.email, password: TEST_PASSWORD, code: currentTotp(u.secret) }, "203.0.113.5");
  if (!r.ok) throw new Error(r.error);
  const mfaVerifiedAt = new Date(Date.now() - (opts.mfaAgoMs ?? 0));
  await t.db.session.update({ where: { id: r.sessionId }, data: { mfaVerifiedAt } });
  return {
    actor: { id: u.id, role, revealDesignated: opts.revealDesignated ?? false, ip: "203.0.113.5", trainingAcknowledgedOn: opts.trained === false ? null : new Date() },
    sessionId: r.sessionId,
    mfaVerifiedAt,
    secret: u.secret,
  };
}

const req = { field: "residence" as const, purpose: "MAIL_FORWARDING" as const, reason: "forwarding a certified letter" };

describe("reveal, not show (SEC-05, SEC-11)", () => {
  it("gives the PM the value, after committing an audit record with purpose and reason but not the value", async () => {
    const ctx = await ctxFor("PROGRAM_MANAGER");
    expect(await revealProtectedField(t.db, ctx, { ...req, participantId })).toEqual([HOME]);
    const ev = await t.db.auditEvent.findFirstOrThrow({ where: { actorId: ctx.actor.id, action: "protected.revealed" } });
    expect(ev).toMatchObject({ targetType: "Participant", targetId: participantId, purpose: "MAIL_FORWARDING", reason: "forwarding a certified letter", details: { field: "residence" } });
    expect(JSON.stringify({ ...ev, id: ev.id.toString() })).not.toContain("Hidden Way");
  });

  it("lets General Counsel and designated program staff reveal; refuses undesignated staff and every other role, with a record", async () => {
    expect(await revealProtectedField(t.db, await ctxFor("GENERAL_COUNSEL"), { ...req, participantId, field: "phone" })).toEqual(["617-555-0100"]);
    expect(await revealProtectedField(t.db, await ctxFor("PROGRAM_STAFF", { revealDesignated: true }), { ...req, participantId, field: "date-of-birth" })).toEqual(["1990-04-01"]);
    for (const role of ["PROGRAM_STAFF", "SYSTEM_ADMIN", "AGENCY_USER", "APPLICATION_ASSISTANT", "APPEALS_COMMITTEE"] as Role[]) {
      const ctx = await ctxFor(role);
      const err = await revealProtectedField(t.db, ctx, { ...req, participantId }).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe("FORBIDDEN");
      expect(await t.db.auditEvent.count({ where: { actorId: ctx.actor.id, action: "protected.reveal-refused", outcome: "DENIED" } })).toBe(1);
    }
  });

  it("asks for a fresh second factor after 5 minutes, and accepts the current code", async () => {
    const ctx = await ctxFor("PROGRAM_MANAGER", { mfaAgoMs: 6 * 60_000 });
    await expect(revealProtectedField(t.db, ctx, { ...req, participantId })).rejects.toMatchObject({ code: "MFA_STALE", field: "code" });
    await expect(revealProtectedField(t.db, ctx, { ...req, participantId, code: "123456" })).rejects.toMatchObject({ code: "MFA_WRONG" });
    // The code used to sign in is spent (no replay); the next step's code is accepted.
    await expect(revealProtectedField(t.db, ctx, { ...req, participantId, code: currentTotp(ctx.secret) })).rejects.toMatchObject({ code: "MFA_WRONG" });
    expect(await revealProtectedField(t.db, ctx, { ...req, participantId, code: currentTotp(ctx.secret, Date.now() + 30_000) })).toEqual([HOME]);
    expect(await t.db.auditEvent.count({ where: { actorId: ctx.actor.id, action: "auth.mfa-confirmed" } })).toBe(1);
  });

  it("locks the account and ends its sessions after 5 wrong codes", async () => {
    const ctx = await ctxFor("GENERAL_COUNSEL", { mfaAgoMs: 6 * 60_000 });
    for (let i = 0; i < 5; i++) await expect(revealProtectedField(t.db, ctx, { ...req, participantId, code: "000000" })).rejects.toMatchObject({ code: "MFA_WRONG" });
    await expect(revealProtectedField(t.db, ctx, { ...req, participantId, code: "000000" })).rejects.toMatchObject({ code: "LOCKED" });
    expect((await t.db.session.findUniqueOrThrow({ where: { id: ctx.sessionId } })).endedAt).not.toBeNull();
  });

  it("refuses while the yearly training acknowledgement is missing (SEC-13)", async () => {
    const ctx = await ctxFor("PROGRAM_MANAGER", { trained: false });
    await expect(revealProtectedField(t.db, ctx, { ...req, participantId })).rejects.toMatchObject({ code: "TRAINING_DUE" });
  });

  it("reveals nothing when the audit record cannot be written", async () => {
    const ctx = await ctxFor("PROGRAM_MANAGER");
    await t.db.$executeRawUnsafe(`CREATE FUNCTION acp_test_fail_reveal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END; $$`);
    await t.db.$executeRawUnsafe(`CREATE TRIGGER acp_test_fail_reveal BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW.action = 'protected.revealed') EXECUTE FUNCTION acp_test_fail_reveal()`);
    try {
      const err = await revealProtectedField(t.db, ctx, { ...req, participantId }).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe("AUDIT_FAILED");
      expect(err.message).not.toContain("Hidden Way");
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER acp_test_fail_reveal ON "AuditEvent"`);
      await t.db.$executeRawUnsafe(`DROP FUNCTION acp_test_fail_reveal()`);
    }
  });
});
