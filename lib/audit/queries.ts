import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AUDIT_EVENTS } from "./events";

const ACTIONS = Object.keys(AUDIT_EVENTS) as [keyof typeof AUDIT_EVENTS, ...(keyof typeof AUDIT_EVENTS)[]];
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Audit filters: ids and dates only, so they may travel in a URL (no personal data). */
export const auditFilterSchema = z.object({
  action: z.enum(ACTIONS).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  actorId: z.string().max(40).regex(/^[a-z0-9]*$/).optional().catch(undefined),
  targetId: z.string().max(40).regex(/^[A-Za-z0-9_-]*$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Midnight at the start of a Massachusetts calendar day, as an instant (DST-aware). */
function startOfDay(iso: string, plusDays = 0): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d + plusDays, "America/New_York").getTime());
}

export function auditWhere(f: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.from || f.to
      ? { occurredAt: { ...(f.from ? { gte: startOfDay(f.from) } : {}), ...(f.to ? { lt: startOfDay(f.to, 1) } : {}) } }
      : {}),
  };
}

export const AUDIT_PAGE = 50;

export async function searchAudit(db: Db, f: AuditFilter) {
  const where = auditWhere(f);
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { id: "desc" }, skip: (f.page - 1) * AUDIT_PAGE, take: AUDIT_PAGE }),
    db.auditEvent.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE)) };
}

export { ACTIONS as AUDIT_ACTIONS };
