import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainPending, verifyAuditChain } from "../../lib/audit/chain";
import { recordAudit } from "../../lib/audit/record-audit";
import { openTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const actor = { id: "auditor-test", role: "PROGRAM_MANAGER" as const, ip: "203.0.113.9" };

async function write(n: number) {
  const ids: bigint[] = [];
  for (let i = 0; i < n; i++) ids.push(await recordAudit(t.db, actor, { action: "participant.viewed", details: {}, target: { type: "Participant", id: `p${i}` } }));
  return ids;
}

describe("the audit trail (SEC-11)", () => {
  it("accepts only the closed list of events, each with its own details", async () => {
    // @ts-expect-error an unknown event cannot even be written in code
    await expect(recordAudit(t.db, actor, { action: "made.up", details: {} })).rejects.toThrow();
    await expect(recordAudit(t.db, actor, { action: "protected.revealed", details: { field: "favourite-colour" as "residence" } })).rejects.toThrow();
  });

  it("is chained in order by one writer; verify recomputes every link", async () => {
    await write(5);
    expect(await chainPending(t.db)).toBeGreaterThanOrEqual(5);
    expect(await t.db.auditEvent.count({ where: { chain: null } })).toBe(0);
    const r = await verifyAuditChain(t.db);
    expect(r.problems).toEqual([]);
    expect(r.unchained).toBe(0);
    expect(r.links).toBe(await t.db.auditEvent.count());
  });

  it("refuses UPDATE, DELETE and TRUNCATE, whoever asks (trigger)", async () => {
    const [id] = await write(1);
    await expect(t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET reason = 'edited' WHERE id = ${id}`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = ${id}`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE "AuditChain"`)).rejects.toThrow(/append-only/);
    await expect(t.db.auditEvent.delete({ where: { id } })).rejects.toThrow();
  });

  it("detects a row changed by a superuser who switched the trigger off, and a removed link", async () => {
    const ids = await write(3);
    await chainPending(t.db);
    const victim = ids[1];
    const original = await t.db.auditEvent.findUniqueOrThrow({ where: { id: victim } });
    // Tamper as a superuser would, then put everything back so the shared database stays intact.
    await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    try {
      await t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "targetId" = 'someone-else' WHERE id = ${victim}`);
      const r = await verifyAuditChain(t.db);
      expect(r.problems).toContainEqual(expect.objectContaining({ eventId: victim.toString(), problem: "hash-mismatch" }));
      await t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "targetId" = '${original.targetId}' WHERE id = ${victim}`);
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    }
    expect((await verifyAuditChain(t.db)).problems).toEqual([]);

    const link = await t.db.auditChain.findUniqueOrThrow({ where: { eventId: victim } });
    await t.db.$executeRawUnsafe(`ALTER TABLE "AuditChain" DISABLE TRIGGER "AuditChain_append_only"`);
    try {
      await t.db.$executeRawUnsafe(`DELETE FROM "AuditChain" WHERE seq = ${link.seq}`);
      const r = await verifyAuditChain(t.db);
      expect(r.problems.map((p) => p.problem)).toContain("broken-link");
      expect(r.unchained).toBe(1);
      await t.db.$executeRawUnsafe(
        `INSERT INTO "AuditChain" (seq, "eventId", "prevHash", hash, "chainedAt") VALUES (${link.seq}, ${link.eventId}, '${link.prevHash}', '${link.hash}', now())`,
      );
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "AuditChain" ENABLE TRIGGER "AuditChain_append_only"`);
    }
    expect((await verifyAuditChain(t.db)).problems).toEqual([]);
  });
});
