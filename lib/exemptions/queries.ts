import type { Db } from "../db/client";
import type { ExemptionStatus, Prisma } from "../db/generated/client";
import { addCalendarDays, todayInMassachusetts } from "../dates/calendar";
import { exemptionScope, participantScope } from "../auth/scopes";
import type { QueueFilter } from "./schema";
import { AWAITING_DECISION, DECISION_TARGET_DAYS, INTERIM_STATUSES } from "./status";
import type { ExemptionActor } from "./transition";

// Named selects (STYLE.md §4). A request holds the agency's own text, never participant data; the
// participants reported under a grant are read only by the staff notices list.

export const exemptionListSelect = {
  id: true,
  reference: true,
  status: true,
  recordSeries: true,
  submittedAt: true,
  decidedAt: true,
  termEndsOn: true,
  purgeOn: true,
  organisation: { select: { name: true } },
} as const satisfies Prisma.ExemptionRequestSelect;

export const exemptionDetailSelect = {
  id: true,
  reference: true,
  status: true,
  organisationId: true,
  submittedById: true,
  statuteOrRule: true,
  recordSeries: true,
  namedIndividuals: true,
  whyProceduresInsufficient: true,
  confidentialityMeasures: true,
  agencyHeadName: true,
  agencyHeadTitle: true,
  agencyHeadCertifiedAt: true,
  submittedAt: true,
  findingBonaFideNeed: true,
  findingUseLimited: true,
  findings: true,
  reasons: true,
  confidentialityDuties: true,
  useAndAccessLimits: true,
  termEndsOn: true,
  recordFormat: true,
  purgeOn: true,
  decidedAt: true,
  decidedById: true,
  appealedFrom: true,
  appealReasons: true,
  appealOutcome: true,
  appealDecidedAt: true,
  appealDecidedById: true,
  revokedReason: true,
  organisation: { select: { name: true } },
  events: { select: { id: true, fromStatus: true, toStatus: true, note: true, actorId: true, actorRole: true, at: true }, orderBy: [{ at: "asc" }, { id: "asc" }] },
  attachments: { select: { id: true, mediaType: true, sizeBytes: true, scanStatus: true, uploadedAt: true }, orderBy: { uploadedAt: "asc" } },
} as const satisfies Prisma.ExemptionRequestSelect;

export type ExemptionDetail = Prisma.ExemptionRequestGetPayload<{ select: typeof exemptionDetailSelect }>;

/** The agency's own requests, newest first. */
export function agencyRequests(db: Db, actor: ExemptionActor) {
  return db.exemptionRequest.findMany({ where: exemptionScope(actor), select: exemptionListSelect, orderBy: [{ submittedAt: "desc" }, { id: "asc" }] });
}

/** One request through the actor's scope, or null (another agency's request is "not found"). */
export function exemptionRequest(db: Db, actor: ExemptionActor, id: string) {
  return db.exemptionRequest.findFirst({ where: { AND: [exemptionScope(actor), { id }] }, select: exemptionDetailSelect });
}

/** The names of the staff and agency users in a request's history (staff pages only). */
export async function actorNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** Whole days from one instant to another. */
export const daysBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));

export const QUEUE_PAGE_SIZE = 25;

/**
 * The staff queue: open requests by default (awaiting a decision or a reconsideration), oldest first,
 * with the days open and the 30-day internal target of U-9 flagged.
 */
export async function exemptionQueue(db: Db, actor: ExemptionActor, f: QueueFilter, now = new Date()) {
  const where: Prisma.ExemptionRequestWhereInput = { AND: [exemptionScope(actor), { status: f.status ?? { in: [...INTERIM_STATUSES] } }] };
  const [rows, total] = await Promise.all([
    db.exemptionRequest.findMany({ where, select: exemptionListSelect, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], skip: (f.page - 1) * QUEUE_PAGE_SIZE, take: QUEUE_PAGE_SIZE }),
    db.exemptionRequest.count({ where }),
  ]);
  return {
    rows: rows.map((r) => {
      const open = daysBetween(r.submittedAt, r.decidedAt ?? now);
      return { ...r, daysOpen: open, overTarget: AWAITING_DECISION.includes(r.status) && open > DECISION_TARGET_DAYS };
    }),
    total,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
  };
}

/** Reminders come this many days before a term ends or a purge date falls. */
export const REMINDER_DAYS = 30;

export type ReminderState = "overdue" | "due" | null;

function reminder(date: Date | null, today: Date): ReminderState {
  if (!date) return null;
  if (date < today) return "overdue";
  return date <= addCalendarDays(today, REMINDER_DAYS) ? "due" : null;
}

/**
 * The grants register (rules §5 items 4 and 6): grants in force with their term end and purge date,
 * and grants that have ended whose purge date is near or past, each flagged when due within 30 days
 * or overdue. A term that has passed but not yet expired (the job runs daily) shows as overdue.
 */
export async function grantsRegister(db: Db, actor: ExemptionActor, now = new Date()) {
  const today = todayInMassachusetts(now);
  const soon = addCalendarDays(today, REMINDER_DAYS);
  const [active, ended] = await Promise.all([
    db.exemptionRequest.findMany({ where: { AND: [exemptionScope(actor), { status: "GRANTED" }] }, select: exemptionListSelect, orderBy: [{ termEndsOn: "asc" }, { id: "asc" }] }),
    db.exemptionRequest.findMany({
      where: { AND: [exemptionScope(actor), { status: { in: ["EXPIRED", "REVOKED", "APPEALED"] satisfies ExemptionStatus[] }, purgeOn: { lte: soon, gte: addCalendarDays(today, -365) } }] },
      select: exemptionListSelect,
      orderBy: [{ purgeOn: "asc" }, { id: "asc" }],
    }),
  ]);
  const withReminders = <T extends { termEndsOn: Date | null; purgeOn: Date | null; status: ExemptionStatus }>(r: T) => ({
    ...r,
    termReminder: r.status === "GRANTED" ? reminder(r.termEndsOn, today) : null,
    purgeReminder: reminder(r.purgeOn, today),
  });
  return { active: active.map(withReminders), ended: ended.map(withReminders) };
}

/** U-16: participants reported under a grant whose notice has not yet been sent, oldest first. */
export function noticesToSend(db: Db) {
  return db.exemptionParticipant.findMany({
    where: { noticeQueuedAt: null },
    select: { id: true, participantId: true, reportedAt: true, request: { select: { id: true, reference: true, recordSeries: true, termEndsOn: true, organisation: { select: { name: true } } } } },
    orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
    take: 200,
  });
}

/** The participants behind the notices, through the staff participant scope. */
export async function noticeParticipants(db: Db, actor: ExemptionActor, ids: string[]) {
  const rows = await db.participant.findMany({ where: { AND: [participantScope(actor), { id: { in: ids } }] }, select: { id: true, participantNumber: true, firstName: true, lastName: true } });
  return new Map(rows.map((p) => [p.id, p]));
}
