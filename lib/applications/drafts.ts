import { randomBytes } from "node:crypto";
import type { Db, DbClient } from "../db/client";
import type { Application } from "../db/generated/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { Actor } from "../auth/policy";
import { applicationScope } from "../auth/scopes";
import { registeredAssistant } from "../assistants/registry";
import { AFFIRMATION_VERSION, COLLECTION_NOTICE_VERSION } from "../config/program";
import { fieldCipher } from "../crypto";
import { todayInMassachusetts } from "../dates/calendar";
import { AppError } from "../errors";
import { truncateIp } from "../logging/client-ip";
import { nameKey } from "../participants/name-key";
import { FORM_VERSION, STEP_IDS, fieldNamePattern, stepDef, type StepId } from "./form-definition";
import { validateApplication, validateStep, type FieldErrors, type FormValues } from "./form-schema";
import { checkTransition } from "./status";
import { evidenceProblems } from "./evidence-rules";

export type ApplicantActor = Actor & AuditActor & { id: string; ip: string };

/** Opaque, random, never a name: what staff and assistants call an application. */
export function applicationReference(): string {
  return `APP-${randomBytes(4).toString("hex").toUpperCase()}`;
}

/**
 * Start an application. An Application Assistant files for a survivor and must be registered
 * (§2(2)(i)); a health-care applicant files for themself (§2(1)(b), 950 CMR 131.00).
 */
export async function startApplication(db: Db, actor: ApplicantActor): Promise<{ id: string }> {
  let track: "SURVIVOR" | "HEALTH_CARE";
  let assistantId: string | null = null;
  if (actor.role === "APPLICATION_ASSISTANT") {
    const a = await db.applicationAssistant.findUnique({ where: { userId: actor.id }, select: { id: true, status: true, registrationExpiresOn: true } });
    // U-7: registered and within the two-year term (the nightly job may not have marked it EXPIRED yet).
    if (!a || a.status !== "REGISTERED" || !a.registrationExpiresOn || a.registrationExpiresOn < todayInMassachusetts()) throw new AppError("NOT_REGISTERED", "AppErrors.assistantNotRegistered");
    track = "SURVIVOR";
    assistantId = a.id;
  } else if (actor.role === "HEALTH_CARE_APPLICANT") {
    track = "HEALTH_CARE";
    // One application at a time: an open one is resumed, not duplicated.
    const open = await db.application.findFirst({ where: { applicantUserId: actor.id, status: { in: ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "AWAITING_DOCUMENTS", "PENDING_GC_APPROVAL"] } }, select: { id: true } });
    if (open) return open;
  } else {
    throw new AppError("FORBIDDEN", "AppErrors.forbidden");
  }
  return db.$transaction(async (tx) => {
    const app = await tx.application.create({
      data: {
        reference: applicationReference(),
        track,
        assistantId,
        applicantUserId: track === "HEALTH_CARE" ? actor.id : null,
        applicantFirstName: "",
        applicantLastName: "",
        formVersion: FORM_VERSION,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "application.created", details: { track }, target: { type: "Application", id: app.id } });
    return app;
  });
}

/** The draft the actor may edit: their own, still a DRAFT, not held by the Program Manager. */
async function ownDraft(db: DbClient, actor: Actor, id: string): Promise<Application> {
  const app = await db.application.findFirst({ where: { AND: [applicationScope(actor), { id }] } });
  if (!app || !["APPLICATION_ASSISTANT", "HEALTH_CARE_APPLICANT"].includes(actor.role)) throw new AppError("NOT_FOUND", "AppErrors.applicationMissing");
  if (app.status !== "DRAFT") throw new AppError("SUBMITTED", "AppErrors.applicationSubmitted");
  if (app.heldByUserId) throw new AppError("HELD", "AppErrors.applicationHeld");
  return app;
}

/** The answers typed so far (decrypted for the person who typed them; SEC-05 ends this at submission). */
export async function readDraft(db: Db, actor: Actor, id: string) {
  const app = await ownDraft(db, actor, id);
  const values: FormValues = app.formEnc ? JSON.parse(await fieldCipher(db).openText("contact", app.formEnc)) : {};
  return { app, values };
}

export interface SaveRequest {
  applicationId: string;
  step: StepId;
  values: FormValues;
  /** "autosave" keeps what was typed without judging it; "next" also checks the step is complete. */
  intent: "autosave" | "next" | "back";
}

/**
 * Save one step. Whatever was typed is kept (sealed) even when the step is incomplete: nothing is
 * lost on an error. Only names the step may hold are taken.
 */
export async function saveDraftStep(db: Db, actor: ApplicantActor, req: SaveRequest): Promise<{ errors: FieldErrors; nextStep: StepId }> {
  return db.$transaction(async (tx) => {
    // One save at a time per draft (two tabs, or an autosave racing a button): each reads what the
    // last one wrote instead of overwriting it.
    await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ${req.applicationId} FOR UPDATE`;
    const app = await ownDraft(tx, actor, req.applicationId);
    const cipher = fieldCipher(tx);
    const stored: FormValues = app.formEnc ? JSON.parse(await cipher.openText("contact", app.formEnc)) : {};
    const step = stepDef(req.step);
    const allowed = fieldNamePattern(step, app.track);
    // The step's values replace the stored ones (a removed household row goes away).
    const merged: FormValues = Object.fromEntries(Object.entries(stored).filter(([k]) => !allowed.test(k)));
    for (const [k, v] of Object.entries(req.values)) if (allowed.test(k) && v !== "") merged[k] = v.slice(0, 500);
    const errors = req.intent === "next" ? validateStep(req.step, app.track, merged) : {};
    const index = STEP_IDS.indexOf(req.step);
    const nextStep = req.intent === "autosave" || Object.keys(errors).length ? req.step : req.intent === "back" ? STEP_IDS[Math.max(0, index - 1)] : STEP_IDS[Math.min(STEP_IDS.length - 1, index + 1)];
    await tx.application.update({
      where: { id: app.id },
      data: {
        formEnc: await cipher.seal("contact", JSON.stringify(merged)),
        // Autosave keeps the step the person last moved to.
        ...(req.intent === "autosave" ? {} : { currentStep: nextStep }),
        // The queue shows names only (never the protected answers); a parent applying shows the child's name.
        applicantFirstName: primaryPerson(merged).firstName.slice(0, 60),
        applicantLastName: primaryPerson(merged).lastName.slice(0, 60),
        applicantType: (merged.applicantType as Application["applicantType"]) || "SELF",
      },
    });
    await recordAudit(tx, actor, { action: "application.draft-saved", details: { step: req.step, autosave: req.intent === "autosave" }, target: { type: "Application", id: app.id } });
    return { errors, nextStep };
  });
}

/** §2(1)(a): a parent or guardian applying for a minor or an incapacitated person. */
export function appliesForAnother(values: FormValues): boolean {
  return values.applicantType === "PARENT_OF_MINOR" || values.applicantType === "GUARDIAN_OF_INCAPACITATED";
}

/** The person certification would cover first: the person applied for, or the applicant. */
export function primaryPerson(values: FormValues): { firstName: string; lastName: string; dateOfBirth: string } {
  // Only the applicant type decides: "for" answers left over from an earlier choice are ignored.
  return appliesForAnother(values)
    ? { firstName: values.forFirstName, lastName: values.forLastName ?? "", dateOfBirth: values.forDateOfBirth ?? "" }
    : { firstName: values.firstName ?? "", lastName: values.lastName ?? "", dateOfBirth: values.dateOfBirth ?? "" };
}

/** The keyed blind index of a person for the duplicate check (the same form the participants carry). */
export async function identityIndexOf(cipher: ReturnType<typeof fieldCipher>, p: { firstName: string; lastName: string; dateOfBirth: string }) {
  return cipher.blindIndex(`${nameKey(`${p.firstName} ${p.lastName}`)}|${p.dateOfBirth}`);
}

export type SubmitResult = { ok: true; reference: string } | { ok: false; step: StepId; errors: FieldErrors };

/**
 * Submit (3.A DRAFT → SUBMITTED). Checks every step, the evidence (130.04(2)(c), (j)), the
 * assistant's registration (§2(2)(i)), then writes the signatures (typed name, consent, time,
 * shortened client address) and the collection-notice version (SEC-15) in one transaction.
 */
export async function submitApplication(db: Db, actor: ApplicantActor, applicationId: string, now = new Date()): Promise<SubmitResult> {
  return db.$transaction(async (tx) => {
    // Uploads and saves wait for this submission (and it for them): what is checked is what is sent.
    await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
    const app = await ownDraft(tx, actor, applicationId);
    const cipher = fieldCipher(tx);
    const values: FormValues = app.formEnc ? JSON.parse(await cipher.openText("contact", app.formEnc)) : {};
    const invalid = validateApplication(app.track, values);
    if (invalid) return { ok: false, ...invalid };
    const evidence = await tx.evidenceItem.findMany({ where: { applicationId: app.id }, select: { kind: true, scanStatus: true } });
    const problem = evidenceProblems(app.track, values, evidence);
    if (problem) return { ok: false, step: "evidence", errors: { evidence: problem } };
    let registrationNumber: string | null = null;
    if (app.track === "SURVIVOR") {
      // §2(2)(i): the number must belong to a currently registered assistant, and to this one.
      const a = await registeredAssistant(tx, values.assistantRegistrationNumber ?? "", now);
      if (!a || a.userId !== actor.id || a.id !== app.assistantId) {
        return { ok: false, step: "sign", errors: { assistantRegistrationNumber: "AppErrors.assistantNumberRefused" } };
      }
      registrationNumber = a.registrationNumber;
    }
    checkTransition({ from: "DRAFT", to: "SUBMITTED", role: actor.role, track: app.track, hasOtherEvidence: evidence.some((e) => e.kind === "OTHER") });
    const moved = await tx.application.updateMany({
      where: { id: app.id, status: "DRAFT" },
      data: {
        status: "SUBMITTED",
        submittedAt: now,
        preparedOn: todayInMassachusetts(now),
        collectionNoticeVersion: COLLECTION_NOTICE_VERSION,
        assistantRegistrationNumber: registrationNumber,
        identityIndex: await identityIndexOf(cipher, primaryPerson(values)),
        currentStep: "sign",
      },
    });
    if (moved.count !== 1) throw new AppError("SUBMITTED", "AppErrors.applicationSubmitted");
    const ipPrefix = actor.ip ? truncateIp(actor.ip) : null;
    await tx.applicationSignature.create({ data: { applicationId: app.id, signer: "APPLICANT", typedName: values.applicantSignature.trim(), signedAt: now, ipPrefix, statementVersion: AFFIRMATION_VERSION, userId: app.track === "HEALTH_CARE" ? actor.id : null } });
    if (app.track === "SURVIVOR") {
      await tx.applicationSignature.create({ data: { applicationId: app.id, signer: "ASSISTANT", typedName: values.assistantSignature.trim(), signedAt: now, ipPrefix, statementVersion: AFFIRMATION_VERSION, userId: actor.id } });
    }
    await tx.applicationStatusChange.create({ data: { applicationId: app.id, fromStatus: "DRAFT", toStatus: "SUBMITTED", actorId: actor.id, actorRole: actor.role, at: now } });
    await recordAudit(tx, actor, { action: "application.status-changed", details: { from: "DRAFT", to: "SUBMITTED" }, target: { type: "Application", id: app.id } });
    return { ok: true, reference: app.reference };
  });
}
