import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { calendarDate } from "../dates/calendar";
import { AppError } from "../errors";
import { normalizeParticipantNumber } from "../participants/participant-number";

/** Filters: codes, numbers and dates only (a participant number is not a name; staff pages only). */
export const disseminationFilterSchema = z.object({
  kind: z.enum(["VERIFICATION", "EXEMPTION_GRANT", "ADDRESS_RELEASE", "ADDRESS_REFUSAL"]).optional().catch(undefined),
  participantNumber: z.string().trim().max(20).optional().catch(undefined),
  organisationId: z.string().max(40).regex(/^[a-z0-9]*$/).optional().catch(undefined),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type DisseminationFilter = z.infer<typeof disseminationFilterSchema>;
export const LOG_PAGE_SIZE = 50;

async function whereOf(db: Db, f: DisseminationFilter): Promise<Prisma.DisseminationLogWhereInput> {
  let participantId: string | undefined;
  if (f.participantNumber) {
    const p = await db.participant.findUnique({ where: { participantNumber: normalizeParticipantNumber(f.participantNumber) }, select: { id: true } });
    participantId = p?.id ?? "none";
  }
  const at: Prisma.DateTimeFilter = {};
  try {
    if (f.from) at.gte = calendarDate(f.from);
    if (f.to) at.lt = new Date(calendarDate(f.to).getTime() + 86_400_000);
  } catch {
    // an impossible date is ignored, like any other bad filter
  }
  return { kind: f.kind, participantId, organisationId: f.organisationId || undefined, ...(at.gte || at.lt ? { at } : {}) };
}

const select = {
  id: true,
  at: true,
  kind: true,
  disclosed: true,
  recipientName: true,
  recipientOrganisation: true,
  reason: true,
  legalRoute: true,
  participantId: true,
} as const;

/** SEC-10: the dissemination log for staff, newest first, with the participant's number (never a name). */
export async function searchDisseminationLog(db: Db, actor: AuditActor, f: DisseminationFilter) {
  const where = await whereOf(db, f);
  const [rows, total] = await Promise.all([
    db.disseminationLog.findMany({ where, select, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (f.page - 1) * LOG_PAGE_SIZE, take: LOG_PAGE_SIZE }),
    db.disseminationLog.count({ where }),
  ]);
  const numbers = await participantNumbers(db, rows.map((r) => r.participantId));
  await recordAudit(db, actor, { action: "dissemination.searched", details: { resultCount: total } });
  return { rows: rows.map((r) => ({ ...r, id: r.id.toString(), participantNumber: r.participantId ? (numbers.get(r.participantId) ?? "") : "" })), total, pages: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)) };
}

async function participantNumbers(db: Db, ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  const ps = list.length ? await db.participant.findMany({ where: { id: { in: list } }, select: { id: true, participantNumber: true } }) : [];
  return new Map(ps.map((p) => [p.id, p.participantNumber]));
}

/** The CSV export (audited); at most 100,000 rows per file. */
export async function exportDisseminationLog(db: Db, actor: AuditActor, f: DisseminationFilter) {
  const where = await whereOf(db, f);
  const rows = await db.disseminationLog.findMany({ where, select, orderBy: [{ at: "desc" }, { id: "desc" }], take: 100_000 });
  const numbers = await participantNumbers(db, rows.map((r) => r.participantId));
  await recordAudit(db, actor, { action: "dissemination.exported", details: { rows: rows.length } });
  return rows.map((r) => [r.at, r.kind, r.participantId ? (numbers.get(r.participantId) ?? "") : "", r.disclosed, r.recipientName, r.recipientOrganisation ?? "", r.reason ?? "", r.legalRoute]);
}

/** Open alerts, each with who raised it: the agency, and the user's name or the key's label. */
export async function openAlerts(db: Db) {
  const alerts = await db.staffAlert.findMany({ where: { acknowledgedAt: null }, orderBy: { createdAt: "desc" }, take: 50 });
  const ids = (k: "organisationId" | "userId" | "apiKeyId") => [...new Set(alerts.map((a) => a[k]).filter((x): x is string => !!x))];
  const [orgs, users, keys] = await Promise.all([
    db.organisation.findMany({ where: { id: { in: ids("organisationId") } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids("userId") } }, select: { id: true, displayName: true } }),
    db.agencyApiKey.findMany({ where: { id: { in: ids("apiKeyId") } }, select: { id: true, label: true } }),
  ]);
  const name = <T extends { id: string }>(rows: T[], id: string | null, f: (r: T) => string) => (id ? rows.find((r) => r.id === id) : undefined) ? f(rows.find((r) => r.id === id)!) : null;
  return alerts.map((a) => ({
    ...a,
    who: [name(users, a.userId, (u) => u.displayName), name(keys, a.apiKeyId, (k) => `API key "${k.label}"`), name(orgs, a.organisationId, (o) => o.name)].filter(Boolean).join(", "),
  }));
}

export async function acknowledgeAlert(db: Db, actor: AuditActor & { id: string }, alertId: string) {
  await db.$transaction(async (tx) => {
    const r = await tx.staffAlert.updateMany({ where: { id: alertId, acknowledgedAt: null }, data: { acknowledgedAt: new Date(), acknowledgedById: actor.id } });
    if (r.count !== 1) throw new AppError("NOT_FOUND", "AppErrors.notFound");
    await recordAudit(tx, actor, { action: "alert.acknowledged", details: {}, target: { type: "StaffAlert", id: alertId } });
  });
}
