import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, EnvError } from "../env";

/**
 * Secrets for evaluation and development, made on first use and kept in `<data folder>/secrets.json`
 * (mode 0600) so they survive restarts. A production deployment (ACP_ENV=production) must set them
 * in the environment instead: there this refuses, naming the variable.
 */
export function localSecret(name: "ACP_MASTER_KEYS" | "NEXTAUTH_SECRET", make: () => string): string {
  const e = env();
  if (e.ACP_ENV === "production") throw new EnvError(`${name} must be set when ACP_ENV=production.`);
  const dir = e.database.kind === "embedded" ? e.database.dataDir : path.resolve(/*turbopackIgnore: true*/ process.env.ACP_DATA_DIR || ".data");
  const file = path.join(dir, "secrets.json");
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  if (!stored[name]) {
    stored[name] = make();
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(stored, null, 2), { mode: 0o600 });
    renameSync(tmp, file);
  }
  return stored[name];
}

export const newMasterKeys = () => `local1:${randomBytes(32).toString("base64")}`;
export const newSessionSecret = () => randomBytes(32).toString("base64");
