import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { logger } from "../logging/logger";

export const GENESIS_HASH = "0".repeat(64);

interface EventRow {
  id: bigint;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  purpose: string | null;
  reason: string | null;
  ip: string | null;
  details: unknown;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object" && !(v instanceof Date)) {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** sha256 over the previous link's hash and every stored field of the event, in a fixed form. */
export function linkHash(prevHash: string, e: EventRow): string {
  const body = JSON.stringify([
    e.id.toString(),
    e.occurredAt.toISOString(),
    e.actorId,
    e.actorRole,
    e.action,
    e.outcome,
    e.targetType,
    e.targetId,
    e.purpose,
    e.reason,
    e.ip,
    canonical(e.details ?? null),
  ]);
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

const BATCH = 500;

/**
 * Chain every event that has no link yet, oldest first. One writer at a time across processes
 * (a transaction-scoped advisory lock), so links never fork; requests never wait on it.
 */
export async function chainPending(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.$transaction(async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(72201901) AS locked`;
      if (!locked) return 0;
      const last = await tx.auditChain.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
      const events = await tx.auditEvent.findMany({ where: { chain: null }, orderBy: { id: "asc" }, take: BATCH });
      let prev = last?.hash ?? GENESIS_HASH;
      for (const e of events) {
        const hash = linkHash(prev, e);
        await tx.auditChain.create({ data: { eventId: e.id, prevHash: prev, hash } });
        prev = hash;
      }
      return events.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

let getDb: (() => Db) | null = null;
let scheduled = false;

/** The server registers its client once; then every audit write asks for chaining soon after. */
export function registerChainWriter(dbFactory: () => Db): void {
  getDb = dbFactory;
}

export function requestChaining(): void {
  if (!getDb || scheduled) return;
  scheduled = true;
  // After the current transaction has had the chance to commit.
  setTimeout(() => {
    scheduled = false;
    chainPending(getDb!()).catch((e) => logger.error({ err: { type: (e as Error).name } }, "audit chaining failed"));
  }, 50).unref?.();
}

export interface ChainProblem {
  seq: string;
  eventId: string;
  problem: "hash-mismatch" | "broken-link" | "event-missing";
}

/** Walk the chain in order and recompute every link; also count events left without one. */
export async function verifyAuditChain(db: Db): Promise<{ links: number; problems: ChainProblem[]; unchained: number }> {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  let links = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditChain.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: 1000,
      include: { event: true },
    });
    for (const r of rows) {
      links++;
      if (r.prevHash !== prev) problems.push({ seq: r.seq.toString(), eventId: r.eventId.toString(), problem: "broken-link" });
      if (!r.event) problems.push({ seq: r.seq.toString(), eventId: r.eventId.toString(), problem: "event-missing" });
      else if (linkHash(r.prevHash, r.event) !== r.hash) problems.push({ seq: r.seq.toString(), eventId: r.eventId.toString(), problem: "hash-mismatch" });
      prev = r.hash;
    }
    if (rows.length < 1000) break;
    cursor = rows[rows.length - 1].seq;
  }
  const unchained = await db.auditEvent.count({ where: { chain: null } });
  return { links, problems, unchained };
}
