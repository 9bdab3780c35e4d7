import type { Db } from "../db/client";
import { recordAudit, type AuditActor } from "./record-audit";
import { auditFilterSchema, auditWhere, type AuditFilter } from "./queries";
import { AppError } from "../errors";
import { toCsv, watermark } from "../exports/csv";

type Actor = AuditActor & { id: string; displayName: string; role: string };

/**
 * SEC-08 / U-14: an export of the audit trail is a bulk export of personal data. It needs a second
 * approver, or the requester's own recorded reason (the program has two staff).
 */
export async function requestAuditExport(db: Db, actor: Actor, filters: AuditFilter, overrideReason?: string) {
  return db.$transaction(async (tx) => {
    const req = await tx.exportRequest.create({
      data: {
        kind: "audit",
        filters: { ...filters, page: 1 },
        requestedById: actor.id,
        ...(overrideReason ? { approvedById: actor.id, approvedAt: new Date(), overrideReason } : {}),
      },
    });
    await recordAudit(tx, actor, { action: "export.requested", details: { exportId: req.id, kind: "audit" } });
    if (overrideReason) await recordAudit(tx, actor, { action: "export.approved", details: { exportId: req.id, override: true }, reason: overrideReason });
    return req;
  });
}

export async function approveExport(db: Db, actor: Actor, exportId: string) {
  const req = await db.exportRequest.findUnique({ where: { id: exportId } });
  if (!req) throw new AppError("NOT_FOUND", "AppErrors.notFound2");
  if (req.requestedById === actor.id) throw new AppError("OWN_REQUEST", "AppErrors.ownRequest");
  await db.$transaction(async (tx) => {
    // Checked again in the write itself: two approvers at once, or one's own request, cannot slip through.
    const r = await tx.exportRequest.updateMany({ where: { id: exportId, approvedAt: null, requestedById: { not: actor.id } }, data: { approvedById: actor.id, approvedAt: new Date() } });
    if (r.count !== 1) throw new AppError("ALREADY", "AppErrors.already");
    await recordAudit(tx, actor, { action: "export.approved", details: { exportId, override: false } });
  });
}

/** The approved file, once, for the person who asked; watermarked and itself audited. */
export async function downloadAuditExport(db: Db, actor: Actor, exportId: string, now = new Date()): Promise<string> {
  const req = await db.exportRequest.findUnique({ where: { id: exportId } });
  if (!req || req.requestedById !== actor.id || req.kind !== "audit") throw new AppError("NOT_FOUND", "AppErrors.notFound3");
  if (!req.approvedAt) throw new AppError("NOT_APPROVED", "AppErrors.notApproved");
  if (req.downloadedAt) throw new AppError("DOWNLOADED", "AppErrors.downloaded");
  const filters = auditFilterSchema.parse(req.filters);
  const rows = await db.auditEvent.findMany({ where: auditWhere(filters), orderBy: { id: "asc" }, take: 100_000 });
  await db.$transaction(async (tx) => {
    const claimed = await tx.exportRequest.updateMany({ where: { id: exportId, downloadedAt: null }, data: { downloadedAt: now } });
    if (claimed.count !== 1) throw new AppError("DOWNLOADED", "AppErrors.downloaded");
    await recordAudit(tx, actor, { action: "audit.exported", details: { rows: rows.length, exportId } });
  });
  return (
    watermark(actor, now) +
    toCsv(
      ["id", "occurred_at", "actor_id", "actor_role", "action", "outcome", "target_type", "target_id", "purpose", "reason", "ip", "details"],
      rows.map((r) => [r.id.toString(), r.occurredAt, r.actorId, r.actorRole, r.action, r.outcome, r.targetType, r.targetId, r.purpose, r.reason, r.ip, JSON.stringify(r.details ?? {})]),
    )
  );
}
