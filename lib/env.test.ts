import { describe, expect, it } from "vitest";
import { parseEnv, EnvError } from "./env";
import { describeDatabase, resolveDatabaseConfig } from "./db/config";
import path from "node:path";

const env = (v: Record<string, string>) => v;

describe("environment", () => {
  it("has safe defaults", () => {
    const e = parseEnv(env({}));
    expect(e.ACP_ENV).toBe("development");
    expect(e.PORT).toBe(3000);
    expect(e.ACP_AUTO_MIGRATE).toBe(false);
    expect(e.database).toMatchObject({ kind: "embedded", dataDir: path.resolve(".data") });
  });

  it("names the bad variable and the value in one line", () => {
    expect(() => parseEnv(env({ PORT: "eighty" }))).toThrow(EnvError);
    expect(() => parseEnv(env({ PORT: "eighty" }))).toThrow(/^PORT is not valid: .*\(got "eighty"\)\.$/);
    expect(() => parseEnv(env({ ACP_AUTO_MIGRATE: "yes" }))).toThrow(/^ACP_AUTO_MIGRATE is not valid/);
    expect(() => parseEnv(env({ ACP_QUICK_EXIT_URL: "javascript:alert(1)" }))).toThrow(/^ACP_QUICK_EXIT_URL is not valid/);
    expect(() => parseEnv(env({ DATABASE_URL: "sqlite:x.db" }))).toThrow(/DATABASE_URL must start with/);
  });
});

describe("database location", () => {
  it("uses ACP_DATA_DIR or pglite:<dir> for the embedded database, the same way", () => {
    const a = resolveDatabaseConfig(env({ ACP_DATA_DIR: "/srv/acp" }));
    const b = resolveDatabaseConfig(env({ DATABASE_URL: "pglite:/srv/acp" }));
    expect(a).toEqual(b);
    expect(a).toEqual({ kind: "embedded", dataDir: "/srv/acp", pgliteDir: "/srv/acp/pglite", lockFile: "/srv/acp/pglite.lock", engineUrl: "pglite:/srv/acp/pglite" });
  });

  it("uses a PostgreSQL server for postgres:// and postgresql:// URLs, and never prints the password", () => {
    for (const url of ["postgres://acp:s3cret@db.internal:6543/acp", "postgresql://acp:s3cret@db.internal:6543/acp"]) {
      const c = resolveDatabaseConfig(env({ DATABASE_URL: url }));
      expect(c.kind).toBe("postgres");
      expect(describeDatabase(c)).toBe("PostgreSQL at db.internal:6543/acp");
    }
  });
});

describe("secrets in errors", () => {
  it("never echoes a secret's value", () => {
    for (const name of ["ACP_MASTER_KEYS", "NEXTAUTH_SECRET"]) {
      const value = name === "NEXTAUTH_SECRET" ? "short-secret-value" : "k1:not-base64!!";
      let message = "";
      try {
        parseEnv({ [name]: value });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(new RegExp(`^${name} is not valid`));
      expect(message).not.toContain(value);
    }
  });
});
