import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { plantCanary, seedDemo } from "../../prisma/seed";
import { openTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

function pgDump(url: string): string {
  const candidates = ["pg_dump", ...(existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`) : [])];
  for (const bin of candidates) {
    const r = spawnSync(bin, ["--no-owner", "--inserts", url], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
    if (r.status === 0) return r.stdout;
  }
  throw new Error("pg_dump is not available");
}

/** Every row of every table as text: the embedded database's equivalent of a plain dump. */
async function logicalDump(): Promise<string> {
  const tables = await t.db.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await t.db.$queryRawUnsafe<{ r: string }[]>(`SELECT t::text AS r FROM "${name}" t`);
    parts.push(...rows.map((x) => x.r));
  }
  return parts.join("\n");
}

describe("protected fields at rest (issue 4 §5)", () => {
  it("leave no seeded address, phone or canary in a plain dump of the database", async () => {
    const canary = `CANARY${randomBytes(6).toString("hex")}`;
    if ((await t.db.participant.count({ where: { contacts: { some: {} } } })) === 0) await seedDemo(t.db, { canary });
    else await plantCanary(t.db, canary);
    const target = inject("testDatabase");
    const dump = target.kind === "postgres" ? pgDump(target.url) : await logicalDump();
    expect(dump.length).toBeGreaterThan(10_000);
    for (const needle of [canary, "Example Lane", "Sample Street", "617-555-01", "Worcester, MA"]) {
      expect(dump.includes(needle), `${needle} found in the dump`).toBe(false);
    }
    // What is there is ciphertext in our format.
    expect(dump).toMatch(/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}/);
  });
});
