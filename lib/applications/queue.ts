import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { Actor } from "../auth/policy";
import { applicationScope } from "../auth/scopes";
import { AppError } from "../errors";

/** Applications waiting on the Secretary's office (3.A): everything submitted and not yet decided. */
export const OPEN_STATUSES = ["SUBMITTED", "UNDER_REVIEW", "AWAITING_DOCUMENTS", "PENDING_GC_APPROVAL"] as const;

/** Queue filters: codes, ids and numbers only, so they may sit in the URL (no personal data). */
export const queueFilterSchema = z.object({
  status: z.enum(OPEN_STATUSES).optional().catch(undefined),
  track: z.enum(["SURVIVOR", "HEALTH_CARE"]).optional().catch(undefined),
  organisationId: z.string().max(40).regex(/^[a-z0-9]*$/).optional().catch(undefined),
  olderThanDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  assigned: z.enum(["me", "nobody"]).optional().catch(undefined),
  sort: z.enum(["oldest", "newest"]).default("oldest").catch("oldest"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const QUEUE_PAGE_SIZE = 25;

export const queueSelect = {
  id: true,
  reference: true,
  track: true,
  status: true,
  submittedAt: true,
  applicantFirstName: true,
  applicantLastName: true,
  assignedToUserId: true,
  assistant: { select: { organisation: { select: { name: true } } } },
} as const;

/** The staff review queue: server-side filters, sort and pagination, inside the actor's row scope. */
export async function reviewQueue(db: Db, actor: Actor, f: QueueFilter, now = new Date()) {
  const where: Prisma.ApplicationWhereInput = {
    AND: [
      applicationScope(actor),
      { status: f.status ?? { in: [...OPEN_STATUSES] } },
      f.track ? { track: f.track } : {},
      f.organisationId ? { assistant: { organisationId: f.organisationId } } : {},
      f.olderThanDays ? { submittedAt: { lt: new Date(now.getTime() - f.olderThanDays * 86_400_000) } } : {},
      f.assigned === "me" ? { assignedToUserId: actor.id } : f.assigned === "nobody" ? { assignedToUserId: null } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.application.findMany({ where, select: queueSelect, orderBy: [{ submittedAt: f.sort === "oldest" ? "asc" : "desc" }, { id: "asc" }], skip: (f.page - 1) * QUEUE_PAGE_SIZE, take: QUEUE_PAGE_SIZE }),
    db.application.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}

/** Assign an open application to a staff member (or release it), recorded in the audit trail. */
export async function assignApplication(db: Db, actor: Actor & AuditActor & { id: string }, applicationId: string, assigneeId: string | null) {
  const app = await db.application.findFirst({ where: { AND: [applicationScope(actor), { id: applicationId }] }, select: { id: true, status: true } });
  if (!app) throw new AppError("NOT_FOUND", "AppErrors.applicationMissing");
  if (!(OPEN_STATUSES as readonly string[]).includes(app.status)) throw new AppError("CLOSED", "AppErrors.applicationClosed");
  if (assigneeId) {
    const u = await db.user.findUnique({ where: { id: assigneeId }, select: { role: true, status: true } });
    if (!u || u.status !== "ACTIVE" || !["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"].includes(u.role)) throw new AppError("ASSIGNEE_INVALID", "AppErrors.assigneeInvalid", "assigneeId");
  }
  await db.$transaction(async (tx) => {
    await tx.application.update({ where: { id: app.id }, data: { assignedToUserId: assigneeId } });
    await recordAudit(tx, actor, { action: "application.assigned", details: { assigned: !!assigneeId }, target: { type: "Application", id: app.id } });
  });
}
