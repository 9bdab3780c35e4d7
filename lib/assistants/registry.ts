import { randomInt } from "node:crypto";
import type { Db, DbClient } from "../db/client";
import type { AssistantStatus } from "../db/generated/enums";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { Actor } from "../auth/policy";
import { deactivate, inviteUserTx } from "../accounts/manage-users";
import { addCalendarYears, todayInMassachusetts, type CalendarDate } from "../dates/calendar";
import { AppError } from "../errors";
import { assertTransition, needsProgramManager, needsReason, needsTrainingDate, REGISTRATION_TERM_YEARS } from "./status";

type RegistryActor = Actor & AuditActor & { id: string };

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I: read aloud over the phone

/** §2(2)(i): the registration number every application the assistant files carries. Random, unique. */
async function newRegistrationNumber(tx: DbClient): Promise<string> {
  for (;;) {
    const n = `AA-${Array.from({ length: 6 }, () => ALPHABET[randomInt(0, ALPHABET.length)]).join("")}`;
    if (!(await tx.applicationAssistant.findUnique({ where: { registrationNumber: n }, select: { id: true } }))) return n;
  }
}

/** 3.I: the employer designates; staff record it. */
export async function designateAssistant(db: Db, actor: RegistryActor, input: { organisationId: string; displayName: string; email?: string }) {
  const org = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { kind: true } });
  if (!org || org.kind === "SECRETARY_OF_THE_COMMONWEALTH") throw new AppError("ORG_INVALID", "AppErrors.assistantEmployer", "organisationId");
  return db.$transaction(async (tx) => {
    const a = await tx.applicationAssistant.create({
      data: { organisationId: input.organisationId, displayName: input.displayName.trim(), email: input.email?.trim().toLowerCase() || null, status: "DESIGNATED" },
    });
    await tx.assistantStatusChange.create({ data: { assistantId: a.id, fromStatus: null, toStatus: "DESIGNATED", actorId: actor.id } });
    await recordAudit(tx, actor, { action: "assistant.designated", details: {}, target: { type: "ApplicationAssistant", id: a.id } });
    return a;
  });
}

export interface StatusChange {
  assistantId: string;
  to: AssistantStatus;
  reason?: string;
  trainedOn?: CalendarDate;
}

/**
 * One step of the registry (3.I, U-7), with its record and audit event in one transaction.
 * Registering issues the number, sets a two-year term and, the first time, invites the assistant's
 * account; a renewal needs the refresher-training date; revoking disables the account and moves the
 * assistant's open drafts to the Program Manager.
 */
export async function changeAssistantStatus(db: Db, actor: RegistryActor, change: StatusChange, now = new Date()) {
  const a = await db.applicationAssistant.findUnique({ where: { id: change.assistantId } });
  if (!a) throw new AppError("NOT_FOUND", "AppErrors.assistantMissing");
  if (needsProgramManager(change.to) && actor.role !== "PROGRAM_MANAGER") throw new AppError("PM_ONLY", "AppErrors.assistantPmOnly");
  assertTransition(a.status, change.to);
  if (needsReason(change.to) && !change.reason?.trim()) throw new AppError("REASON_REQUIRED", "AppErrors.reasonRequired", "reason");
  const today = todayInMassachusetts(now);
  if (needsTrainingDate(a.status, change.to)) {
    if (!change.trainedOn) throw new AppError("TRAINING_DATE_REQUIRED", "AppErrors.trainingDateRequired", "trainedOn");
    if (change.trainedOn > today) throw new AppError("TRAINING_DATE_FUTURE", "AppErrors.trainingDateFuture", "trainedOn");
  }
  return db.$transaction(async (tx) => {
    const data: Parameters<typeof tx.applicationAssistant.update>[0]["data"] = { status: change.to };
    if (change.to === "TRAINED") data.trainedAt = change.trainedOn;
    if (change.to === "ACCEPTED") data.acceptedAt = now;
    if (change.to === "REGISTERED") {
      if (!a.registrationNumber) data.registrationNumber = await newRegistrationNumber(tx);
      // A first registration or a renewal starts a new two-year term; a reinstatement keeps the term.
      if (a.status !== "SUSPENDED") {
        data.registeredAt = now;
        data.registrationExpiresOn = addCalendarYears(today, REGISTRATION_TERM_YEARS);
      }
      if (!a.userId && a.email) {
        const user = await inviteUserTx(tx, actor, { email: a.email, displayName: a.displayName, role: "APPLICATION_ASSISTANT", organisationId: a.organisationId });
        data.user = { connect: { id: user.id } };
      }
    }
    const updated = await tx.applicationAssistant.update({ where: { id: a.id }, data });
    await tx.assistantStatusChange.create({
      data: { assistantId: a.id, fromStatus: a.status, toStatus: change.to, reason: change.reason?.trim() || null, trainedOn: change.trainedOn ?? null, actorId: actor.id, at: now },
    });
    await recordAudit(tx, actor, { action: "assistant.status-changed", details: { from: a.status, to: change.to }, target: { type: "ApplicationAssistant", id: a.id }, reason: change.reason?.trim() });
    if (change.to === "REVOKED") {
      if (a.userId) {
        await deactivate(tx, a.userId, now);
        await recordAudit(tx, actor, { action: "account.deactivated", details: { reason: "assistant-revoked" }, target: { type: "User", id: a.userId } });
      }
      // U-7: the revoked assistant's drafts are not lost; the Program Manager holds them.
      await tx.application.updateMany({ where: { assistantId: a.id, status: "DRAFT" }, data: { heldByUserId: actor.id } });
    }
    return updated;
  });
}

/** U-7: registrations end after two years unless renewed. Run daily by the job runner. */
export async function expireRegistrations(db: Db, now = new Date()): Promise<number> {
  const today = todayInMassachusetts(now);
  const due = await db.applicationAssistant.findMany({ where: { status: "REGISTERED", registrationExpiresOn: { lt: today } }, select: { id: true } });
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const r = await tx.applicationAssistant.updateMany({ where: { id, status: "REGISTERED" }, data: { status: "EXPIRED" } });
      if (r.count !== 1) return;
      await tx.assistantStatusChange.create({ data: { assistantId: id, fromStatus: "REGISTERED", toStatus: "EXPIRED", reason: "Two-year registration ended", actorId: null, at: now } });
      await recordAudit(tx, { id: null, role: null, ip: null }, { action: "assistant.status-changed", details: { from: "REGISTERED", to: "EXPIRED" }, target: { type: "ApplicationAssistant", id } });
    });
  }
  return due.length;
}

/**
 * §2(2)(i): an application may be submitted only under the number of a currently registered
 * assistant. The application work (issue 5) asks here.
 */
export async function registeredAssistant(db: DbClient, registrationNumber: string, now = new Date()) {
  const a = await db.applicationAssistant.findUnique({ where: { registrationNumber: registrationNumber.trim().toUpperCase() } });
  if (!a || a.status !== "REGISTERED" || !a.registrationExpiresOn || a.registrationExpiresOn < todayInMassachusetts(now)) return null;
  return a;
}
