import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationStatus, localMigrations } from "../../lib/db/migrations";
import { checkHealth } from "../../lib/health/check-health";
import { openTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe("the database module", () => {
  it("reaches the configured database through the chosen adapter", async () => {
    const [{ version }] = await t.db.$queryRaw<{ version: string }[]>`SELECT version()`;
    expect(version).toMatch(/PostgreSQL/);
    expect(t.kind).toBe(t.config.kind);
  });

  it("finds every committed migration applied, as prisma migrate deploy records it", async () => {
    const local = localMigrations();
    expect(local.length).toBeGreaterThan(0);
    const status = await migrationStatus(t.db);
    expect(status).toEqual({ pending: [], failed: [], unknown: [] });
    const rows = await t.db.$queryRaw<{ migration_name: string; checksum: string; applied_steps_count: number }[]>`
      SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(local);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/); // sha256 of migration.sql, as the native engine writes it
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("reports a migration the database has not applied as pending", async () => {
    const status = await migrationStatus(t.db, [...localMigrations(), "99990101000000_not_applied"]);
    expect(status.pending).toEqual(["99990101000000_not_applied"]);
  });

  it("refuses a bulk update or delete with an empty where", async () => {
    await expect(t.db.user.updateMany({ where: {}, data: { displayName: "x" } })).rejects.toThrow(/empty where/);
    await expect(t.db.participant.deleteMany({})).rejects.toThrow(/empty where/);
    await expect(t.db.participant.deleteMany({ where: { participantNumber: "0000000000" } })).resolves.toEqual({ count: 0 });
  });
});

describe("the health report", () => {
  it("is ok and current on a migrated database, with no personal data", async () => {
    const report = await checkHealth(t.db, t.kind);
    expect(report).toEqual({ status: "ok", database: t.kind, migrations: "current", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
