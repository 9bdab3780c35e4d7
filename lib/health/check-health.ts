import type { Db } from "../db/client";
import { migrationStatus } from "../db/migrations";
import packageJson from "../../package.json";

export interface HealthReport {
  status: "ok" | "error";
  database: "embedded" | "postgres";
  migrations: "current" | "pending" | "unknown";
  version: string;
}

/** For /api/health: no secrets, no personal data, no error text (it could name a host or a user). */
export async function checkHealth(db: Db, kind: HealthReport["database"]): Promise<HealthReport> {
  const base = { database: kind, version: packageJson.version };
  try {
    const s = await migrationStatus(db);
    const current = s.pending.length === 0 && s.failed.length === 0;
    return { status: current ? "ok" : "error", migrations: current ? "current" : "pending", ...base };
  } catch {
    return { status: "error", migrations: "unknown", ...base };
  }
}
